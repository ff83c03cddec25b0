package org.scriptorium.sandbox.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scriptorium.sandbox.internal.math.Rng;
import org.scriptorium.sandbox.internal.routing.BaseLayerRouting;
import org.scriptorium.sandbox.internal.routing.DeepSeekMoeRouting;
import org.scriptorium.sandbox.internal.routing.DynamicTopP;
import org.scriptorium.sandbox.internal.routing.ExpertChoice;
import org.scriptorium.sandbox.internal.routing.GShardTopK;
import org.scriptorium.sandbox.internal.routing.HashRouting;
import org.scriptorium.sandbox.internal.routing.NoisyTopK;
import org.scriptorium.sandbox.internal.routing.RouteContext;
import org.scriptorium.sandbox.internal.routing.Routing;
import org.scriptorium.sandbox.internal.routing.SwitchTop1;
import org.scriptorium.sandbox.internal.routing.ThorRandom;

/** Hand-computed cases, including the normalisation pitfalls of routing-spec §1.21. */
class StrategiesTest {

	/** Logits whose softmax is exactly p. */
	static double[] logits(double... p) {
		double[] z = new double[p.length];
		for (int i = 0; i < p.length; i++) {
			z[i] = Math.log(p[i]);
		}
		return z;
	}

	static RouteContext eval(int tokens) {
		return RouteContext.eval(new Rng(1), new int[tokens], new int[tokens]);
	}

	@Test
	void gshardTop2RenormalisesTheTwoGates() {
		Routing r = new GShardTopK(2, Double.POSITIVE_INFINITY).route(new double[][]{logits(0.5, 0.3, 0.2)}, 3,
				eval(1));
		assertEquals(0.625, r.gate[0][0], 1e-12);
		assertEquals(0.375, r.gate[0][1], 1e-12);
		assertEquals(0.0, r.gate[0][2]);
		assertEquals(1.0, r.gate[0][0] + r.gate[0][1], 1e-12);
		assertEquals(0.5, r.probs[0][0], 1e-12); // probabilities stay the full softmax
	}

	@Test
	void switchUsesTheRawTop1ProbabilityNotOne() {
		Routing r = new SwitchTop1(Double.POSITIVE_INFINITY).route(new double[][]{logits(0.5, 0.3, 0.2)}, 3, eval(1));
		assertEquals(0.5, r.gate[0][0], 1e-12);
		assertEquals(1, r.activeCount(0));
	}

	@Test
	void switchDropsTokensBeyondCapacityInPositionOrder() {
		// 4 tokens all prefer expert 0; N = 2, factor 1 → C = ceil(4/2·1) = 2
		double[][] z = new double[4][];
		for (int t = 0; t < 4; t++) {
			z[t] = logits(0.9, 0.1);
		}
		Routing r = new SwitchTop1(1.0).route(z, 2, eval(4));
		assertTrue(r.executed[0][0]);
		assertTrue(r.executed[1][0]);
		assertFalse(r.executed[2][0]);
		assertFalse(r.executed[3][0]);
		assertEquals(4, r.requestedCount());
		assertEquals(2, r.executedCount());
		assertEquals(0, r.activeCount(3)); // dropped: residual only
	}

	@Test
	void gshardCapacityFillsFirstChoicesBeforeSecondChoices() {
		// token 0: (e0, e1); token 1: (e1, e0); N = 2, k = 2, factor 0.5 → C = ceil(2·2/2·0.5) = 1
		Routing r = new GShardTopK(2, 0.5).route(new double[][]{logits(0.6, 0.4), logits(0.3, 0.7)}, 2, eval(2));
		assertTrue(r.executed[0][0]);
		assertTrue(r.executed[1][1]);
		assertFalse(r.executed[0][1]);
		assertFalse(r.executed[1][0]);
		// renormalised over the kept expert only (DeepSpeed masks before the denominator)
		assertEquals(1.0, r.gate[0][0], 1e-12);
	}

	@Test
	void topPKeepsExpertsUntilTheCumulativeSumExceedsP() {
		double[][] z = {logits(0.5, 0.3, 0.2)};
		Routing one = new DynamicTopP(0.4, 1.0).route(z, 3, eval(1));
		assertEquals(1, one.activeCount(0)); // 0.5 > 0.4
		Routing two = new DynamicTopP(0.5, 1.0).route(z, 3, eval(1));
		assertEquals(2, two.activeCount(0)); // 0.5 is not > 0.5 (strict), 0.8 is
		// raw probabilities, NOT renormalised: the weights sum to 0.8 < 1
		assertEquals(0.5, two.gate[0][0], 1e-12);
		assertEquals(0.3, two.gate[0][1], 1e-12);
		Routing all = new DynamicTopP(0.95, 1.0).route(z, 3, eval(1));
		assertEquals(3, all.activeCount(0));
	}

