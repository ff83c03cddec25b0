package org.scriptorium.sandbox.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scriptorium.sandbox.internal.loss.AuxLoss;
import org.scriptorium.sandbox.internal.loss.ConsistencyLoss;
import org.scriptorium.sandbox.internal.loss.DeepSeekBalanceLoss;
import org.scriptorium.sandbox.internal.loss.EntropyLoss;
import org.scriptorium.sandbox.internal.loss.ShazeerLosses;
import org.scriptorium.sandbox.internal.loss.SwitchBalanceLoss;
import org.scriptorium.sandbox.internal.loss.ZLoss;
import org.scriptorium.sandbox.internal.math.Kernels;
import org.scriptorium.sandbox.internal.math.Rng;
import org.scriptorium.sandbox.internal.model.ModelConfig;
import org.scriptorium.sandbox.internal.model.MoeMlp;
import org.scriptorium.sandbox.internal.model.Param;
import org.scriptorium.sandbox.internal.routing.BaseLayerRouting;
import org.scriptorium.sandbox.internal.routing.DeepSeekMoeRouting;
import org.scriptorium.sandbox.internal.routing.DynamicTopP;
import org.scriptorium.sandbox.internal.routing.ExpertChoice;
import org.scriptorium.sandbox.internal.routing.GShardTopK;
import org.scriptorium.sandbox.internal.routing.NoisyTopK;
import org.scriptorium.sandbox.internal.routing.RouteContext;
import org.scriptorium.sandbox.internal.routing.RouterGrad;
import org.scriptorium.sandbox.internal.routing.Routing;
import org.scriptorium.sandbox.internal.routing.RoutingStrategy;
import org.scriptorium.sandbox.internal.routing.SwitchTop1;

/**
 * Analytic gradients checked against central finite differences. The probe loss is
 * {@code Σ c·gate + Σ d·probs + aux}, with the discrete selection held fixed by small steps.
 */
class GradientTest {

	private static final double H = 1e-6;

