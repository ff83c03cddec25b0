package org.scriptorium.search.internal.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * K-fold cross-validation of a choice among rankers (a grid of ranker specs, e.g. fusion weights): the queries are
 * shuffled with a seed and dealt into K folds; for each fold the ranker with the best mean on the other folds is
 * chosen (ties: the first in grid order) and scored on the fold. The mean of those held-out scores over all queries
 * estimates what choosing on this data gives on unseen queries; the per-fold choices show how stable it is.
 */
public final class CrossValidation {

	private CrossValidation() {
	}

	/** One fold: its queries, the ranker chosen on the others (index into the grid), its mean on the fold. */
	public record Fold(List<String> queries, int chosen, double trainMean, double heldOutMean) {
	}

	/** The held-out value of every query (by query id, in input order), and the folds. */
	public record Result(Map<String, Double> heldOut, List<Fold> folds) {

		/** The mean held-out value over all queries. */
		public double mean() {
			return heldOut.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
		}
	}

	/**
	 * @param queries the query ids, in a fixed order
	 * @param values  per ranker of the grid, each query's value (e.g. nDCG@10)
	 * @param k       folds (at least 2, at most the number of queries)
	 */
	public static Result run(List<String> queries, List<Map<String, Double>> values, int k, long seed) {
		if (k < 2 || k > queries.size() || values.isEmpty()) {
			throw new IllegalArgumentException(
					"cross-validation needs 2 to " + queries.size() + " folds and at least one ranker"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		List<String> shuffled = new ArrayList<>(queries);
		Collections.shuffle(shuffled, new Random(seed));
		List<List<String>> folds = new ArrayList<>();
		for (int f = 0; f < k; f++) {
			folds.add(new ArrayList<>());
		}
		for (int i = 0; i < shuffled.size(); i++) {
			folds.get(i % k).add(shuffled.get(i));
		}
		Map<String, Double> heldOut = new LinkedHashMap<>();
		queries.forEach(q -> heldOut.put(q, null));
		List<Fold> out = new ArrayList<>();
		for (int f = 0; f < k; f++) {
			List<String> test = folds.get(f);
			java.util.Set<String> testSet = new java.util.HashSet<>(test);
			int best = -1;
			double bestMean = Double.NEGATIVE_INFINITY;
			for (int r = 0; r < values.size(); r++) {
				double sum = 0;
				int n = 0;
				for (String q : queries) {
					if (!testSet.contains(q)) {
						sum += values.get(r).get(q);
						n++;
					}
				}
				double mean = sum / n;
				if (mean > bestMean + 1e-12) {
					best = r;
					bestMean = mean;
				}
			}
			double held = 0;
			for (String q : test) {
				double v = values.get(best).get(q);
				heldOut.put(q, v);
				held += v;
			}
			out.add(new Fold(List.copyOf(test), best, bestMean, held / test.size()));
		}
		return new Result(Collections.unmodifiableMap(heldOut), List.copyOf(out));
	}
}
