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
 * @param notice    how the ranking differs from the one asked for, for the user (e.g. lexical until the vectors
 *                  of a dense ranker are computed); empty when it does not
 */
public record SearchResult(List<SearchHit> hits, long totalHits, Map<String, List<FacetCount>> facets,
		Optional<QueryError> error, HighlightTerms highlight, Optional<String> notice) {

	/** A result ranked as asked. */
	public SearchResult(List<SearchHit> hits, long totalHits, Map<String, List<FacetCount>> facets,
			Optional<QueryError> error, HighlightTerms highlight) {
		this(hits, totalHits, facets, error, highlight, Optional.empty());
	}

	public static SearchResult failed(QueryError error) {
		return new SearchResult(List.of(), 0, Map.of(), Optional.of(error), HighlightTerms.NONE);
	}

	/** This result with a notice about its ranking. */
	public SearchResult withNotice(String value) {
		return new SearchResult(hits, totalHits, facets, error, highlight, Optional.of(value));
	}

	public boolean ok() {
		return error.isEmpty();
	}
}
