package org.scriptorium.ui;

import java.nio.file.Path;

import org.eclipse.core.runtime.Adapters;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.PartInitException;
import org.scriptorium.core.model.ICorpus;

/**
 * The Papers view as the rest of the workbench uses it: show a corpus file, reveal a paper. The view's part adapts
 * to it ({@link #of(IWorkbenchPart)}); nothing needs the view's class. Call on the UI thread.
 *
 * @noimplement This interface is not intended to be implemented by clients.
 */
public interface IPapersView {

	/**
	 * Shows the corpus in a JSON Lines corpus file (read again if it changed; see docs/corpus-format.md) and then
	 * selects the paper with id {@code revealPaperId} (may be null; if it is gone, the paper selected before stays
	 * selected if it is still there). The file is read in a job; if it cannot be read, the view says why and keeps
	 * what it showed.
	 */
	void openCorpusFile(Path file, String revealPaperId);

	/** Shows the corpus in a JSON Lines corpus file, as {@link #openCorpusFile(Path, String)} without a paper. */
	default void openCorpusFile(Path file) {
		openCorpusFile(file, null);
	}

	/** The corpus file the view shows, or null for the built-in corpus or a corpus not read from a file. */
	Path corpusFile();

	/** The corpus the view lists, or null while it loads. */
	ICorpus corpus();

	/**
	 * Selects and shows the paper with this id, clearing the filter and listing reference-only papers if that is what
	 * hides it. If the corpus is still loading, the paper is selected once it is shown.
	 *
	 * @return whether the paper is in the view's corpus (or the corpus is still loading)
	 */
	boolean reveal(String paperId);

	/** The Papers view of a part (the view's part itself), or null for another part. */
	static IPapersView of(IWorkbenchPart part) {
		return part == null ? null : Adapters.adapt(part, IPapersView.class);
	}

	/** Shows the Papers view in {@code page} (activated) and returns it. */
	static IPapersView show(IWorkbenchPage page) throws PartInitException {
		return show(page, IWorkbenchPage.VIEW_ACTIVATE);
	}

	/**
	 * Shows the Papers view in {@code page} and returns it.
	 *
	 * @param mode {@link IWorkbenchPage#VIEW_ACTIVATE}, {@link IWorkbenchPage#VIEW_VISIBLE} or
	 *             {@link IWorkbenchPage#VIEW_CREATE}
	 */
	static IPapersView show(IWorkbenchPage page, int mode) throws PartInitException {
		return of(page.showView(ScriptoriumUI.PAPERS_VIEW_ID, null, mode));
	}

	/** The Papers view open in {@code page}, or null if it is not open. */
	static IPapersView find(IWorkbenchPage page) {
		IViewPart part = page.findView(ScriptoriumUI.PAPERS_VIEW_ID);
		return of(part);
	}
}
