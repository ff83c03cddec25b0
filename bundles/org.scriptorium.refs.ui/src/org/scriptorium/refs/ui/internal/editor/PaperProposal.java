package org.scriptorium.refs.ui.internal.editor;

import java.util.Locale;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposalExtension2;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;

/**
 * A paper proposed by {@link CitationContentAssist}: it inserts its text over what was typed, and stays in the list
 * while the text typed since matches it (a prefix of its key or id, or every typed word starting a word of its
 * description), so the list narrows as the user types on.
 */
final class PaperProposal implements ICompletionProposal, ICompletionProposalExtension2 {

	private final String insert;
	private final int from;
	private final String display;
	private final String info;
	private final String key;

	PaperProposal(String insert, int from, int length, String key, String display, String info) {
		this.insert = insert;
		this.from = from;
		this.key = key.toLowerCase(Locale.ROOT);
		this.display = display;
		this.info = info;
		this.length = length;
	}

	private int length;

	@Override
	public void apply(IDocument document) {
		new CompletionProposal(insert, from, length, insert.length()).apply(document);
	}

	@Override
	public void apply(ITextViewer viewer, char trigger, int stateMask, int offset) {
		length = offset - from;
		apply(viewer.getDocument());
	}

	@Override
	public boolean validate(IDocument document, int offset, DocumentEvent event) {
		if (offset < from) {
			return false;
		}
		try {
			return matches(document.get(from, offset - from));
		} catch (BadLocationException e) {
			return false;
		}
	}

	/** Whether the typed text still names this paper. */
	boolean matches(String typed) {
		String t = typed.toLowerCase(Locale.ROOT).strip();
		if (t.isEmpty() || key.startsWith(t)) {
			return true;
		}
		String words = " " + display.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " "); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		for (String w : CitationContentAssist.query(typed).replace("*", "").split(" ")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			if (!w.isBlank() && !words.contains(" " + w)) { //$NON-NLS-1$
				return false;
			}
		}
		return true;
	}

	@Override
	public void selected(ITextViewer viewer, boolean smartToggle) {
	}

	@Override
	public void unselected(ITextViewer viewer) {
	}

	@Override
	public Point getSelection(IDocument document) {
		return new Point(from + insert.length(), 0);
	}

	@Override
	public String getAdditionalProposalInfo() {
		return info;
	}

	@Override
	public String getDisplayString() {
		return display;
	}

	@Override
	public Image getImage() {
		return null;
	}

	@Override
	public IContextInformation getContextInformation() {
		return null;
	}
}