	@Test
	void topPWithUniformRouterActivatesManyExperts() {
		// the "cheating" case of the entropy loss: uniform P over 8 experts, p = 0.4 → 4 experts (0.5 > 0.4)
		Routing r = new DynamicTopP(0.4, 1.0).route(new double[][]{new double[8]}, 8, eval(1));
		assertEquals(4, r.activeCount(0));
	}

	@Test
	void topPAlwaysKeepsAtLeastOneExpert() {
		Routing r = new DynamicTopP(0.01, 1.0).route(new double[][]{logits(0.005, 0.995)}, 2, eval(1));
		assertEquals(1, r.activeCount(0));
		assertTrue(r.executed[0][1]);
	}

	@Test
	void deepSeekGatesAreRawSoftmaxValues() {
		Routing r = new DeepSeekMoeRouting(2).route(new double[][]{logits(0.4, 0.3, 0.2, 0.1)}, 4, eval(1));
		assertEquals(0.4, r.gate[0][0], 1e-12);
		assertEquals(0.3, r.gate[0][1], 1e-12);
		assertEquals(0.7, r.gate[0][0] + r.gate[0][1], 1e-12); // not renormalised to 1
	}

	@Test
	void deepSeekMaskTopRemovesTheBestExperts() {
		Routing r = new DeepSeekMoeRouting(2).route(new double[][]{logits(0.4, 0.3, 0.2, 0.1)}, 4,
				eval(1).withMaskTop(1));
		assertFalse(r.executed[0][0]);
		assertTrue(r.executed[0][1]);
		assertTrue(r.executed[0][2]);
	}

	@Test
	void expertChoiceLetsExpertsPickTokens() {
		// T = 4, N = 2, c = 1 → k = 2 tokens per expert
		double[][] z = {logits(0.9, 0.1), logits(0.8, 0.2), logits(0.7, 0.3), logits(0.6, 0.4)};
		Routing r = new ExpertChoice(1.0).route(z, 2, eval(4));
		// expert 0 takes tokens 0 and 1; expert 1 takes tokens 3 (0.4) and 2 (0.3)
		assertTrue(r.executed[0][0] && r.executed[1][0]);
		assertTrue(r.executed[3][1] && r.executed[2][1]);
		assertEquals(0.3, r.gate[2][1], 1e-12); // raw score as gate
		double[][] skew = {logits(0.9, 0.1), logits(0.8, 0.2), logits(0.5, 0.5), logits(0.6, 0.4)};
		Routing s = new ExpertChoice(0.5).route(skew, 2, eval(4)); // k = 1
		assertEquals(1, s.activeCount(0)); // token 0 picked by expert 0
		assertEquals(1, s.activeCount(2)); // token 2 has the highest expert-1 score
		assertEquals(0, s.activeCount(1)); // nobody picked token 1: zero experts
	}

	@Test
	void noisyTopKWithoutNoiseIsSoftmaxOverTheTopK() {
		double[][] out = {{2, 1, 0, 0, 0, 0}}; // clean logits (3) + noise logits (3)
		Routing r = new NoisyTopK(2, true).route(out, 3, eval(1));
		assertEquals(1 / (1 + Math.exp(-1)), r.gate[0][0], 1e-12);
		assertEquals(1 / (1 + Math.exp(1)), r.gate[0][1], 1e-12);
		assertEquals(1.0, r.gate[0][0] + r.gate[0][1], 1e-12); // renormalised implicitly
	}

	@Test
	void noisyTopKAddsNoiseOnlyInTraining() {
		double[][] out = {{0, 0, 0, 5, 5, 5}};
		java.util.Set<Integer> chosen = new java.util.HashSet<>();
		for (int seed = 1; seed <= 20; seed++) {
			Routing a = new NoisyTopK(1, true).route(out, 3,
					RouteContext.training(new Rng(seed), new int[1], new int[1]));
			assertTrue(NoisyTopK.state(a).noisy);
			chosen.add(a.requested[0][0]);
		}
		assertTrue(chosen.size() > 1, "noise (std softplus(5)) must change the top-1 among equal logits");
		Routing c = new NoisyTopK(1, true).route(out, 3, eval(1));
		assertFalse(NoisyTopK.state(c).noisy);
		assertEquals(0, c.requested[0][0]); // ties without noise go to the lowest index
	}

