package org.scriptorium.sandbox.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.scriptorium.sandbox.Experiment;
import org.scriptorium.sandbox.RunSpec;
import org.scriptorium.sandbox.internal.config.ExperimentConfig;
import org.scriptorium.sandbox.internal.math.Rng;
import org.scriptorium.sandbox.internal.model.Trainer;
import org.scriptorium.sandbox.internal.model.TrainingListener;
import org.scriptorium.sandbox.internal.routing.BalancedAssignment;
import org.scriptorium.sandbox.internal.routing.GShardTopK;
import org.scriptorium.sandbox.internal.routing.RouteContext;
import org.scriptorium.sandbox.internal.routing.Routing;
import org.scriptorium.sandbox.internal.routing.SwitchTop1;
import org.scriptorium.tests.common.TinyExperiment;

/**
 * The papers' behaviours available as options: BASE's exact balanced assignment, GShard's random second-expert
 * dispatch and renormalisation before dropping, Switch's evaluation capacity factor; THOR's train.ce per forward
 * pass; E5's redundancy probe on distinct masks.
 */
class FaithfulnessTest {

	@Test
	void theExactBalancedAssignmentIsOptimalWhereTheGreedyOneIsNot() {
		Rng rng = new Rng(17);
		int greedyOptimal = 0;
		int cases = 200;
		for (int c = 0; c < cases; c++) {
			int tokens = 2 + c % 6;
			int experts = 2 + c % 3;
			double[][] s = rng.gaussianMatrix(tokens, experts, 1.0);
			int[] exact = BalancedAssignment.exact(s, experts);
			assertBalanced(exact, experts);
			double best = bruteForce(s, experts, 0, new int[tokens], new int[experts]);
			assertEquals(best, BalancedAssignment.total(s, exact), 1e-9, "case " + c);
			double greedy = BalancedAssignment.total(s, BalancedAssignment.greedy(s, experts));
			assertTrue(greedy <= best + 1e-9);
			greedyOptimal += greedy >= best - 1e-9 ? 1 : 0;
		}
		assertTrue(greedyOptimal < cases, "the greedy assignment missed no optimum: the cases are too easy");
	}

	@Test
	void theExactAssignmentStopsAt512TokensAndBalancesLargeBatches() {
		Rng rng = new Rng(3);
		double[][] big = rng.gaussianMatrix(BalancedAssignment.EXACT_MAX_TOKENS, 8, 1.0);
		int[] a = BalancedAssignment.assign(big, 8);
		assertBalanced(a, 8);
		assertTrue(BalancedAssignment.total(big, a) >= BalancedAssignment.total(big,
				BalancedAssignment.greedy(big, 8)) - 1e-9);
		double[][] bigger = rng.gaussianMatrix(BalancedAssignment.EXACT_MAX_TOKENS + 1, 8, 1.0);
		assertArrayEquals(BalancedAssignment.greedy(bigger, 8), BalancedAssignment.assign(bigger, 8));
	}

	@Test
	void baseAssignsExactlyUnlessTheFileAsksForGreedy() throws Exception {
		String base = TinyExperiment.json("base", "{ \"type\": \"base\" }", "[]");
		ExperimentConfig byDefault = Experiment.bindResolved(TestSupport.parse(base).runs().get(0).config(), "base");
		assertEquals("exact", byDefault.strategy().assignment());
		String greedy = TinyExperiment.json("base", "{ \"type\": \"base\", \"assignment\": \"greedy\" }", "[]");
		assertEquals("greedy",
				Experiment.bindResolved(TestSupport.parse(greedy).runs().get(0).config(), "base").strategy().assignment());
	}

	@Test
	void gshardDispatchesTheSecondExpertWithProbabilityTwiceItsGate() {
		int tokens = 8000;
		double[][] z = new double[tokens][];
		for (int t = 0; t < tokens; t++) {
			z[t] = StrategiesTest.logits(0.5, 0.3, 0.2); // g2 = 0.3 / 0.8 = 0.375: dispatched with p = 0.75
		}
		GShardTopK s = new GShardTopK(2, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, true, true);
		Routing r = s.route(z, 3, RouteContext.training(new Rng(5), new int[tokens], new int[tokens]));
		int two = 0;
		for (int t = 0; t < tokens; t++) {
			two += r.activeCount(t) == 2 ? 1 : 0;
			// normalised before the random drop: the first expert keeps g1 / (g1 + g2) either way
			assertEquals(0.625, r.gate[t][0], 1e-12);
		}
		assertEquals(0.75, two / (double) tokens, 0.02, "fraction of tokens with their second expert");
		Routing eval = s.route(z, 3, StrategiesTest.eval(tokens));
		for (int t = 0; t < tokens; t++) {
			assertEquals(2, eval.activeCount(t), "evaluation dispatches both experts");
		}
		Routing always = new GShardTopK(2, Double.POSITIVE_INFINITY).route(z, 3,
				RouteContext.training(new Rng(5), new int[tokens], new int[tokens]));
		assertEquals(2, always.activeCount(0));
	}

