package org.scriptorium.ui.internal.perspectives;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.eclipse.ui.IPlaceholderFolderLayout;
import org.scriptorium.ui.ScriptoriumUI;
import org.scriptorium.ui.internal.views.NeighbourhoodView;

/**
 * The Scriptorium perspective, laid out for work at 1600x1000 and up: the Project Explorer on the left (corpus and
 * experiment files); the Papers view on top, sharing its row with the Experiment Results (a stack of their own, shown
 * when the view opens, a little wider than the Papers so that at 1600x1000 the launches' columns fit side by side);
 * below them the editor area (half of the height) beside the stack of the Progress view, Console, Problems, Search
 * and Citation Neighbourhood, so output in the Console never covers the results or the editor.
 */
public class ScriptoriumPerspective implements IPerspectiveFactory {

	/** The stack beside the editor: Progress, Console, Problems, Search, Properties, Citation Neighbourhood. */
	public static final String BOTTOM_FOLDER_ID = "org.scriptorium.ui.perspective.bottom"; //$NON-NLS-1$

	/** The stack of the Experiment Results view, beside the Papers view (empty until the view opens). */
	public static final String RESULTS_FOLDER_ID = "org.scriptorium.ui.perspective.results"; //$NON-NLS-1$

	/** The Experiment Results view (contributed by the sandbox UI bundle). */
	private static final String RESULTS_VIEW_ID = "org.scriptorium.sandbox.ui.resultsView"; //$NON-NLS-1$

	@Override
	public void createInitialLayout(IPageLayout layout) {
		String editorArea = layout.getEditorArea();
		layout.addView(IPageLayout.ID_PROJECT_EXPLORER, IPageLayout.LEFT, 0.19f, editorArea);
		layout.addView(ScriptoriumUI.PAPERS_VIEW_ID, IPageLayout.TOP, 0.5f, editorArea);
		IPlaceholderFolderLayout results = layout.createPlaceholderFolder(RESULTS_FOLDER_ID, IPageLayout.RIGHT, 0.48f,
				ScriptoriumUI.PAPERS_VIEW_ID);
		results.addPlaceholder(RESULTS_VIEW_ID);
		IFolderLayout bottom = layout.createFolder(BOTTOM_FOLDER_ID, IPageLayout.RIGHT, 0.6f, editorArea);
		bottom.addView(IPageLayout.ID_PROGRESS_VIEW);
		bottom.addPlaceholder(IPageLayout.ID_PROBLEM_VIEW);
		bottom.addPlaceholder(IPageLayout.ID_PROP_SHEET);
		bottom.addPlaceholder("org.eclipse.ui.console.ConsoleView"); //$NON-NLS-1$
		bottom.addPlaceholder("org.eclipse.search.ui.views.SearchView"); //$NON-NLS-1$
		bottom.addPlaceholder(NeighbourhoodView.ID);
		layout.addShowViewShortcut(ScriptoriumUI.PAPERS_VIEW_ID);
		layout.addShowViewShortcut(NeighbourhoodView.ID);
		layout.addShowViewShortcut(IPageLayout.ID_PROJECT_EXPLORER);
		layout.addShowViewShortcut(IPageLayout.ID_PROP_SHEET);
		layout.addPerspectiveShortcut(ScriptoriumUI.PERSPECTIVE_ID);
	}
}
