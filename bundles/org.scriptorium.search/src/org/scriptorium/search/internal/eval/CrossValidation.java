package org.scriptorium.search.internal.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * K-fold cross-validation of a choice among rankers (a grid of ranker specs, e.g. fusion weights): the queries are
 * shuffled with a seed and dealt into K folds; for each fold the ranker with the best mean on the other folds is
 * chosen (ties: the first in grid order) and scored on the fold. The mean of those held-out scores over all queries
 * estimates what choosing on this data gives on unseen queries; the per-fold choices show how stable it is.
 */
public final class CrossValidation {

	private CrossValidation() {
	}

	/**
	 * A per-query choice between two rankers of the grid by a query feature: {@code low} where the feature is below
	 * {@code threshold}, else {@code high} (indexes into the grid; {@code low == high} is a fixed choice).
	 */
	public record Mapping(double threshold, int low, int high) {

		/** The fixed choice of grid ranker {@code r} for every query. */
		static Mapping fixed(int r) {
			return new Mapping(Double.POSITIVE_INFINITY, r, r);
		}

		/** The grid index this mapping picks for a query with feature value {@code x}. */
		public int pick(double x) {
			return x < threshold ? low : high;
		}
	}

	/**
	 * One fold: its queries, the choice fitted on the other folds (for {@link #run} a fixed one), its mean there and
	 * its mean on the fold.
	 */
	public record Fold(List<String> queries, Mapping mapping, double trainMean, double heldOutMean) {

		/** The grid ranker a fixed choice ({@link #run}) chose for every query of the fold. */
		public int chosen() {
			return mapping.low();
		}
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
		List<Mapping> fixed = new ArrayList<>();
		for (int r = 0; r < values.size(); r++) {
			fixed.add(Mapping.fixed(r));
		}
		return crossValidate(queries, values, q -> 0.0, k, seed, train -> fixed);
	}

	/** Thresholds tried: these quantiles of the training queries' feature values. */
	static final double[] QUANTILES = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

	/**
	 * Nested K-fold cross-validation of per-query ranker choice from a query feature (e.g. fusion weights chosen per
	 * query from its length): for each fold, the mapping (threshold at a quantile of the training queries' feature,
	 * ranker below it, ranker at or above it) with the best mean on the other folds is fitted, every pair of grid
	 * rankers and every threshold tried, ties to the first found (fixed choices come first, so a feature that does
	 * not help falls back to the plain {@link #run} choice); the fold is scored with it. Same folds as {@link #run}
	 * for the same seed.
	 *
	 * @param feature each query's feature value
	 */
	public static Result adaptive(List<String> queries, List<Map<String, Double>> values, Map<String, Double> feature,
			int k, long seed) {
		int g = values.size();
		return crossValidate(queries, values, feature::get, k, seed, train -> {
			double[] x = train.stream().mapToDouble(feature::get).sorted().toArray();
			List<Mapping> candidates = new ArrayList<>();
			for (int r = 0; r < g; r++) {
				candidates.add(Mapping.fixed(r));
			}
			List<Double> thresholds = new ArrayList<>();
			for (double p : QUANTILES) {
				double t = x[(int) Math.min(x.length - 1, Math.floor(p * x.length))];
				if (!thresholds.contains(t)) {
					thresholds.add(t);
				}
			}
			for (double t : thresholds) {
				for (int lo = 0; lo < g; lo++) {
					for (int hi = 0; hi < g; hi++) {
						candidates.add(new Mapping(t, lo, hi));
					}
				}
			}
			return candidates;
		});
	}

	/**
	 * Deals the shuffled queries into K folds; for each fold, the candidate mapping (from the training queries) with
	 * the best mean on the other folds (ties: the first) scores the fold's queries.
	 */
	private static Result crossValidate(List<String> queries, List<Map<String, Double>> values,
			ToDoubleFunction<String> feature, int k, long seed, Function<List<String>, List<Mapping>> candidates) {
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
		for (List<String> test : folds) {
			Set<String> testSet = new HashSet<>(test);
			List<String> train = queries.stream().filter(q -> !testSet.contains(q)).toList();
			Mapping best = null;
			double bestMean = Double.NEGATIVE_INFINITY;
			for (Mapping m : candidates.apply(train)) {
				double sum = 0;
				for (String q : train) {
					sum += values.get(m.pick(feature.applyAsDouble(q))).get(q);
				}
				double mean = sum / train.size();
				if (mean > bestMean + 1e-12) {
					best = m;
					bestMean = mean;
				}
			}
			double held = 0;
			for (String q : test) {
				double v = values.get(best.pick(feature.applyAsDouble(q))).get(q);
				heldOut.put(q, v);
				held += v;
			}
			out.add(new Fold(List.copyOf(test), best, bestMean, held / test.size()));
		}
		return new Result(Collections.unmodifiableMap(heldOut), List.copyOf(out));
	}
}
