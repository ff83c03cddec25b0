package org.scriptorium.sandbox.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.navigator.CommonNavigator;
import org.eclipse.ui.navigator.CommonViewer;
import org.eclipse.ui.part.ISetSelectionTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scriptorium.launching.ExperimentExamples;
import org.scriptorium.sandbox.ui.SandboxUI;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.ui.Screenshots;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.tests.common.ui.Widgets;
import org.scriptorium.ui.PaperLinks;
import org.scriptorium.ui.ScriptoriumUI;
import org.scriptorium.ui.internal.JobFamilies;

/**
 * The README's pictures of the IDE in use (scriptorium-ide.png, scriptorium-citations.png) at 1600x1000: the Scriptorium Examples project in the
 * Project Explorer, E4's experiment file open in the experiment editor, and the Papers view filtered on
 * {@code routing experts} with a paper selected, its details showing the filter's words highlighted; then DeepSeekMoE's
 * references in the citation panes.
 */
@ExtendWith(NoErrorLoggedExtension.class)
class ReadmeScreenshotTest {

	@Test
	void theIdeInUseWithTheExamplesAnExperimentAndAFilteredPaper() throws Exception {
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		Shell shell = window.getShell();
		shell.setMaximized(false);
		shell.setBounds(0, 0, 1600, 1000);
		IWorkbenchPage page = window.getActivePage();
		PlatformUI.getWorkbench().showPerspective(ScriptoriumUI.PERSPECTIVE_ID, window);
		page.closeAllEditors(false);
		page.resetPerspective();
		IProject examples = ExperimentExamples.createProject(null); // what Run Example Experiment creates
		SashForm sash = null;
		int[] weights = null;
		ViewerFilter hideOthers = null;
		CommonViewer viewer = null;
		try {
			IFile e4 = examples.getFile("e4-thor.moe.json"); //$NON-NLS-1$
			assertTrue(e4.exists(), "the examples project has E4"); //$NON-NLS-1$
			IEditorPart editor = IDE.openEditor(page, e4);
			CommonNavigator explorer = (CommonNavigator) page.showView(IPageLayout.ID_PROJECT_EXPLORER);
			// the projects other tests of this workspace left behind are not part of the picture
			hideOthers = new ViewerFilter() {
				@Override
				public boolean select(Viewer viewer, Object parent, Object element) {
					return !(element instanceof IProject p) || p.equals(examples);
				}
			};
			explorer.getCommonViewer().addFilter(hideOthers);
			viewer = explorer.getCommonViewer();
			((ISetSelectionTarget) explorer).selectReveal(new StructuredSelection(e4));

			page.showView(ScriptoriumUI.PAPERS_VIEW_ID);
			Text filter = Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, "papers.filter", Text.class); //$NON-NLS-1$
			Table table = Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, "papers.table", Table.class); //$NON-NLS-1$
			StyledText details = Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, "papers.details", StyledText.class); //$NON-NLS-1$
			UiWait.until("the Papers view lists the corpus", () -> table.getItemCount() > 20); //$NON-NLS-1$
			filter.setText("routing experts"); //$NON-NLS-1$
			String title = "Harder Tasks Need More Experts"; //$NON-NLS-1$
			UiWait.until("the filter keeps the papers on routing experts", () -> table.getItemCount() < 20 //$NON-NLS-1$
					&& Arrays.stream(table.getItems()).anyMatch(i -> i.getText(0).startsWith(title)));
			TableItem row = Arrays.stream(table.getItems()).filter(i -> i.getText(0).startsWith(title)).findFirst()
					.orElseThrow();
			table.setSelection(row); // as SWTBotTable.select does
			Event click = new Event();
			click.item = row;
			table.notifyListeners(SWT.Selection, click);
			UiWait.until("the details show the paper with the filter's words highlighted", //$NON-NLS-1$
					() -> details.getText().startsWith(title)
							&& Arrays.stream(details.getStyleRanges()).anyMatch(r -> r.background != null));

			// the sash between the table and the details dragged down, as a reader does to see the whole abstract
			Control pane = details;
			while (!(pane.getParent() instanceof SashForm)) {
				pane = pane.getParent();
			}
			sash = (SashForm) pane.getParent();
			weights = sash.getWeights();
			sash.setWeights(42, 58);
			page.activate(editor);
			assertEquals(editor, page.getActiveEditor());
			UiWait.flush();

			String folder = System.getProperty("scriptorium.screenshots"); //$NON-NLS-1$
			if (folder != null) {
				shell.update();
				Path png = Screenshots.capture(shell, Path.of(folder, "scriptorium-ide.png")); //$NON-NLS-1$
				assertTrue(Files.size(png) > 10_000, "a screenshot with content"); //$NON-NLS-1$
			}

			// the citation panes: DeepSeekMoE's references, as a link to the paper shows it
			filter.setText(""); //$NON-NLS-1$
			UiWait.until("the filter is cleared", () -> table.getItemCount() > 20); //$NON-NLS-1$
			assertTrue(PaperLinks.showPaper(page, "2401.06066")); //$NON-NLS-1$
			// the cleared filter may still be applied after the link (a loaded machine): follow the link again then,
			// as a reader would, until the paper shows selected; only once the rows are computed, since following it
			// while they are may start computing them again
			UiWait.until("DeepSeekMoE is selected", () -> { //$NON-NLS-1$
				boolean shown = table.getSelectionCount() == 1
						&& table.getSelection()[0].getText(0).startsWith("DeepSeekMoE"); //$NON-NLS-1$
				if (!shown && Job.getJobManager().find(JobFamilies.PAPERS_FILTER).length == 0) {
					try {
						PaperLinks.showPaper(page, "2401.06066"); //$NON-NLS-1$
					} catch (org.eclipse.ui.PartInitException e) {
						throw new IllegalStateException(e);
					}
				}
				return shown;
			});
			CTabFolder tabs = Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, "papers.tabs", CTabFolder.class); //$NON-NLS-1$
			tabs.setSelection(1);
			assertTrue(tabs.getItem(1).getText().startsWith("References ("), tabs.getItem(1).getText()); //$NON-NLS-1$
			table.showSelection();
			page.activate(editor);
			UiWait.flush();
			if (folder != null) {
				shell.update();
				Path png = Screenshots.capture(shell, Path.of(folder, "scriptorium-citations.png")); //$NON-NLS-1$
				assertTrue(Files.size(png) > 10_000, "a screenshot with content"); //$NON-NLS-1$
			}
		} finally {
			if (sash != null && !sash.isDisposed()) {
				sash.setWeights(weights);
			}
			if (viewer != null && !viewer.getControl().isDisposed()) {
				viewer.removeFilter(hideOthers);
			}
			page.closeAllEditors(false);
			examples.delete(true, true, null);
		}
	}
}
