package org.scriptorium.ui.internal.perspectives;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.scriptorium.ui.ScriptoriumUI;
import org.scriptorium.ui.internal.views.NeighbourhoodView;

/**
 * The Scriptorium perspective: the Papers view above the editor area, the Project Explorer on the left (for corpus
 * and experiment files) and the Progress view below.
 */
public class ScriptoriumPerspective implements IPerspectiveFactory {

	@Override
	public void createInitialLayout(IPageLayout layout) {
		String editorArea = layout.getEditorArea();
		layout.addView(IPageLayout.ID_PROJECT_EXPLORER, IPageLayout.LEFT, 0.2f, editorArea);
		layout.addView(ScriptoriumUI.PAPERS_VIEW_ID, IPageLayout.TOP, 0.72f, editorArea);
		IFolderLayout bottom = layout.createFolder("org.scriptorium.ui.perspective.bottom", IPageLayout.BOTTOM, //$NON-NLS-1$
				0.5f, editorArea);
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
