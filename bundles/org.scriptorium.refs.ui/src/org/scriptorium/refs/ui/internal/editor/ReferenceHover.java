package org.scriptorium.refs.ui.internal.editor;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.swt.widgets.Display;
import org.scriptorium.refs.Reference;
import org.scriptorium.refs.Resolution;
import org.scriptorium.refs.ui.internal.ActiveCorpus;
import org.scriptorium.refs.ui.internal.PaperText;

/**
 * The hover of a paper reference in the Generic Editor (and, through {@code JavaReferenceHover}, the Java editor):
 * title, authors, year, venue, the start of the abstract, citation counts and where to follow citations. The text
 * viewer asks for it on its hover thread, so reading the corpus does not block the UI thread; asked on the UI thread
 * it answers only from a corpus already read.
 */
public class ReferenceHover implements ITextHover {

	@Override
	public IRegion getHoverRegion(ITextViewer textViewer, int offset) {
		Reference reference = reference(textViewer, offset);
		return reference == null ? null : new Region(reference.offset(), reference.length());
	}

	@Override
	public String getHoverInfo(ITextViewer textViewer, IRegion hoverRegion) {
		Reference reference = reference(textViewer, hoverRegion.getOffset());
		if (reference == null) {
			return null;
		}
		return info(reference);
	}

	/** The hover text of a reference, or null on the UI thread when the corpus has not been read yet. */
	static String info(Reference reference) {
		if (Display.getCurrent() != null && !ActiveCorpus.isRead()) {
			return null;
		}
		ActiveCorpus.Loaded active = ActiveCorpus.get();
		Resolution resolution = active.resolver().resolve(reference);
		if (!resolution.isKnown()) {
			Resolution fromDefault = ActiveCorpus.defaultCorpus().resolver().resolve(reference);
			if (fromDefault.isKnown()) {
				return PaperText.of(reference, fromDefault, ActiveCorpus.defaultCorpus());
			}
		}
		return PaperText.of(reference, resolution, active);
	}

	static Reference reference(ITextViewer textViewer, int offset) {
		IDocument document = textViewer == null ? null : textViewer.getDocument();
		if (document == null) {
			return null;
		}
		try {
			return ReferenceHyperlinkDetector.at(document, offset);
		} catch (BadLocationException e) {
			return null;
		}
	}
}
