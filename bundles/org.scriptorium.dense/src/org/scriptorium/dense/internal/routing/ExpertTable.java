package org.scriptorium.dense.internal.routing;

import java.util.List;
import java.util.Map;

import org.scriptorium.search.internal.SearchCore.ScoredId;
import org.scriptorium.search.internal.eval.Metrics;

/**
 * What every expert retrieved for each query of one query set, with the per-query metrics, and each query's
 * embedding by the base encoder (the router's view of the query). Indices: expert {@code e}, query {@code q}.
 *
 * @param experts   expert names, in the order of the task
 * @param queryIds  query ids (only queries with at least one relevant judgment)
 * @param judged    each query's judgments (document id to grade)
 * @param base      each query's base-encoder embedding (unit length)
 * @param runs      {@code runs.get(e).get(q)}: the expert's ranking for the query (trec_eval order, at most 1000)
 * @param metrics   {@code metrics[e][q]}: nDCG@10 and recall of that ranking
 */
public record ExpertTable(List<String> experts, List<String> queryIds, List<Map<String, Integer>> judged,
		float[][] base, List<List<List<ScoredId>>> runs, Metrics.Values[][] metrics) {

	public int expertCount() {
		return experts.size();
	}

	public int queryCount() {
		return queryIds.size();
	}

	public double ndcg(int e, int q) {
		return metrics[e][q].ndcg10();
	}

	/** The best nDCG@10 any expert reaches on query {@code q}. */
	public double bestNdcg(int q) {
		double best = Double.NEGATIVE_INFINITY;
		for (int e = 0; e < expertCount(); e++) {
			best = Math.max(best, ndcg(e, q));
		}
		return best;
	}

	/** Whether every expert reaches the same nDCG@10 on query {@code q} (no choice matters there). */
	public boolean allTied(int q) {
		for (int e = 1; e < expertCount(); e++) {
			if (ndcg(e, q) != ndcg(0, q)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The expert with the best nDCG@10 on {@code q}; ties go to the expert that comes first in {@code preference}
	 * (the routers pass the experts ordered by their mean nDCG@10 on the training queries, strongest first, so a tie
	 * is given to the expert that is better overall).
	 */
	public int best(int q, int[] preference) {
		int best = preference[0];
		for (int e : preference) {
			if (ndcg(e, q) > ndcg(best, q)) {
				best = e;
			}
		}
		return best;
	}

	/**
	 * The experts ordered by mean nDCG@10 over {@code queries}, strongest first; equal means keep the task's order.
	 */
	public int[] strengthOrder(int[] queries) {
		double[] mean = new double[expertCount()];
		for (int e = 0; e < expertCount(); e++) {
			for (int q : queries) {
				mean[e] += ndcg(e, q);
			}
		}
		return java.util.stream.IntStream.range(0, expertCount()).boxed()
				.sorted((a, b) -> a.equals(b)
						? 0
						: mean[b] != mean[a] ? Double.compare(mean[b], mean[a]) : Integer.compare(a, b))
				.mapToInt(Integer::intValue).toArray();
	}
}
