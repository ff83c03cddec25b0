package org.scriptorium.ui.internal.search;

import org.eclipse.jface.viewers.StyledString;
import org.eclipse.jface.viewers.StyledString.Styler;
import org.eclipse.swt.graphics.TextStyle;

/** Turns the engine's highlighted snippets ({@code <b>…</b>} around matches) into styled text. */
final class Snippets {

	private static final String OPEN = "<b>", CLOSE = "</b>"; //$NON-NLS-1$ //$NON-NLS-2$

	private static final Styler BOLD = new Styler() {
		@Override
		public void applyStyles(TextStyle style) {
			style.font = org.eclipse.jface.resource.JFaceResources.getFontRegistry()
					.getBold(org.eclipse.jface.resource.JFaceResources.DEFAULT_FONT);
		}
	};

	private Snippets() {
	}

	static StyledString styled(String snippet) {
		StyledString out = new StyledString();
		if (snippet == null) {
			return out;
		}
		String s = snippet.replace('\n', ' ');
		int i = 0;
		while (i < s.length()) {
			int open = s.indexOf(OPEN, i);
			if (open < 0) {
				out.append(s.substring(i));
				break;
			}
			out.append(s.substring(i, open));
			int close = s.indexOf(CLOSE, open + OPEN.length());
			if (close < 0) {
				out.append(s.substring(open + OPEN.length()));
				break;
			}
			out.append(s.substring(open + OPEN.length(), close), BOLD);
			i = close + CLOSE.length();
		}
		return out;
	}
}
