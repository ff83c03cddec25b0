package org.scriptorium.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
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

		// the README's pictures of the IDE in use (scriptorium-ide.png, scriptorium-citations.png) are taken by the
		// sandbox UI tests' ReadmeScreenshotTest, with the examples project and an experiment open
		papers.close();
	}
}
