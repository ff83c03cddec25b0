package org.scriptorium.ui;

import java.util.Optional;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.PaperIds;

/**
 * Links from anywhere in the workbench to papers of the Papers view, e.g. from a routing strategy to the paper that
 * defined it. Call on the UI thread.
 *
 * @noinstantiate This class is not intended to be instantiated by clients.
 */
public final class PaperLinks {

	private PaperLinks() {
	}

	/** The paper of the default corpus with this arXiv id (any version suffix or {@code arXiv:} prefix is ignored). */
	public static Optional<Paper> findByArxivId(String arxivId) {
		String id = PaperIds.normalizeArxiv(arxivId);
		return DefaultCorpus.get().papers().stream().filter(p -> id != null && id.equals(p.ids().arxiv())).findFirst();
	}

	/**
	 * Shows the Papers view in {@code page} and selects the paper with this arXiv id, clearing the filter if it hides
	 * the paper.
	 *
	 * @return whether the paper is in the corpus and is now selected
	 */
	public static boolean showPaper(IWorkbenchPage page, String arxivId) throws PartInitException {
		Optional<Paper> paper = findByArxivId(arxivId);
		if (paper.isEmpty()) {
			return false;
		}
		return IPapersView.show(page).reveal(paper.get().id());
	}
}
