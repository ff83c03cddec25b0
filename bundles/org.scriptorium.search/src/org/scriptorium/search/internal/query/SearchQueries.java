package org.scriptorium.search.internal.query;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Builds a query of the search language from the Paper Search page's fields. */
public final class SearchQueries {

	/** The fields a person can restrict plain words to, in the search language's names. */
	public static final List<String> FIELDS = List.of("title", "abstract", "author", "venue"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$

	/** The facet conditions that follow the parenthesised query of a query narrowed before. */
	private static final Pattern CONDITIONS = Pattern
			.compile("( AND (year|venue|author):([^\\s()\"]+|\"([^\"\\\\]|\\\\.)*\"))+"); //$NON-NLS-1$

	private SearchQueries() {
	}

	/**
	 * The condition a facet value puts on a query: {@code year:2023}, {@code venue:"ACL 2024"},
	 * {@code author:"Damai Dai"}.
	 *
	 * @param facet a facet name of {@link org.scriptorium.search.SearchResult#facets()}: year, venue or author
	 */
	public static String facetCondition(String facet, String value) {
		if (facet.equals("year")) { //$NON-NLS-1$
			return "year:" + value; //$NON-NLS-1$
		}
		return facet + ":\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\""; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
	}

	/**
	 * The query narrowed to the papers with a facet value: {@code (query) AND year:2023}; a query narrowed before
	 * gets one more condition, a condition it already has is not repeated.
	 */
	public static String narrow(String query, String facet, String value) {
		String q = query.strip();
		String condition = facetCondition(facet, value);
		if (q.isEmpty()) {
			return condition;
		}
		if (q.equals(condition) || q.endsWith(" AND " + condition) || q.contains(" AND " + condition + " AND ")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			return q;
		}
		int close = q.startsWith("(") ? closingParenthesis(q) : -1; //$NON-NLS-1$
		if (close > 0 && CONDITIONS.matcher(q.substring(close + 1)).matches()) {
			return q + " AND " + condition; //$NON-NLS-1$
		}
		return "(" + q + ") AND " + condition; //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** The index of the parenthesis that closes the one at 0 (outside quotes), or -1. */
	private static int closingParenthesis(String q) {
		int depth = 0;
		boolean quoted = false;
		for (int i = 0; i < q.length(); i++) {
			char c = q.charAt(i);
			if (c == '\\') {
				i++;
			} else if (c == '"') {
				quoted = !quoted;
			} else if (!quoted && c == '(') {
				depth++;
			} else if (!quoted && c == ')' && --depth == 0) {
				return i;
			}
		}
		return -1;
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
