package org.scriptorium.sandbox.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.scriptorium.sandbox.internal.loss.DeepSeekBalanceLoss;
import org.scriptorium.sandbox.internal.loss.EntropyLoss;
import org.scriptorium.sandbox.internal.loss.ShazeerLosses;
import org.scriptorium.sandbox.internal.loss.SwitchBalanceLoss;
import org.scriptorium.sandbox.internal.math.Rng;
import org.scriptorium.sandbox.internal.routing.GShardTopK;
import org.scriptorium.sandbox.internal.routing.RouteContext;
import org.scriptorium.sandbox.internal.routing.RouterGrad;
import org.scriptorium.sandbox.internal.routing.Routing;
import org.scriptorium.sandbox.internal.routing.SwitchTop1;

/** Hand-computed values of the auxiliary losses, including micro vs global balance statistics. */
class LossesTest {

	private static Routing switchRoute(double[][] p) {
		double[][] z = new double[p.length][];
		for (int t = 0; t < p.length; t++) {
			z[t] = StrategiesTest.logits(p[t]);
		}
		return new SwitchTop1(Double.POSITIVE_INFINITY).route(z, p[0].length, StrategiesTest.eval(p.length));
	}

	private static RouterGrad grad(Routing r) {
		return new RouterGrad(r.tokens(), r.experts(), r.experts());
	}

	@Test
	void switchLblIsOneUnderUniformRouting() {
		// two tokens, two experts, each token picks a different expert, P uniform → N Σ f P = 2·(0.5·0.5 + 0.5·0.5) = 1
		Routing r = switchRoute(new double[][]{{0.5 + 1e-9, 0.5 - 1e-9}, {0.5 - 1e-9, 0.5 + 1e-9}});
		assertEquals(1.0, new SwitchBalanceLoss(1.0, 1, false).apply(r, grad(r)), 1e-8);
	}

	@Test
	void switchLblHandCase() {
		// both tokens pick expert 0: f = (1, 0); P = mean of (0.8,0.2),(0.6,0.4) = (0.7, 0.3) → 2·0.7 = 1.4
		Routing r = switchRoute(new double[][]{{0.8, 0.2}, {0.6, 0.4}});
		RouterGrad g = grad(r);
		assertEquals(0.014, new SwitchBalanceLoss(0.01, 1, false).apply(r, g), 1e-12);
		// dL/dp_{t,0} = w·N·f_0/T = 0.01·2·1/2
		assertEquals(0.01, g.dProbs[0][0], 1e-12);
		assertEquals(0.0, g.dProbs[0][1], 1e-12);
	}

	@Test
	void globalBalancePoolsCountsOverTheWindowButUsesLocalProbabilities() {
		// micro-batch 1 routes to expert 0, micro-batch 2 to expert 1 (one domain each)
		Routing a = switchRoute(new double[][]{{0.8, 0.2}, {0.8, 0.2}});
		Routing b = switchRoute(new double[][]{{0.2, 0.8}, {0.2, 0.8}});
		SwitchBalanceLoss micro = new SwitchBalanceLoss(1.0, 1, false);
		micro.apply(a, grad(a));
		// micro: f = (0, 1) from b alone; P = (0.2, 0.8) → 2·0.8 = 1.6 (penalised although globally balanced)
		assertEquals(1.6, micro.apply(b, grad(b)), 1e-12);
		SwitchBalanceLoss global = new SwitchBalanceLoss(1.0, 2, false);
		global.apply(a, grad(a));
		// global (window 2): f = (0.5, 0.5) from a and b; P from b only → 2·(0.5·0.2 + 0.5·0.8) = 1.0
		assertEquals(1.0, global.apply(b, grad(b)), 1e-12);
		// the window restarts: the third call sees only its own counts again
		assertEquals(1.6, global.apply(a, grad(a)), 1e-12);
	}

	@Test
	void firstChoiceOnlyIgnoresSecondChoices() {
		Routing r = new GShardTopK(2, Double.POSITIVE_INFINITY).route(
				new double[][]{StrategiesTest.logits(0.6, 0.3, 0.1)}, 3, StrategiesTest.eval(1));
		// all choices: f = (0.5, 0.5, 0); P = (0.6, 0.3, 0.1) → 3·(0.3 + 0.15) = 1.35
		assertEquals(1.35, new SwitchBalanceLoss(1, 1, false).apply(r, grad(r)), 1e-12);
		// first choice only: f = (1, 0, 0) → 3·0.6 = 1.8
		assertEquals(1.8, new SwitchBalanceLoss(1, 1, true).apply(r, grad(r)), 1e-12);
	}

	@Test
	void deepSeekFNormalisationGivesOneUnderUniformRouting() {
		// N' = 4 routed experts, K' = 2, T = 2 tokens covering all 4 experts once, P uniform 0.25
		// f_i = N'/(K'T)·count = 4/4·1 = 1; L = α Σ f P = 1·(4·0.25) = 1
		double[][] z = {{1e-9, 1e-9, 0, 0}, {0, 0, 1e-9, 1e-9}};
		Routing r = new org.scriptorium.sandbox.internal.routing.DeepSeekMoeRouting(2).route(z, 4,
				StrategiesTest.eval(2));
		assertEquals(1.0, new DeepSeekBalanceLoss(1.0, 2).apply(r, grad(r)), 1e-6);
	}

	@Test
	void entropyLossHandCase() {
		Routing r = switchRoute(new double[][]{{0.5, 0.5}, {0.9, 0.1}});
		double h = Math.log(2) + -(0.9 * Math.log(0.9) + 0.1 * Math.log(0.1));
		assertEquals(0.5 * h / 2, new EntropyLoss(0.5).apply(r, grad(r)), 1e-12);
	}

	@Test
	void importanceLossIsCvSquaredOfSummedGates() {
		// top-1 switch gates: token 0 → e0 with 0.8, token 1 → e0 with 0.6: importance (1.4, 0) → CV² = 1
		Routing r = switchRoute(new double[][]{{0.8, 0.2}, {0.6, 0.4}});
		assertEquals(0.1, ShazeerLosses.importance(0.1).apply(r, grad(r)), 1e-12);
	}

	@Test
	void loadLossIsZeroWithoutNoise() {
		var s = new org.scriptorium.sandbox.internal.routing.NoisyTopK(1, true);
		Routing r = s.route(new Rng(1).gaussianMatrix(4, 6, 1), 3, StrategiesTest.eval(4));
		assertEquals(0.0, ShazeerLosses.load(0.1, 1).apply(r, new RouterGrad(4, 3, 6)));
		Routing noisy = s.route(new Rng(1).gaussianMatrix(4, 6, 1), 3,
				RouteContext.training(new Rng(2), new int[4], new int[4]));
		double v = ShazeerLosses.load(0.1, 1).apply(noisy, new RouterGrad(4, 3, 6));
		org.junit.jupiter.api.Assertions.assertTrue(v > 0 && v < 0.1 * 3, "CV² of 3 loads is in (0, N-1]: " + v);
	}
}
