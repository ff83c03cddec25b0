package org.scriptorium.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.scriptorium.core.internal.io.LaTeXText;

/** LaTeX math and text symbols through the symbol table (latex-symbols.tsv, from pylatexenc), both ways. */
class LatexSymbolsTest {

	@Test
	void mathIsReadAsUnicodeNotDropped() {
		assertEquals("\u2264 2", LaTeXText.toUnicode("$\\leq$ 2")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("\u221e-norm", LaTeXText.toUnicode("$\\infty$-norm")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("O(n log n)", LaTeXText.toUnicode("$O(n \\log n)$")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("\u03b1-routing with \u03b2 \u2192 \u221e", LaTeXText.toUnicode("$\\alpha$-routing with $\\beta \\to \\infty$")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("\u00a9 2024 \u2026", LaTeXText.toUnicode("\\textcopyright{} 2024 \\ldots")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("x\u2082 \u2208 S", LaTeXText.toUnicode("$x_2 \\in S$")); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Test
	void symbolsAreWrittenBackAsCommandsAndReadAgain() {
		for (String text : new String[]{"\u2264 2", "\u221e-norm", "\u03b1-routing", "a \u2192 b \u00d7 c", "\u2200x \u2203y"}) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
			String latex = LaTeXText.toLatex(text);
			assertEquals(text, LaTeXText.toUnicode(latex), latex);
		}
		assertEquals("{$\\leq$} 2", LaTeXText.toLatex("\u2264 2")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("\u674e \u00e9t\u00e9", LaTeXText.toUnicode(LaTeXText.toLatex("\u674e \u00e9t\u00e9")), //$NON-NLS-1$ //$NON-NLS-2$
				"other scripts stay UTF-8"); //$NON-NLS-1$
	}
}
