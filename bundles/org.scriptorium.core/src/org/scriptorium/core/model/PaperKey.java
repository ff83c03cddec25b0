package org.scriptorium.core.model;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Derives stable paper ids and normalised titles. An id is {@code arxiv:<id>} when the arXiv id is known, else
 * {@code doi:<doi>}, else {@code title:<normalised title>}: the same paper gets the same id in every corpus.
 */
public final class PaperKey {

	private PaperKey() {
	}

	public static String idFor(PaperIds ids, String title) {
		if (ids.arxiv() != null) {
			return "arxiv:" + ids.arxiv(); //$NON-NLS-1$
		}
		if (ids.doi() != null) {
			return "doi:" + ids.doi(); //$NON-NLS-1$
		}
		return "title:" + normalizeTitle(title).replace(' ', '-'); //$NON-NLS-1$
	}

	/** Lower case, accents removed, every run of non-alphanumerics folded to one space. */
	public static String normalizeTitle(String title) {
		String n = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", ""); //$NON-NLS-1$ //$NON-NLS-2$
		return n.toLowerCase(Locale.ROOT).replaceAll("[^\\p{Alnum}]+", " ").strip(); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
