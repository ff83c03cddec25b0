package org.scriptorium.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.ui.PaperLinks;
import org.scriptorium.ui.tests.pages.PapersViewTester;

/** Links to papers by arXiv id select the paper in the Papers view, even when the filter hides it. */
@ExtendWith(NoErrorLoggedExtension.class)
class PaperLinksTest {

	private PapersViewTester papers;

	@AfterEach
	void close() {
		if (papers != null) {
			papers.close();
		}
	}

	@Test
	void aLinkSelectsThePaperAndClearsAFilterThatHidesIt() throws Exception {
		papers = PapersViewTester.open();
		papers.typeFilter("astronomical", 1); //$NON-NLS-1$
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();

		// DeepSeekMoE (arXiv 2401.06066) does not mention astronomy
		String title = PaperLinks.findByArxivId("arXiv:2401.06066v1").orElseThrow().title(); //$NON-NLS-1$
		assertTrue(PaperLinks.showPaper(page, "2401.06066")); //$NON-NLS-1$

		UiWait.until("the linked paper is selected", () -> papers.table().getSelectionCount() == 1 //$NON-NLS-1$
				&& papers.table().getSelection()[0].getText(0).equals(title));
		assertEquals("", papers.filter().getText()); //$NON-NLS-1$
		assertTrue(papers.details().getText().startsWith(title));
	}

	@Test
	void anUnknownArxivIdIsReportedAsNotFound() throws Exception {
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		assertFalse(PaperLinks.showPaper(page, "9999.99999")); //$NON-NLS-1$
	}
}
