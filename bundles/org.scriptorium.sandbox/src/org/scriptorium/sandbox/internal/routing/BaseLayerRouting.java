package org.scriptorium.sandbox.internal.routing;

import java.util.Arrays;

import org.scriptorium.sandbox.internal.math.Kernels;

/**
 * BASE layers, Lewis et al., arXiv 2103.16716 (not in the seed corpus) [memory, spec §1.19]. Training:
 * a balanced assignment maximising {@code Σ_t h_t·w_{a(t)}} with each expert taking at most
 * {@code ceil(T/N)} tokens. The paper uses an auction algorithm; here a deterministic GREEDY assignment
 * is used (all (token, expert) scores sorted descending, ties by token then expert; take a pair when the
 * token is free and the expert has room), which is an approximation of the optimum. Test time: greedy
 * top-1 {@code argmax_e h·w_e}. Output {@code x + σ(h·w_e) E_e(x)}: the gate is a sigmoid of the score,
 * there is no softmax and no auxiliary loss. {@link Routing#probs} is the softmax of the scores, for the
 * entropy metrics only.
 */
public final class BaseLayerRouting extends SoftmaxRouting {

	public static final String ARXIV = "2103.16716";

	@Override
	public String name() {
		return "base";
	}

	@Override
	public String arxivId() {
		return ARXIV;
	}

	@Override
	public double nominalK() {
		return 1;
	}

	@Override
	public Routing route(double[][] scores, int experts, RouteContext ctx) {
		int tokens = scores.length;
		Routing r = new Routing(scores, probabilities(scores, experts, 1.0), tokens, experts);
		int[] assign = ctx.training() ? greedyBalanced(scores, experts) : argmax(scores);
		for (int t = 0; t < tokens; t++) {
			int e = assign[t];
			r.requested[t] = new int[]{e};
			r.execute(t, e, Kernels.sigmoid(scores[t][e]));
		}
		return r;
	}

	static int[] argmax(double[][] scores) {
		int[] a = new int[scores.length];
		for (int t = 0; t < scores.length; t++) {
			a[t] = Kernels.topK(scores[t], 1)[0];
		}
		return a;
	}

	/** Greedy balanced assignment; every token gets exactly one expert. */
	public static int[] greedyBalanced(double[][] scores, int experts) {
		int tokens = scores.length;
		int cap = (tokens + experts - 1) / experts;
		Integer[] order = new Integer[tokens * experts];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		Arrays.sort(order, (a, b) -> {
			int c = Double.compare(scores[b / experts][b % experts], scores[a / experts][a % experts]);
			return c != 0 ? c : Integer.compare(a, b);
		});
		int[] assign = new int[tokens];
		Arrays.fill(assign, -1);
		int[] fill = new int[experts];
		for (int idx : order) {
			int t = idx / experts;
			int e = idx % experts;
			if (assign[t] < 0 && fill[e] < cap) {
				assign[t] = e;
				fill[e]++;
			}
		}
		return assign;
	}

	@Override
	public double[][] backward(Routing r, RouterGrad grad) {
		int n = r.experts();
		double[][] dz = new double[r.tokens()][];
		for (int t = 0; t < r.tokens(); t++) {
			dz[t] = grad.dRouterOut[t].clone();
			double[] dp = Kernels.softmaxBackward(r.probs[t], grad.dProbs[t]);
			for (int e = 0; e < n; e++) {
				dz[t][e] += dp[e];
				if (r.executed[t][e]) {
					double s = r.gate[t][e];
					dz[t][e] += grad.dGate[t][e] * s * (1 - s);
				}
			}
		}
		return dz;
	}
}
