package org.scriptorium.ui.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.ui.tests.pages.PapersViewTester;

/**
 * The filter's words highlighted in the details are readable in the light and the dark theme (issue 16): every
 * highlighted range as drawn has a contrast of at least 4.5:1 (WCAG 2, text) between its text and its background,
 * and its background stands out from the details' own. The dark theme (org.eclipse.ui.themes, in the product) cannot
 * be switched to while the workbench runs here (the CSS engine's reset fails on table items the views disposed), so
 * the test sets what it sets: the match highlight colour of css/dark/e4-dark_preferencestyle.css and the colours of
 * {@code .MPart Composite > StyledText} of css/dark/e4-dark_partstyle.css.
 */
@ExtendWith(NoErrorLoggedExtension.class)
class HighlightContrastTest {

	private static final String MATCH_HIGHLIGHT = "org.eclipse.search.ui.match.highlight"; //$NON-NLS-1$
	private static final RGB DARK_MATCH_HIGHLIGHT = new RGB(206, 92, 0);
	private static final RGB DARK_BACKGROUND = new RGB(0x3f, 0x44, 0x47), DARK_FOREGROUND = new RGB(0xbb, 0xbb, 0xbb);
	private static final String PAPER = "Harder Tasks Need More Experts: Dynamic Routing in MoE Models"; //$NON-NLS-1$

	private PapersViewTester papers;
	private RGB lightHighlight;
	private Color darkBackground, darkForeground;

	@BeforeEach
	void open() throws Exception {
		papers = PapersViewTester.open();
	}

	@AfterEach
	void close() {
		if (lightHighlight != null) {
			JFaceResources.getColorRegistry().put(MATCH_HIGHLIGHT, lightHighlight);
		}
		if (darkBackground != null) {
			papers.details().setBackground(null);
			papers.details().setForeground(null);
		}
		papers.close();
	}

	@Test
	void highlightsAreReadableInTheLightAndTheDarkTheme() {
		papers.typeFilter("expert routing", (int) org.scriptorium.core.corpus.DefaultCorpus.get().seedPapers().stream() //$NON-NLS-1$
				.filter(p -> Stems.titleOrAbstractHas(p, "expert") && Stems.titleOrAbstractHas(p, "routing")).count()); //$NON-NLS-1$ //$NON-NLS-2$
		papers.clickRow(papers.rowOf(PAPER));
		UiWait.until("the details show the paper", () -> papers.details().getText().startsWith(PAPER)); //$NON-NLS-1$
		assertReadable("light"); //$NON-NLS-1$

		// the dark theme, as its CSS sets the details and the theme's colours
		StyledText details = papers.details();
		lightHighlight = JFaceResources.getColorRegistry().getRGB(MATCH_HIGHLIGHT);
		darkBackground = new Color(DARK_BACKGROUND);
		darkForeground = new Color(DARK_FOREGROUND);
		details.setBackground(darkBackground);
		details.setForeground(darkForeground);
		JFaceResources.getColorRegistry().put(MATCH_HIGHLIGHT, DARK_MATCH_HIGHLIGHT);
		UiWait.until("the details are drawn again with the dark theme's highlight", () -> Arrays //$NON-NLS-1$
				.stream(details.getStyleRanges()).anyMatch(r -> DARK_MATCH_HIGHLIGHT.equals(rgb(r.background))));
		assertReadable("dark"); //$NON-NLS-1$
	}

	private void assertReadable(String theme) {
		StyledText details = papers.details();
		RGB background = details.getBackground().getRGB();
		List<StyleRange> highlights = Arrays.stream(details.getStyleRanges()).filter(r -> r.background != null)
				.toList();
		assertFalse(highlights.isEmpty(), theme + ": the filter's words are highlighted"); //$NON-NLS-1$
		for (StyleRange r : highlights) {
			String word = details.getText(r.start, r.start + r.length - 1);
			RGB fg = (r.foreground != null ? r.foreground : details.getForeground()).getRGB();
			RGB bg = r.background.getRGB();
			double contrast = contrast(fg, bg);
			assertTrue(contrast >= 4.5, theme + ": '" + word + "' is drawn " + fg + " on " + bg + ", contrast " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
					+ contrast);
			assertNotEquals(background, bg, theme + ": the highlight stands out from the details"); //$NON-NLS-1$
		}
	}

	private static RGB rgb(Color c) {
		return c == null ? null : c.getRGB();
	}

	private static double luminance(RGB c) {
		return 0.2126 * linear(c.red) + 0.7152 * linear(c.green) + 0.0722 * linear(c.blue);
	}

	private static double contrast(RGB a, RGB b) {
		double la = luminance(a), lb = luminance(b);
		return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
	}

	private static double linear(int channel) {
		double c = channel / 255.0;
		return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
	}
}
