package org.scriptorium.dense.internal.routing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.scriptorium.search.internal.eval.Metrics;

/**
 * Scores experts and routers on queries the routers were not trained on: k-fold cross-validation over one query set
 * (seeded shuffle; each query is routed once, by routers fitted on the other folds), or training on one set and
 * scoring on another (BEIR train/test). Uniform fusion ({@value #FUSION}) is scored with the routers; it chooses no
 * expert.
 */
public final class RoutingEvaluation {

	/** The name of uniform reciprocal rank fusion in the task's router list. */
	public static final String FUSION = "fusion";

	private RoutingEvaluation() {
	}

	/**
	 * One expert or router on the scored queries.
	 *
	 * @param name            expert or router name
	 * @param router          true for a router (or fusion), false for an expert
	 * @param ndcg10          mean nDCG@10
	 * @param recall100       mean recall@100
	 * @param routingAccuracy fraction of queries sent to an expert that reaches the query's best nDCG@10 (ties count
	 *                        as correct); NaN for fusion and for experts
	 * @param shares          fraction of queries sent to each expert (task order); null for fusion and experts
	 */
	public record SystemResult(String name, boolean router, double ndcg10, double recall100, double routingAccuracy,
			double[] shares) {
	}

	/**
	 * The scores.
	 *
	 * @param experts     expert names
	 * @param systems     every expert, then every router in the task's order
	 * @param queries     how many queries were scored
	 * @param allTied     fraction of scored queries on which all experts reach the same nDCG@10
	 * @param choices     for each router that chooses (not fusion), the expert chosen for each scored query
	 * @param queryIds    the scored queries, in table order
	 */
	public record Report(List<String> experts, List<SystemResult> systems, int queries, double allTied,
			java.util.Map<String, int[]> choices, List<String> queryIds) {

		public SystemResult system(String name) {
			return systems.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
		}
	}

	/** The fold of every query: a seeded shuffle of the queries dealt round-robin into {@code folds} folds. */
	public static int[] folds(int queries, int folds, long seed) {
		List<Integer> order = new ArrayList<>(IntStream.range(0, queries).boxed().toList());
		Collections.shuffle(order, new Random(seed));
		int[] fold = new int[queries];
		for (int i = 0; i < queries; i++) {
			fold[order.get(i)] = i % folds;
		}
		return fold;
	}

	/**
	 * k-fold cross-validation on one query set.
	 *
	 * @param listener told each fold's held-out nDCG@10 per router (may be null)
	 */
	public static Report crossValidate(ExpertTable table, List<String> routers, int folds, long seed, int rrfK,
			FoldListener listener) {
		if (table.queryCount() < folds) {
			throw new IllegalArgumentException(
					"only " + table.queryCount() + " judged queries for " + folds + " folds");
		}
		int[] fold = folds(table.queryCount(), folds, seed);
		java.util.Map<String, int[]> choices = new java.util.LinkedHashMap<>();
		for (String r : routers) {
			if (!r.equals(FUSION)) {
				choices.put(r, new int[table.queryCount()]);
			}
		}
		for (int f = 0; f < folds; f++) {
			final int ff = f;
			int[] train = IntStream.range(0, table.queryCount()).filter(q -> fold[q] != ff).toArray();
			int[] test = IntStream.range(0, table.queryCount()).filter(q -> fold[q] == ff).toArray();
			for (var c : choices.entrySet()) {
				Router.Fitted fitted = Routers.named(c.getKey()).fit(table, train);
				double sum = 0;
				for (int q : test) {
					c.getValue()[q] = fitted.route(table, q);
					sum += table.ndcg(c.getValue()[q], q);
				}
				if (listener != null) {
					listener.fold(f, c.getKey(), sum / test.length);
				}
			}
		}
		return report(table, choices, routers, rrfK);
	}

	/** Routers fitted on every query of {@code train}, scored on every query of {@code test}. */
	public static Report trainTest(ExpertTable train, ExpertTable test, List<String> routers, int rrfK) {
		if (!train.experts().equals(test.experts())) {
			throw new IllegalArgumentException("train and test tables have different experts");
		}
		int[] all = IntStream.range(0, train.queryCount()).toArray();
		java.util.Map<String, int[]> choices = new java.util.LinkedHashMap<>();
		for (String r : routers) {
			if (r.equals(FUSION)) {
				continue;
			}
			// the oracle looks at the judgments of the queries it routes: fit it on the test queries themselves
			Router.Fitted fitted = r.equals("oracle")
					? Routers.oracle().fit(test, IntStream.range(0, test.queryCount()).toArray())
					: Routers.named(r).fit(train, all);
			int[] chosen = new int[test.queryCount()];
			for (int q = 0; q < chosen.length; q++) {
				chosen[q] = fitted.route(test, q);
			}
			choices.put(r, chosen);
		}
		return report(test, choices, routers, rrfK);
	}

	/** Scores the experts, the routers' choices and fusion on every query of {@code table}. */
	static Report report(ExpertTable table, java.util.Map<String, int[]> choices, List<String> routers, int rrfK) {
		int n = table.queryCount();
		List<SystemResult> systems = new ArrayList<>();
		for (int e = 0; e < table.expertCount(); e++) {
			double nd = 0, rc = 0;
			for (int q = 0; q < n; q++) {
				nd += table.metrics()[e][q].ndcg10();
				rc += table.metrics()[e][q].recall100();
			}
			systems.add(new SystemResult(table.experts().get(e), false, nd / n, rc / n, Double.NaN, null));
		}
		for (String r : routers) {
			if (r.equals(FUSION)) {
				List<Metrics.Values> values = new ArrayList<>(n);
				for (int q = 0; q < n; q++) {
					values.add(Metrics.of(Fusion.rrf(table, q, rrfK), table.judged().get(q)));
				}
				Metrics.Values mean = Metrics.mean(values);
				systems.add(new SystemResult(r, true, mean.ndcg10(), mean.recall100(), Double.NaN, null));
				continue;
			}
			int[] chosen = choices.get(r);
			double nd = 0, rc = 0;
			int correct = 0;
			double[] shares = new double[table.expertCount()];
			for (int q = 0; q < n; q++) {
				int e = chosen[q];
				nd += table.ndcg(e, q);
				rc += table.metrics()[e][q].recall100();
				if (table.ndcg(e, q) == table.bestNdcg(q)) {
					correct++;
				}
				shares[e] += 1.0 / n;
			}
			systems.add(new SystemResult(r, true, nd / n, rc / n, correct / (double) n, shares));
		}
		long tied = IntStream.range(0, n).filter(table::allTied).count();
		return new Report(table.experts(), List.copyOf(systems), n, tied / (double) n, choices, table.queryIds());
	}

	/** Told each fold's held-out mean nDCG@10 of a router. */
	@FunctionalInterface
	public interface FoldListener {
		void fold(int fold, String router, double ndcg10);
	}
}
