package org.scriptorium.ui.internal.views;

import java.util.Arrays;
import java.util.Locale;

import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.scriptorium.core.model.Paper;

/**
 * Keeps the papers whose title, authors, venue or abstract contain every word of the filter text, ignoring case;
 * reference-only papers only when they are asked for.
 */
public final class PaperFilter extends ViewerFilter {

	private String[] words = new String[0];
	private boolean referenceOnly;

	/** Whether reference-only papers (known from a reference list, no abstract) pass. */
	public void setShowReferenceOnly(boolean show) {
		referenceOnly = show;
	}

	public boolean isShowReferenceOnly() {
		return referenceOnly;
	}

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

	@Override
	public boolean select(Viewer viewer, Object parent, Object element) {
		return matches((Paper) element);
	}

	/** Whether the paper matches every word of the filter. */
	public boolean matches(Paper paper) {
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
