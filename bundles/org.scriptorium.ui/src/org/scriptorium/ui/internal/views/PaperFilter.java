package org.scriptorium.ui.internal.views;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Predicate;

import org.scriptorium.core.model.Paper;

/**
 * Which papers the Papers view lists: those whose title, authors, venue or abstract contain every word of the
 * filter text, ignoring case; reference-only papers only when they are asked for.
 */
public final class PaperFilter {

	private String[] words = new String[0];
	private boolean referenceOnly;

	/** Sets the filter text; returns whether it changed. */
	public boolean setText(String text) {
		String[] w = Arrays.stream(text.toLowerCase(Locale.ROOT).split("\\s+")) //$NON-NLS-1$
				.filter(s -> !s.isEmpty()).toArray(String[]::new);
		if (Arrays.equals(w, words)) {
			return false;
		}
		words = w;
		return true;
	}

	/** Whether reference-only papers (known from a reference list, no abstract) pass. */
	public void setShowReferenceOnly(boolean show) {
		referenceOnly = show;
	}

	public boolean isShowReferenceOnly() {
		return referenceOnly;
	}

	/** An immutable snapshot of the current settings, safe to use from a job. */
	public Predicate<Paper> snapshot() {
		String[] w = words.clone();
		boolean ro = referenceOnly;
		return p -> matches(p, w, ro);
	}

	/** Whether the paper passes the current settings. */
	public boolean matches(Paper paper) {
		return matches(paper, words, referenceOnly);
	}

	private static boolean matches(Paper paper, String[] words, boolean referenceOnly) {
		if (paper.isReferenceOnly() && !referenceOnly) {
			return false;
		}
		if (words.length == 0) {
			return true;
		}
		String text = (paper.title() + '\n' + paper.authorsDisplay() + '\n' + paper.venue().orElse("") + '\n' //$NON-NLS-1$
				+ paper.abstractText().orElse("")).toLowerCase(Locale.ROOT); //$NON-NLS-1$
		for (String w : words) {
			if (!text.contains(w)) {
				return false;
			}
		}
		return true;
	}
}
