package org.scriptorium.search;

import java.util.List;
import java.util.Map;

/**
 * Why a hit has its rank.
 *
 * @param textScore          the BM25 score of the query text (sum of the field contributions)
 * @param fieldContributions BM25 contribution per index field ({@code contents}, {@code title}, ...)
 * @param prior              the weighted citation prior added to the score (0 for BM25)
 * @param graph              the weighted contribution propagated from the top text hits (0 for BM25)
 * @param finalScore         the score the hit was ranked by
 * @param details            readable lines, e.g. "cited by top hit #2 ..."
 */
public record HitExplanation(double textScore, Map<String, Double> fieldContributions, double prior, double graph,
		double finalScore, List<String> details) {
}
