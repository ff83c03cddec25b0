package org.scriptorium.core.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

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

	private static final Pattern MARKS = Pattern.compile("\\p{M}"); //$NON-NLS-1$
	private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{Alnum}]+"); //$NON-NLS-1$

	/** Lower case, accents removed, every run of non-alphanumerics folded to one space. */
	public static String normalizeTitle(String title) {
		String n = MARKS.matcher(Normalizer.normalize(title, Normalizer.Form.NFKD)).replaceAll(""); //$NON-NLS-1$
		return NON_ALNUM.matcher(n.toLowerCase(Locale.ROOT)).replaceAll(" ").strip(); //$NON-NLS-1$
	}
}
