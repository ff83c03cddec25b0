package org.scriptorium.search;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of a search: hits, or a {@link QueryError} (never an exception for a bad query).
 *
 * @param hits      the ranked hits
 * @param totalHits how many papers matched
 * @param facets    facet name ({@code year}, {@code venue}, {@code author}) → top values, empty unless requested
 * @param error     why the query could not run
 * @param highlight the words of the query to highlight in the papers' text ({@link HighlightTerms#NONE} when it
 *                  failed)
 */
public record SearchResult(List<SearchHit> hits, long totalHits, Map<String, List<FacetCount>> facets,
		Optional<QueryError> error, HighlightTerms highlight) {

	public static SearchResult failed(QueryError error) {
		return new SearchResult(List.of(), 0, Map.of(), Optional.of(error), HighlightTerms.NONE);
	}

	public boolean ok() {
		return error.isEmpty();
	}
}