	static Stream<Arguments> strategies() {
		return Stream.of(
				Arguments.of("gshard top-2 (renormalised)",
						(Supplier<RoutingStrategy>) () -> new GShardTopK(2, Double.POSITIVE_INFINITY)),
				Arguments.of("switch top-1 (raw)",
						(Supplier<RoutingStrategy>) () -> new SwitchTop1(Double.POSITIVE_INFINITY)),
				Arguments.of("top-p", (Supplier<RoutingStrategy>) () -> new DynamicTopP(0.6, 1.5)),
				Arguments.of("deepseek", (Supplier<RoutingStrategy>) () -> new DeepSeekMoeRouting(2)),
				Arguments.of("expert choice", (Supplier<RoutingStrategy>) () -> new ExpertChoice(2)),
				Arguments.of("noisy top-2", (Supplier<RoutingStrategy>) () -> new NoisyTopK(2, true)),
				Arguments.of("base, greedy assignment", (Supplier<RoutingStrategy>) () -> new BaseLayerRouting(false)),
				Arguments.of("base (exact assignment, the default)", (Supplier<RoutingStrategy>) () -> new BaseLayerRouting()),
				Arguments.of("gshard top-2, capacity 0.75, renormalised after the drop",
						(Supplier<RoutingStrategy>) () -> new GShardTopK(2, 0.75, 0.75, false, false)),
				Arguments.of("gshard top-2, capacity 0.75, renormalised before the drop",
						(Supplier<RoutingStrategy>) () -> new GShardTopK(2, 0.75, 0.75, false, true)),
				Arguments.of("gshard top-2, random second expert, renormalised before the drop",
						(Supplier<RoutingStrategy>) () -> new GShardTopK(2, Double.POSITIVE_INFINITY,
								Double.POSITIVE_INFINITY, true, true)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("strategies")
	void routerBackwardMatchesFiniteDifferences(String label, Supplier<RoutingStrategy> make) {
		int tokens = 5;
		int n = 4;
		RoutingStrategy s = make.get();
		int width = s.routerWidth(n);
		Rng rng = new Rng(11);
		double[][] out = rng.gaussianMatrix(tokens, width, 1.0);
		double[][] c = rng.gaussianMatrix(tokens, n, 1.0);
		double[][] d = rng.gaussianMatrix(tokens, n, 1.0);
		Function<double[][], Routing> route = o -> s.route(o, n,
				RouteContext.training(new Rng(99), new int[tokens], new int[tokens]));
		Function<double[][], Double> f = o -> {
			Routing r = route.apply(o);
			double v = 0;
			for (int t = 0; t < tokens; t++) {
				for (int e = 0; e < n; e++) {
					v += c[t][e] * r.gate[t][e] + d[t][e] * r.probs[t][e];
				}
			}
			return v;
		};
		Routing r = route.apply(out);
		RouterGrad g = new RouterGrad(tokens, n, width);
		for (int t = 0; t < tokens; t++) {
			g.dGate[t] = c[t].clone();
			g.dProbs[t] = d[t].clone();
		}
		double[][] analytic = s.backward(r, g);
		checkAll(label, out, analytic, f);
	}

	static Stream<Arguments> losses() {
		return Stream.of(
				Arguments.of("switch lbl", (Supplier<AuxLoss>) () -> new SwitchBalanceLoss(0.3, 1, false), false),
				Arguments.of("deepseek balance", (Supplier<AuxLoss>) () -> new DeepSeekBalanceLoss(0.3, 2), false),
				Arguments.of("entropy", (Supplier<AuxLoss>) () -> new EntropyLoss(0.7), false),
				Arguments.of("z-loss", (Supplier<AuxLoss>) () -> new ZLoss(0.2), false),
				Arguments.of("importance", (Supplier<AuxLoss>) () -> ShazeerLosses.importance(0.5), true),
				Arguments.of("load", (Supplier<AuxLoss>) () -> ShazeerLosses.load(0.5, 2), true));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("losses")
	void auxiliaryLossGradientsMatchFiniteDifferences(String label, Supplier<AuxLoss> make, boolean noisy) {
		int tokens = 6;
		int n = 4;
		RoutingStrategy s = noisy ? new NoisyTopK(2, true) : new GShardTopK(2, Double.POSITIVE_INFINITY);
		int width = s.routerWidth(n);
		double[][] out = new Rng(5).gaussianMatrix(tokens, width, 1.0);
		Function<double[][], Routing> route = o -> s.route(o, n,
				RouteContext.training(new Rng(3), new int[tokens], new int[tokens]));
		Function<double[][], Double> f = o -> make.get().apply(route.apply(o), new RouterGrad(tokens, n, width));
		Routing r = route.apply(out);
		RouterGrad g = new RouterGrad(tokens, n, width);
		make.get().apply(r, g);
		double[][] analytic = s.backward(r, g);
		checkAll(label, out, analytic, f);
	}

	@Test
	void consistencyGradientMatchesFiniteDifferences() {
		double[] z1 = {0.2, -0.4, 1.0};
		double[] z2 = {-0.3, 0.5, 0.1};
		double[] g = ConsistencyLoss.gradFirst(Kernels.softmax(z1), Kernels.softmax(z2));
		for (int j = 0; j < 3; j++) {
			double[] a = z1.clone();
			double[] b = z1.clone();
			a[j] += H;
			b[j] -= H;
			double num = (ConsistencyLoss.symKl(Kernels.softmax(a), Kernels.softmax(z2))
					- ConsistencyLoss.symKl(Kernels.softmax(b), Kernels.softmax(z2))) / (2 * H);
			assertEquals(num, g[j], 1e-7);
		}
		assertEquals(0.0, ConsistencyLoss.symKl(Kernels.softmax(z1), Kernels.softmax(z1)), 1e-15);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("strategies")
	void wholeModelGradientMatchesFiniteDifferences(String label, Supplier<RoutingStrategy> make) {
		int tokens = 6;
		int features = 5;
		int classes = 3;
		ModelConfig cfg = new ModelConfig(6, 4, 3, 1, 2);
		MoeMlp model = new MoeMlp(features, classes, cfg, make.get(), new Rng(21));
		double[][] x = new Rng(22).gaussianMatrix(tokens, features, 1.0);
		int[] y = {0, 1, 2, 1, 0, 2};
		List<AuxLoss> aux = List.of(new SwitchBalanceLoss(0.1, 1, false), new EntropyLoss(0.05));
		Supplier<Double> loss = () -> {
			MoeMlp.Cache c = model.forward(x, RouteContext.training(new Rng(4), new int[tokens], new int[tokens]),
					false);
			double v = MoeMlp.crossEntropy(c, y, 1.0, new double[tokens][classes]);
			RouterGrad rg = new RouterGrad(tokens, cfg.experts(), model.strategy().routerWidth(cfg.experts()));
			for (AuxLoss a : aux) {
				v += a.apply(c.routing, rg);
			}
			return v;
		};
		MoeMlp.Cache c = model.forward(x, RouteContext.training(new Rng(4), new int[tokens], new int[tokens]), false);
		double[][] dLogits = new double[tokens][classes];
		MoeMlp.crossEntropy(c, y, 1.0, dLogits);
		RouterGrad rg = new RouterGrad(tokens, cfg.experts(), model.strategy().routerWidth(cfg.experts()));
		for (AuxLoss a : aux) {
			a.apply(c.routing, rg);
		}
		model.backward(c, dLogits, rg);
		int checked = 0;
		for (Param p : model.params()) {
			for (int i = 0; i < p.w.length; i++) {
				for (int j = 0; j < p.w[i].length; j += 2) {
					double old = p.w[i][j];
					p.w[i][j] = old + H;
					p.changed();
					double up = loss.get();
					p.w[i][j] = old - H;
					p.changed();
					double down = loss.get();
					p.w[i][j] = old;
					p.changed();
					double num = (up - down) / (2 * H);
					assertEquals(num, p.g[i][j], 1e-5 + 1e-4 * Math.abs(num),
							label + " " + p.name + "[" + i + "][" + j + "]");
					checked++;
				}
			}
		}
		assertTrue(checked > 50);
	}

	private static void checkAll(String label, double[][] x, double[][] analytic, Function<double[][], Double> f) {
		for (int t = 0; t < x.length; t++) {
			for (int j = 0; j < x[t].length; j++) {
				double old = x[t][j];
				x[t][j] = old + H;
				double up = f.apply(x);
				x[t][j] = old - H;
				double down = f.apply(x);
				x[t][j] = old;
				double num = (up - down) / (2 * H);
				assertEquals(num, analytic[t][j], 1e-6 + 1e-5 * Math.abs(num), label + " at [" + t + "][" + j + "]");
			}
		}
	}
}
