package org.scriptorium.search.internal.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns what a person types into a filter box into a query of the search language. Everything typed must match
 * (as in JabRef's and Zotero's quick search): the words, phrases, fielded clauses and groups written next to each
 * other are joined by {@code AND} ({@code year:>=2024 expert routing} is
 * {@code year:>=2024 AND expert AND routing}). As soon as the text uses an operator ({@code AND OR NOT && ||}, or
 * {@code + - !} before a clause), or its quotes or parentheses are unbalanced, it is passed on unchanged.
 */
public final class FilterQueries {

	private static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT", "&&", "||"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
	private static final String AND = " AND "; //$NON-NLS-1$

	private FilterQueries() {
	}

	public static String toQuery(String text) {
		String t = text.strip();
		List<int[]> clauses = clauses(t);
		if (clauses == null) {
			return t;
		}
		StringBuilder sb = new StringBuilder();
		for (int[] c : clauses) {
			sb.append(sb.isEmpty() ? "" : AND).append(t, c[0], c[1]); //$NON-NLS-1$
		}
		return sb.toString();
	}

	/**
	 * The position in {@code text} of a position in {@code toQuery(text)}, for errors the parser reports in the
	 * query: a position in an added {@code AND} maps to the start of the clause after it.
	 */
	public static int textPosition(String text, int queryPosition) {
		if (queryPosition < 0) {
			return queryPosition;
		}
		int lead = text.length() - text.stripLeading().length();
		String t = text.strip();
		List<int[]> clauses = clauses(t);
		if (clauses == null) {
			return Math.min(text.length(), lead + queryPosition);
		}
		int at = 0; // where the clause starts in the query
		for (int i = 0; i < clauses.size(); i++) {
			int[] c = clauses.get(i);
			int length = c[1] - c[0];
			if (queryPosition <= at + length) {
				return lead + c[0] + Math.max(0, queryPosition - at);
			}
			at += length + AND.length();
		}
		return text.length();
	}

	/**
	 * The top-level clauses of {@code t} as [start, end) offsets: separated by white space outside quotes,
	 * parentheses and ranges, a field name and its value kept together ({@code title: moe}); null if the text is to
	 * be passed on unchanged.
	 */
	private static List<int[]> clauses(String t) {
		List<int[]> out = new ArrayList<>();
		int depth = 0;
		boolean quoted = false;
		int start = -1;
		for (int i = 0; i < t.length(); i++) {
			char c = t.charAt(i);
			if (c == '\\') {
				start = start < 0 ? i : start;
				i++;
				continue;
			}
			if (quoted) {
				quoted = c != '"';
				continue;
			}
			if (Character.isWhitespace(c) && depth == 0) {
				if (start >= 0 && t.charAt(i - 1) != ':') {
					out.add(new int[]{start, i});
					start = -1;
				}
				continue;
			}
			start = start < 0 ? i : start;
			if (c == '"') {
				quoted = true;
			} else if (c == '(' || c == '[' || c == '{') {
				depth++;
			} else if ((c == ')' || c == ']' || c == '}') && --depth < 0) {
				return null;
			}
		}
		if (start >= 0) {
			out.add(new int[]{start, t.length()});
		}
		if (quoted || depth != 0 || out.isEmpty()) {
			return null;
		}
		for (int[] c : out) {
			String clause = t.substring(c[0], c[1]);
			if (OPERATORS.contains(clause) || "+-!".indexOf(clause.charAt(0)) >= 0) { //$NON-NLS-1$
				return null;
			}
		}
		return out;
	}
}
