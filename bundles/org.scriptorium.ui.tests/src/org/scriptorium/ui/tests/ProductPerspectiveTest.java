package org.scriptorium.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.ui.Screenshots;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.ui.ScriptoriumUI;
import org.scriptorium.ui.tests.pages.PapersViewTester;

/** The Scriptorium IDE product opens on the Scriptorium perspective, which shows the Papers view. */
@ExtendWith(NoErrorLoggedExtension.class)
class ProductPerspectiveTest {

	@Test
	void theProductPerspectiveShowsThePapersViewWithTheDefaultCorpus() throws Exception {
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		IWorkbenchPage page = window.getActivePage();
		assertEquals(ScriptoriumUI.PERSPECTIVE_ID, PlatformUI.getWorkbench().getPerspectiveRegistry()
				.getDefaultPerspective(), "the product's default perspective"); //$NON-NLS-1$
		PlatformUI.getWorkbench().showPerspective(ScriptoriumUI.PERSPECTIVE_ID, window);
		page.resetPerspective();
		assertEquals(ScriptoriumUI.PERSPECTIVE_ID, page.getPerspective().getId());

		IViewReference ref = page.findViewReference(ScriptoriumUI.PAPERS_VIEW_ID);
		assertNotNull(ref, "the perspective has the Papers view"); //$NON-NLS-1$
		assertTrue(page.isPartVisible(ref.getPart(true)), "the Papers view is visible"); //$NON-NLS-1$

		PapersViewTester papers = PapersViewTester.open();
		UiWait.until("the 76 seed papers are listed", () -> papers.rowCount() == 76); //$NON-NLS-1$
		assertEquals(DefaultCorpus.get().seedPapers().stream().map(p -> p.title()).toList(), papers.titles());

		String folder = System.getProperty("scriptorium.screenshots"); //$NON-NLS-1$
		if (folder != null) {
			Shell shell = window.getShell();
			shell.setBounds(0, 0, 1600, 1000); // the size the perspective is laid out for (issue 16)
			papers.typeFilter("routing experts", (int) DefaultCorpus.get().seedPapers().stream() //$NON-NLS-1$
					.filter(p -> Stems.titleOrAbstractHas(p, "routing experts")).count()); //$NON-NLS-1$
			papers.clickRow(0);
			String title = papers.titles().get(0);
			UiWait.until("the details show the selected paper", () -> papers.details().getText().startsWith(title)); //$NON-NLS-1$
			// the sash between the table and the details dragged down, as a reader does to see the whole abstract
			var details = papers.details();
			Control pane = details;
			while (!(pane.getParent() instanceof SashForm)) {
				pane = pane.getParent();
			}
			((SashForm) pane.getParent()).setWeights(42, 58);
			UiWait.flush();
			shell.update();
			Path png = Screenshots.capture(shell, Path.of(folder, "scriptorium-ide.png")); //$NON-NLS-1$
			assertTrue(Files.size(png) > 10_000, "a screenshot with content"); //$NON-NLS-1$

			papers.clearFilter();
			papers.settle();
			org.scriptorium.ui.PaperLinks.showPaper(page, "2401.06066"); //$NON-NLS-1$ DeepSeekMoE: references and cited-by
			UiWait.until("DeepSeekMoE is selected", //$NON-NLS-1$
					() -> String.valueOf(papers.selectedTitle()).startsWith("DeepSeekMoE")); //$NON-NLS-1$
			var tabs = org.scriptorium.tests.common.ui.Widgets.byId(shell, ScriptoriumUI.WIDGET_ID_KEY,
					org.scriptorium.ui.internal.views.PapersView.TABS_ID, org.eclipse.swt.custom.CTabFolder.class);
			tabs.setSelection(1);
			UiWait.flush();
			shell.update();
			png = Screenshots.capture(shell, Path.of(folder, "scriptorium-citations.png")); //$NON-NLS-1$
			assertTrue(Files.size(png) > 10_000, "a screenshot with content"); //$NON-NLS-1$
		}
		papers.close();
	}
}
