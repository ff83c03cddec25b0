package org.scriptorium.ui.internal.views;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;

/**
 * The colours of the filter's words in the details: the background is the theme's match highlight, as the Search
 * view uses it ({@value #MATCH_HIGHLIGHT}: lavender in the light theme, orange in the dark one), the text black or
 * white, whichever contrasts more with it (at least 4.58:1 against any background, WCAG's 4.5:1 for text).
 */
final class HighlightColors {

	/** The Search view's match highlight, a colour of the theme (org.eclipse.search's colorDefinition). */
	static final String MATCH_HIGHLIGHT = "org.eclipse.search.ui.match.highlight"; //$NON-NLS-1$
	private static final RGB FALLBACK = new RGB(206, 204, 247);

	private HighlightColors() {
	}

	/** The theme's current match highlight background. */
	static Color background() {
		Color c = JFaceResources.getColorRegistry().get(MATCH_HIGHLIGHT);
		if (c == null) {
			JFaceResources.getColorRegistry().put(MATCH_HIGHLIGHT, FALLBACK);
			c = JFaceResources.getColorRegistry().get(MATCH_HIGHLIGHT);
		}
		return c;
	}

	/** Black or white, whichever contrasts more with {@code background}. */
	static Color foregroundOn(Color background, Display display) {
		double l = luminance(background.getRGB());
		return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05)
				? display.getSystemColor(SWT.COLOR_BLACK)
				: display.getSystemColor(SWT.COLOR_WHITE);
	}

	/** The relative luminance of a colour (WCAG 2). */
	static double luminance(RGB rgb) {
		return 0.2126 * linear(rgb.red) + 0.7152 * linear(rgb.green) + 0.0722 * linear(rgb.blue);
	}

	/** The contrast ratio of two colours (WCAG 2), from 1 to 21. */
	static double contrast(RGB a, RGB b) {
		double la = luminance(a), lb = luminance(b);
		return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
	}

	private static double linear(int channel) {
		double c = channel / 255.0;
		return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
	}
}
