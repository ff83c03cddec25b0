package org.scriptorium.sandbox.internal.routing;

import org.scriptorium.sandbox.internal.math.Kernels;
import org.scriptorium.sandbox.internal.math.NonFiniteException;

/**
 * Shared helpers for strategies whose router probabilities are {@code softmax(W_r x)} over all N routed
 * experts.
 */
abstract class SoftmaxRouting implements RoutingStrategy {

	@Override
	public int routerWidth(int experts) {
		return experts;
	}

	/**
	 * {@code softmax(logits / temperature)} per token over the first {@code experts} columns.
	 *
	 * @throws NonFiniteException if a logit is NaN or infinite: that is a diverged model, not a routing decision
	 */
	static double[][] probabilities(double[][] logits, int experts, double temperature) {
		NonFiniteException.requireFinite("router logits", logits, experts);
		double[][] p = new double[logits.length][];
		for (int t = 0; t < logits.length; t++) {
			double[] z = new double[experts];
			for (int e = 0; e < experts; e++) {
				z[e] = logits[t][e] / temperature;
			}
			p[t] = Kernels.softmax(z);
		}
		return p;
	}

	/**
	 * Backward for gates equal to the raw probabilities ({@code g_i = p_i}, no renormalisation): the gate
	 * gradient of executed experts is added to the probability gradient, then through the softmax.
	 */
	static double[][] rawGateBackward(Routing r, RouterGrad grad, double temperature) {
		int n = r.experts();
		double[][] dz = new double[r.tokens()][];
		for (int t = 0; t < r.tokens(); t++) {
			double[] dp = grad.dProbs[t].clone();
			for (int e = 0; e < n; e++) {
				if (r.executed[t][e]) {
					dp[e] += grad.dGate[t][e];
				}
			}
			double[] d = Kernels.softmaxBackward(r.probs[t], dp);
			dz[t] = new double[grad.dRouterOut[t].length];
			for (int e = 0; e < n; e++) {
				dz[t][e] = d[e] / temperature + grad.dRouterOut[t][e];
			}
			for (int e = n; e < dz[t].length; e++) {
				dz[t][e] = grad.dRouterOut[t][e];
			}
		}
		return dz;
	}

	/**
	 * Backward for gates renormalised over the executed set S ({@code g_i = p_i / Σ_S p_j}):
	 * {@code dp_j = (dg_j − Σ_S g_i dg_i) / Σ_S p} for j in S.
	 */
	static double[][] renormalisedGateBackward(Routing r, RouterGrad grad) {
		int n = r.experts();
		double[][] dz = new double[r.tokens()][];
		for (int t = 0; t < r.tokens(); t++) {
			double[] dp = grad.dProbs[t].clone();
			double z = 0;
			double s = 0;
			for (int e = 0; e < n; e++) {
				if (r.executed[t][e]) {
					z += r.probs[t][e];
					s += r.gate[t][e] * grad.dGate[t][e];
				}
			}
			for (int e = 0; e < n; e++) {
				if (r.executed[t][e] && z > 0) {
					dp[e] += (grad.dGate[t][e] - s) / z;
				}
			}
			double[] d = Kernels.softmaxBackward(r.probs[t], dp);
			dz[t] = grad.dRouterOut[t].clone();
			for (int e = 0; e < n; e++) {
				dz[t][e] += d[e];
			}
		}
		return dz;
	}

	/**
	 * Applies an expert capacity to requested choices: first choices of all tokens (in position order)
	 * fill the buffers first, then second choices, and so on (GShard/DeepSpeed order; Switch keeps
	 * tokens in position order). Returns kept[t][rank].
	 */
	static boolean[][] capacityKeep(int[][] requested, int experts, int capacity) {
		boolean[][] keep = new boolean[requested.length][];
		int maxRank = 0;
		for (int t = 0; t < requested.length; t++) {
			keep[t] = new boolean[requested[t].length];
			maxRank = Math.max(maxRank, requested[t].length);
		}
		int[] fill = new int[experts];
		for (int rank = 0; rank < maxRank; rank++) {
			for (int t = 0; t < requested.length; t++) {
				if (rank < requested[t].length) {
					int e = requested[t][rank];
					if (fill[e] < capacity) {
						fill[e]++;
						keep[t][rank] = true;
					}
				}
			}
		}
		return keep;
	}

	/** Capacity {@code ceil(k · T / N · factor)}, or Integer.MAX_VALUE when the factor is not finite. */
	static int capacity(int tokens, int experts, double k, double factor) {
		if (!(factor > 0) || Double.isInfinite(factor)) {
			return Integer.MAX_VALUE;
		}
		return (int) Math.ceil(k * tokens / experts * factor - 1e-9);
	}
}
