package org.scriptorium.dense.tests.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.scriptorium.dense.internal.routing.ExpertTable;
import org.scriptorium.search.internal.SearchCore.ScoredId;
import org.scriptorium.search.internal.eval.Metrics;

/** Synthetic expert tables whose right answers are known. */
final class Tables {

	private Tables() {
	}

	/**
	 * A table from per-expert per-query nDCG@10 ({@code ndcg[e][q]}; recall@100 is set to the same value) and the
	 * queries' base embeddings; the rankings are empty.
	 */
	static ExpertTable of(double[][] ndcg, float[][] base) {
		int experts = ndcg.length;
		int queries = ndcg[0].length;
		List<String> names = new ArrayList<>();
		Metrics.Values[][] metrics = new Metrics.Values[experts][queries];
		List<List<List<ScoredId>>> runs = new ArrayList<>();
		for (int e = 0; e < experts; e++) {
			names.add("e" + e);
			List<List<ScoredId>> perQuery = new ArrayList<>();
			for (int q = 0; q < queries; q++) {
				metrics[e][q] = new Metrics.Values(ndcg[e][q], ndcg[e][q], 0, 0);
				perQuery.add(List.of());
			}
			runs.add(perQuery);
		}
		List<String> ids = new ArrayList<>();
		List<Map<String, Integer>> judged = new ArrayList<>();
		for (int q = 0; q < queries; q++) {
			ids.add("q" + q);
			judged.add(Map.of("d" + q, 1));
		}
		return new ExpertTable(names, ids, judged, base, runs, metrics);
	}

	/** Unit vector along axis {@code i} of {@code dim}. */
	static float[] axis(int i, int dim) {
		float[] v = new float[dim];
		v[i] = 1;
		return v;
	}

	/** The unit vector (cos a, sin a) in two dimensions. */
	static float[] angle(double a) {
		return new float[]{(float) Math.cos(a), (float) Math.sin(a)};
	}
}
