package org.scriptorium.sandbox.ui.internal.editor;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.scriptorium.sandbox.ExperimentSchema;
import org.scriptorium.sandbox.JsonContext;

/**
 * Hover in experiment files: over a key, what the schema says of it (type, bounds, default, listed values,
 * description); over a listed value such as a strategy type, its description (e.g. the paper it comes from).
 */
public final class ExperimentHover implements ITextHover {

	@Override
	public String getHoverInfo(ITextViewer viewer, IRegion region) {
		IDocument document = viewer.getDocument();
		try {
			String word = document.get(region.getOffset(), region.getLength());
			if (word.length() < 2 || !word.startsWith("\"") || !word.endsWith("\"")) { //$NON-NLS-1$ //$NON-NLS-2$
				return null;
			}
			String name = word.substring(1, word.length() - 1);
			JsonContext context = JsonContext.at(document.get(), region.getOffset());
			ExperimentSchema schema = ExperimentSchema.get();
			if (context.keyPosition()) {
				ExperimentSchema.Key key = schema.key(context.path(), name);
				return key == null ? null : key.summary();
			}
			if (context.key().isEmpty()) {
				return null;
			}
			String description = schema.valueDescription(context.path(), context.key(), name);
			return description.isEmpty() ? null : name + ": " + description; //$NON-NLS-1$
		} catch (BadLocationException e) {
			return null;
		}
	}

	/** The whole JSON string (with its quotes) around {@code offset}, or an empty region. */
	@Override
	public IRegion getHoverRegion(ITextViewer viewer, int offset) {
		IDocument document = viewer.getDocument();
		try {
			int line = document.getLineOfOffset(offset);
			int lineStart = document.getLineOffset(line);
			String text = document.get(lineStart, document.getLineLength(line));
			int at = offset - lineStart;
			int open = -1;
			boolean inString = false;
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == '\\' && inString) {
					i++;
				} else if (c == '"') {
					if (!inString) {
						open = i;
						inString = true;
					} else {
						inString = false;
						if (open <= at && at <= i) {
							return new Region(lineStart + open, i - open + 1);
						}
					}
				}
			}
		} catch (BadLocationException e) {
			// no region
		}
		return new Region(offset, 0);
	}
}
