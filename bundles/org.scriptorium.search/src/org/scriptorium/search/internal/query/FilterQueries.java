package org.scriptorium.search.internal.query;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Turns what a person types into a filter box into a query of the search language. Plain words must all match
 * (as in JabRef's and Zotero's quick search); as soon as the text uses the query syntax (fields, quotes, operators,
 * parentheses, wildcards) it is passed on unchanged.
 */
public final class FilterQueries {

	private FilterQueries() {
	}

	public static String toQuery(String text) {
		String t = text.strip();
		if (t.isEmpty() || usesSyntax(t)) {
			return t;
		}
		return Arrays.stream(t.split("\\s+")).collect(Collectors.joining(" AND ")); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static boolean usesSyntax(String t) {
		if (t.matches(".*[:\"()*?~^\\[\\]{}+\\-!].*")) { //$NON-NLS-1$
			return true;
		}
		return Arrays.stream(t.split("\\s+")).anyMatch(w -> w.equals("AND") || w.equals("OR") || w.equals("NOT")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}
}
