package org.scriptorium.search;

import java.util.Objects;

/**
 * One search.
 *
 * @param query     the query text (see {@code org.scriptorium.search.internal.query.PaperQueryParser} for the syntax)
 * @param limit     the maximum number of hits
 * @param ranking   the ranking preferences for this query
 * @param explain   attach a "why this rank" explanation to each hit
 * @param highlight attach a highlighted snippet to each hit
 * @param facets    count year, venue and author facets over all matches
 */
public record SearchRequest(String query, int limit, RankingSettings ranking, boolean explain, boolean highlight,
		boolean facets) {

	public SearchRequest {
		Objects.requireNonNull(query, "query"); //$NON-NLS-1$
		Objects.requireNonNull(ranking, "ranking"); //$NON-NLS-1$
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be positive"); //$NON-NLS-1$
		}
	}

	/** The query with default ranking, 20 hits, snippets, no explanations, no facets. */
	public static SearchRequest of(String query) {
		return new SearchRequest(query, 20, RankingSettings.defaults(), false, true, false);
	}

	public SearchRequest withQuery(String value) {
		return new SearchRequest(value, limit, ranking, explain, highlight, facets);
	}

	public SearchRequest withRanking(RankingSettings value) {
		return new SearchRequest(query, limit, value, explain, highlight, facets);
	}

	public SearchRequest withRanker(Ranker value) {
		return withRanking(ranking.withRanker(value));
	}

	public SearchRequest withLimit(int value) {
		return new SearchRequest(query, value, ranking, explain, highlight, facets);
	}

	public SearchRequest withExplain(boolean value) {
		return new SearchRequest(query, limit, ranking, value, highlight, facets);
	}

	public SearchRequest withHighlight(boolean value) {
		return new SearchRequest(query, limit, ranking, explain, value, facets);
	}

	public SearchRequest withFacets(boolean value) {
		return new SearchRequest(query, limit, ranking, explain, highlight, value);
	}
}
