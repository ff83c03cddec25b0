package org.scriptorium.sandbox.internal.routing;

import org.scriptorium.sandbox.internal.math.Kernels;

/**
 * BASE layers, Lewis et al., arXiv 2103.16716 (not in the seed corpus) [memory, spec §1.19]. Training:
 * a balanced assignment maximising {@code Σ_t h_t·w_{a(t)}} with each expert taking at most
 * {@code ceil(T/N)} tokens. The paper solves it exactly with an auction algorithm; the default, option {@code "assignment":
 * "exact"}, does too (Hungarian algorithm, up to 512 tokens a batch, greedy beyond); {@code "greedy"} takes (token,
 * expert) scores in descending order, ties by token then expert, when the token is free and the expert has room: a
 * faster approximation of the optimum ({@link BalancedAssignment}). Test time: greedy
 * top-1 {@code argmax_e h·w_e}. Output {@code x + σ(h·w_e) E_e(x)}: the gate is a sigmoid of the score,
 * there is no softmax and no auxiliary loss. {@link Routing#probs} is the softmax of the scores, for the
 * entropy metrics only.
 */
public final class BaseLayerRouting extends SoftmaxRouting {

	public static final String ARXIV = "2103.16716";

	private final boolean exact;

	/** The exact assignment in training (option {@code "assignment": "exact"}, the default). */
	public BaseLayerRouting() {
		this(true);
	}

	/**
	 * @param exact in training, the optimal balanced assignment up to {@value BalancedAssignment#EXACT_MAX_TOKENS}
	 *              tokens and the greedy one beyond (option {@code "assignment": "exact"}, the paper's optimum), or
	 *              the greedy one always
	 */
	public BaseLayerRouting(boolean exact) {
		this.exact = exact;
	}

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
		int[] assign = !ctx.training()
				? argmax(scores)
				: exact ? BalancedAssignment.assign(scores, experts) : greedyBalanced(scores, experts);
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

	/** Greedy balanced assignment; every token gets exactly one expert (see {@link BalancedAssignment#greedy}). */
	public static int[] greedyBalanced(double[][] scores, int experts) {
		return BalancedAssignment.greedy(scores, experts);
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
