package org.scriptorium.sandbox.ui.internal.launching;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.debug.ui.console.IConsole;
import org.eclipse.debug.ui.console.IConsoleLineTracker;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IRegion;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.console.IHyperlink;
import org.eclipse.core.runtime.ILog;
import org.scriptorium.ui.PaperLinks;

/**
 * Turns the arXiv ids in an experiment's Console (e.g. {@code strategy top-p (arXiv 2403.07652)}) into links that
 * select the paper in the Papers view, when the paper is in the default corpus.
 */
public final class PaperLinkLineTracker implements IConsoleLineTracker {

	/** {@code arXiv 2403.07652}, {@code arXiv:2403.07652v2}. */
	static final Pattern ARXIV = Pattern.compile("arXiv[ :]?(\\d{4}\\.\\d{4,5}(?:v\\d+)?)"); //$NON-NLS-1$

	private IConsole console;

	@Override
	public void init(IConsole c) {
		this.console = c;
	}

	@Override
	public void lineAppended(IRegion line) {
		String text;
		try {
			text = console.getDocument().get(line.getOffset(), line.getLength());
		} catch (BadLocationException e) {
			return;
		}
		Matcher m = ARXIV.matcher(text);
		while (m.find()) {
			String id = m.group(1);
			if (PaperLinks.findByArxivId(id).isPresent()) {
				console.addLink(new PaperLink(id), line.getOffset() + m.start(), m.end() - m.start());
			}
		}
	}

	@Override
	public void dispose() {
		console = null;
	}

	/** Selects a paper in the Papers view. */
	public static final class PaperLink implements IHyperlink {

		private final String arxivId;

		PaperLink(String arxivId) {
			this.arxivId = arxivId;
		}

		/** The arXiv id the link leads to. */
		public String arxivId() {
			return arxivId;
		}

		@Override
		public void linkActivated() {
			IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
			IWorkbenchPage page = window == null ? null : window.getActivePage();
			if (page == null) {
				return;
			}
			try {
				PaperLinks.showPaper(page, arxivId);
			} catch (PartInitException e) {
				ILog.of(PaperLinkLineTracker.class).log(e.getStatus());
			}
		}

		@Override
		public void linkEntered() {
			// nothing to preview
		}

		@Override
		public void linkExited() {
			// nothing to preview
		}
	}
}
