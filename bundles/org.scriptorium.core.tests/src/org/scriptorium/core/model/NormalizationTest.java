package org.scriptorium.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The id and title normalisations that duplicate detection and the citation resolver rely on. */
class NormalizationTest {

	@Test
	void arxivIdsLoseTheirPrefixesUrlsPdfSuffixAndVersion() {
		assertEquals("2101.03961", PaperIds.normalizeArxiv("arXiv:2101.03961v3")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("2101.03961", PaperIds.normalizeArxiv("https://arxiv.org/abs/2101.03961")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("2101.03961", PaperIds.normalizeArxiv("http://arxiv.org/pdf/2101.03961v2.pdf")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("2101.03961", PaperIds.normalizeArxiv("ARXIV:2101.03961")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("hep-th/9901001", PaperIds.normalizeArxiv("hep-th/9901001v1")); //$NON-NLS-1$ //$NON-NLS-2$
		assertNull(PaperIds.normalizeArxiv("  ")); //$NON-NLS-1$
		assertNull(PaperIds.normalizeArxiv("arXiv:")); //$NON-NLS-1$
	}

	@Test
	void doisAreLowerCasedWithoutResolver() {
		assertEquals("10.1000/xyz.123", PaperIds.normalizeDoi("https://doi.org/10.1000/XYZ.123")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("10.1000/xyz.123", PaperIds.normalizeDoi("http://dx.doi.org/10.1000/xyz.123")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("10.1000/xyz.123", PaperIds.normalizeDoi("doi:10.1000/xyz.123")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("10.1000/doi.org/x", PaperIds.normalizeDoi("10.1000/doi.org/x")); //$NON-NLS-1$ //$NON-NLS-2$
		assertNull(PaperIds.normalizeDoi("doi:")); //$NON-NLS-1$
	}

	@Test
	void titlesFoldAccentsCaseAndPunctuation() {
		assertEquals("mixture of experts a survey", PaperKey.normalizeTitle("  Mixture-of-Experts: A Survey! ")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("senor jose s moe", PaperKey.normalizeTitle("Señor José’s MoE")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("title:switch-transformers", PaperKey.idFor(PaperIds.NONE, "Switch Transformers")); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Test
	void authorNamesAreSplitAfterWhitespaceIsFolded() {
		assertEquals(new Author("Percy S.", "Liang"), Author.parse(" Percy \t S.   Liang ")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals(new Author("Percy S.", "Liang"), Author.parse("Liang,  Percy S.")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}
}