	@Test
	void balancedHashEqualisesFrequencyGreedily() {
		HashRouting h = HashRouting.balanced(new long[]{10, 5, 5, 1}, 2);
		assertEquals(0, h.expertOf(0));
		assertEquals(1, h.expertOf(1));
		assertEquals(1, h.expertOf(2));
		assertEquals(0, h.expertOf(3)); // loads 10 vs 10: the first expert
		Routing r = h.route(null, 2, RouteContext.eval(new Rng(1), new int[]{3, 1}, new int[2]));
		assertEquals(1.0, r.gate[0][0]); // no gate weight
		assertEquals(1.0, r.gate[1][1]);
	}

	@Test
	void randomHashIsFixedForASeed() {
		HashRouting a = HashRouting.random(50, 4, new Rng(9));
		HashRouting b = HashRouting.random(50, 4, new Rng(9));
		for (int v = 0; v < 50; v++) {
			assertEquals(a.expertOf(v), b.expertOf(v));
		}
	}

	@Test
	void baseGreedyAssignmentIsBalancedAndArgmaxAtTest() {
		// every token prefers expert 0; balanced assignment must give 2 tokens to each expert
		double[][] s = {{3, 0}, {2, 1}, {4, 0.5}, {1, 0.9}};
		assertArrayEquals(new int[]{0, 1, 0, 1}, BaseLayerRouting.greedyBalanced(s, 2));
		Routing train = new BaseLayerRouting().route(s, 2, RouteContext.training(new Rng(1), new int[4], new int[4]));
		assertEquals(1 / (1 + Math.exp(-1.0)), train.gate[1][1], 1e-12); // sigmoid gate
		Routing test = new BaseLayerRouting().route(s, 2, eval(4));
		for (int t = 0; t < 4; t++) {
			assertTrue(test.executed[t][0]);
		}
	}

	@Test
	void thorUsesOneExpertForTheWholeBatchInTraining() {
		Routing r = new ThorRandom(ThorRandom.Inference.PER_SEQUENCE).route(null, 4,
				RouteContext.training(new Rng(5), new int[6], new int[6]));
		int e = r.requested[0][0];
		for (int t = 0; t < 6; t++) {
			assertEquals(e, r.requested[t][0]);
			assertEquals(1.0, r.gate[t][e]);
		}
	}

	@Test
	void thorPerSequenceInferenceSharesTheExpertWithinASequence() {
		int[] seq = {0, 0, 0, 1, 1, 1, 2, 2, 2};
		Routing r = new ThorRandom(ThorRandom.Inference.PER_SEQUENCE).route(null, 4,
				RouteContext.eval(new Rng(5), new int[9], seq));
		for (int t = 0; t < 9; t++) {
			assertEquals(r.requested[t - t % 3][0], r.requested[t][0]);
		}
		Routing avg = new ThorRandom(ThorRandom.Inference.AVERAGE).route(null, 4,
				RouteContext.eval(new Rng(5), new int[2], new int[2]));
		assertEquals(4, avg.activeCount(0));
		assertEquals(0.25, avg.gate[0][3]);
	}

	@Test
	void everyStrategyNamesItsPaperMatchingTheCorpus() {
		// corpus ids (seed-metadata.json) for the seed papers; classic baselines are not in the corpus
		assertEquals("2403.07652", new DynamicTopP(0.4, 1).arxivId());
		assertEquals("2401.06066", new DeepSeekMoeRouting(2).arxivId());
		assertEquals("2110.04260", new ThorRandom(ThorRandom.Inference.AVERAGE).arxivId());
		assertEquals("2006.16668", new GShardTopK(2, 1).arxivId());
		assertEquals("2101.03961", new SwitchTop1(1).arxivId());
		assertEquals("1701.06538", new NoisyTopK(2, true).arxivId());
		assertEquals("2202.09368", new ExpertChoice(2).arxivId());
		assertEquals("2106.04426", HashRouting.random(2, 2, new Rng(1)).arxivId());
		assertEquals("2103.16716", new BaseLayerRouting().arxivId());
	}
}