	@Test
	void gatesRenormalisedBeforeTheDropLoseTheDroppedShare() {
		// N = 3, k = 2, capacity ceil(2·2/3·0.75) = 1: token 0 keeps e0 and loses e1 (token 1 took it first)
		double[][] z = {StrategiesTest.logits(0.5, 0.3, 0.2), StrategiesTest.logits(0.3, 0.5, 0.2)};
		RouteContext ctx = RouteContext.training(new Rng(1), new int[2], new int[2]);
		Routing after = new GShardTopK(2, 0.75, 0.75, false, false).route(z, 3, ctx);
		Routing before = new GShardTopK(2, 0.75, 0.75, false, true).route(z, 3, ctx);
		assertEquals(1, after.activeCount(0));
		assertEquals(1.0, after.gate[0][0], 1e-12);
		assertEquals(1, before.activeCount(0));
		assertEquals(0.625, before.gate[0][0], 1e-12);
	}

	@Test
	void switchEvaluatesWithItsOwnCapacityFactor() {
		double[][] z = new double[4][];
		for (int t = 0; t < 4; t++) {
			z[t] = StrategiesTest.logits(0.6, 0.4); // all prefer expert 0
		}
		SwitchTop1 s = new SwitchTop1(1.0, 2.0); // training C = 2, evaluation C = 4
		Routing train = s.route(z, 2, RouteContext.training(new Rng(1), new int[4], new int[4]));
		Routing eval = s.route(z, 2, StrategiesTest.eval(4));
		assertEquals(2, train.executedCount());
		assertEquals(4, eval.executedCount());
	}

	@Test
	void thorReportsTheCrossEntropyOfOneForwardPass() throws Exception {
		double single = lastTrainCe("{\"type\":\"thor\"}", "[]");
		double twoPasses = lastTrainCe("{\"type\":\"thor\"}", "[{\"type\":\"consistency\",\"weight\":0}]");
		assertTrue(twoPasses > 0.8 * single && twoPasses < 1.25 * single,
				"train.ce with two passes " + twoPasses + " vs one pass " + single);
	}

	private static double lastTrainCe(String strategy, String losses) throws Exception {
		Experiment e = TestSupport.parse(TinyExperiment.json("thor", strategy, losses));
		RunSpec spec = e.runs().get(0);
		ExperimentConfig cfg = Experiment.bindResolved(spec.config(), "thor");
		double[] last = {Double.NaN};
		new Trainer(cfg, spec.seed(), new TrainingListener() {
			@Override
			public void metric(String name, long step, double value) {
				if (name.equals("train.ce")) {
					last[0] = value;
				}
			}

			@Override
			public void progress(long step, long total) {
			}

			@Override
			public void log(String message) {
			}

			@Override
			public void artifact(String name, String mediaType, String content) {
			}

			@Override
			public boolean cancelled() {
				return false;
			}
		}).run();
		return last[0];
	}

	@Test
	void theE5RedundancyProbeMasksADifferentNumberOfExpertsAtEachFraction() throws Exception {
		Experiment e = TestSupport.example("e5-deepseek-shared");
		Set<String> variants = new HashSet<>();
		for (RunSpec r : e.runs()) {
			ExperimentConfig cfg = Experiment.bindResolved(r.config(), e.name());
			List<Integer> masked = new ArrayList<>();
			for (double f : cfg.evaluation().maskFractions()) {
				masked.add((int) Math.round(f * cfg.model().experts()));
			}
			assertEquals(masked.size(), new HashSet<>(masked).size(),
					r.point().get("variant") + ": masked experts " + masked);
			variants.add(r.point().get("variant").getAsString());
		}
		assertEquals(3, variants.size(), variants.toString());
	}

	private static void assertBalanced(int[] a, int experts) {
		int cap = (a.length + experts - 1) / experts;
		int[] fill = new int[experts];
		for (int e : a) {
			fill[e]++;
			assertTrue(fill[e] <= cap, "expert " + e + " over capacity " + cap);
		}
	}

	private static double bruteForce(double[][] s, int experts, int t, int[] a, int[] fill) {
		if (t == s.length) {
			return 0;
		}
		int cap = (s.length + experts - 1) / experts;
		double best = Double.NEGATIVE_INFINITY;
		for (int e = 0; e < experts; e++) {
			if (fill[e] < cap) {
				fill[e]++;
				best = Math.max(best, s[t][e] + bruteForce(s, experts, t + 1, a, fill));
				fill[e]--;
			}
		}
		return best;
	}
}
