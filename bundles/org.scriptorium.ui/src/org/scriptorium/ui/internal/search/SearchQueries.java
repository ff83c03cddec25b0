package org.scriptorium.ui.internal.search;

import java.util.List;
import java.util.stream.Collectors;

/** Builds a query of the search language from the Paper Search page's fields. */
public final class SearchQueries {

	/** The fields a person can restrict plain words to, in the search language's names. */
	public static final List<String> FIELDS = List.of("title", "abstract", "author", "venue"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$

	private SearchQueries() {
	}

	/**
	 * @param text   the query text as typed
	 * @param fields the fields to search the text in; all or none means the default fields
	 * @param from   the first year, or null
	 * @param to     the last year, or null
	 */
	public static String compose(String text, List<String> fields, Integer from, Integer to) {
		String t = text.strip();
		String q = t;
		if (!t.isEmpty() && !fields.isEmpty() && !fields.containsAll(FIELDS)) {
			q = fields.stream().map(f -> f + ":(" + t + ")").collect(Collectors.joining(" OR ")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			q = fields.size() > 1 ? "(" + q + ")" : q; //$NON-NLS-1$ //$NON-NLS-2$
		} else if (!t.isEmpty() && (from != null || to != null)) {
			q = "(" + t + ")"; //$NON-NLS-1$ //$NON-NLS-2$
		}
		String years = years(from, to);
		if (years == null) {
			return q;
		}
		return q.isEmpty() ? years : q + " AND " + years; //$NON-NLS-1$
	}

	private static String years(Integer from, Integer to) {
		if (from != null && to != null) {
			return "year:" + from + ".." + to; //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (from != null) {
			return "year:>=" + from; //$NON-NLS-1$
		}
		return to != null ? "year:<=" + to : null; //$NON-NLS-1$
	}
}
