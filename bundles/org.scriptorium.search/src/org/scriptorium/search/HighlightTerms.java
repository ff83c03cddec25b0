package org.scriptorium.search;

import java.util.List;

/**
 * The words a query searched for, to highlight in a paper's text: the terms the parsed query matches in the text
 * fields (title, abstract), compared as the index compares them (English stems, so a query for {@code routing}
 * highlights "routed" and "routes"; wildcards and fuzzy terms match as in the search). Negated terms, fielded
 * conditions on authors, venues, years and ids, and graph operators highlight nothing. A {@link SearchResult} carries
 * the terms of its query, so that what is highlighted is what was searched, interpreted once by the query parser.
 */
@FunctionalInterface
public interface HighlightTerms {

	/** Nothing to highlight (no query, or one that failed). */
	HighlightTerms NONE = text -> List.of();

	/**
	 * A range of a text to highlight.
	 *
	 * @param start the index of the first character
	 * @param end   the index after the last character
	 */
	record Range(int start, int end) {
	}

	/** Where the terms occur in {@code text}, in order. */
	List<Range> find(String text);
}
