package org.scriptorium.refs.ui.internal.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.hyperlink.AbstractHyperlinkDetector;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.ui.texteditor.ITextEditor;
import org.scriptorium.refs.Reference;
import org.scriptorium.refs.References;

/**
 * Ctrl+click on a paper reference in any text editor (text editor, Generic Editor, Java editor): the detector only
 * recognises the reference in the line under the mouse (no corpus, no index: it runs on the UI thread); the link
 * resolves it when opened ({@link ReferenceHyperlink}).
 */
public final class ReferenceHyperlinkDetector extends AbstractHyperlinkDetector {

	@Override
	public IHyperlink[] detectHyperlinks(ITextViewer textViewer, IRegion region, boolean canShowMultipleHyperlinks) {
		IDocument document = textViewer == null ? null : textViewer.getDocument();
		if (document == null) {
			return null;
		}
		try {
			Reference reference = at(document, region.getOffset());
			if (reference == null) {
				return null;
			}
			List<IHyperlink> links = new ArrayList<>(1);
			links.add(new ReferenceHyperlink(reference, getAdapter(ITextEditor.class)));
			return links.toArray(IHyperlink[]::new);
		} catch (BadLocationException e) {
			return null;
		}
	}

	/**
	 * The reference at {@code offset} of the document, found in its line (a cite command may span lines: the lines
	 * around are scanned too), or null; the reference's offset is the document's.
	 */
	static Reference at(IDocument document, int offset) throws BadLocationException {
		int line = document.getLineOfOffset(offset);
		int first = Math.max(0, line - 2);
		int last = Math.min(document.getNumberOfLines() - 1, line + 2);
		int start = document.getLineOffset(first);
		int end = document.getLineOffset(last) + document.getLineLength(last);
		String text = document.get(start, end - start);
		return References.at(text, offset - start).filter(r -> r.contains(offset - start))
				.map(r -> new Reference(r.kind(), r.offset() + start, r.length(), r.id(), r.version(), r.command()))
				.orElse(null);
	}
}
