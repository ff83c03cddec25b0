package org.scriptorium.search.internal.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.scriptorium.search.internal.SearchCore.ScoredId;

/**
 * Per-query metrics with trec_eval semantics (the one implementation of nDCG in Scriptorium; the sandbox's
 * retrieval-routing task uses it too): the run is ordered by score descending, ties by document id descending (as
 * trec_eval sorts); nDCG@k is trec_eval's {@code ndcg_cut.k}, which BEIR and ir_measures report: linear gains (the
 * grade), {@code log2(rank + 1)} discounts, a grade of 0 or below adds nothing, and the ideal DCG is the DCG@k of
 * all judged documents with a grade above 0 sorted by grade; recall and reciprocal rank count grades above 0.
 */
public final class Metrics {

	private Metrics() {
	}

	/** The metric values of one query. */
	public record Values(double ndcg10, double recall100, double recall1000, double mrr10) {
	}

	/** Orders a run as trec_eval does. */
	public static List<ScoredId> trecOrder(List<ScoredId> run) {
		List<ScoredId> sorted = new ArrayList<>(run);
		sorted.sort(Comparator.comparingDouble(ScoredId::score).reversed()
				.thenComparing(ScoredId::id, Comparator.reverseOrder()));
		return sorted;
	}

	/**
	 * Whether a query's judgments count: it has at least one grade above 0. Means are taken over these queries only
	 * (trec_eval and BEIR skip the others).
	 */
	public static boolean hasRelevant(Map<String, Integer> judged) {
		return judged != null && judged.values().stream().anyMatch(g -> g > 0);
	}

	/** nDCG@k of {@code run} (ordered here as trec_eval orders it) against the judgments of its query. */
	public static double ndcg(int k, List<ScoredId> run, Map<String, Integer> judged) {
		return ndcgOfOrdered(k, trecOrder(run), judged);
	}

	private static double ndcgOfOrdered(int k, List<ScoredId> ordered, Map<String, Integer> judged) {
		double dcg = 0;
		for (int i = 0; i < ordered.size() && i < k; i++) {
			int g = judged.getOrDefault(ordered.get(i).id(), 0);
			if (g > 0) {
				dcg += g / log2(i + 2);
			}
		}
		List<Integer> ideal = judged.values().stream().filter(g -> g > 0).sorted(Comparator.reverseOrder()).toList();
		double idcg = 0;
		for (int i = 0; i < Math.min(k, ideal.size()); i++) {
			idcg += ideal.get(i) / log2(i + 2);
		}
		return idcg == 0 ? 0 : dcg / idcg;
	}

	public static Values of(List<ScoredId> run, Map<String, Integer> judged) {
		List<ScoredId> r = trecOrder(run);
		long relevant = judged.values().stream().filter(g -> g > 0).count();
		double rr = 0;
		int hits100 = 0, hits1000 = 0;
		for (int i = 0; i < r.size() && i < 1000; i++) {
			int g = judged.getOrDefault(r.get(i).id(), 0);
			if (g > 0) {
				if (i < 10 && rr == 0) {
					rr = 1.0 / (i + 1);
				}
				if (i < 100) {
					hits100++;
				}
				hits1000++;
			}
		}
		return new Values(ndcgOfOrdered(10, r, judged), relevant == 0 ? 0 : hits100 / (double) relevant,
				relevant == 0 ? 0 : hits1000 / (double) relevant, rr);
	}

	private static double log2(double x) {
		return Math.log(x) / Math.log(2);
	}

	/** The mean of per-query values. */
	public static Values mean(List<Values> all) {
		if (all.isEmpty()) {
			return new Values(0, 0, 0, 0);
		}
		double a = 0, b = 0, c = 0, d = 0;
		for (Values v : all) {
			a += v.ndcg10();
			b += v.recall100();
			c += v.recall1000();
			d += v.mrr10();
		}
		int n = all.size();
		return new Values(a / n, b / n, c / n, d / n);
	}
}
