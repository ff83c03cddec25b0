package org.scriptorium.sandbox.internal.routing;

import org.scriptorium.sandbox.internal.math.Kernels;

/**
 * Token-choice top-k over {@code p = softmax(W_r x)} (all N routed experts), with an optional capacity
 * and an optional renormalisation of the executed gates. Subclasses fix the paper's choices.
 */
public class TokenChoiceTopK extends SoftmaxRouting {

	private final String name;
	private final String arxivId;
	private final int k;
	private final boolean renormalise;
	private final double capacityFactor;
	private final double evalCapacityFactor;
	private final boolean randomSecond;
	private final boolean renormaliseBeforeDrop;

	/**
	 * @param capacityFactor expert capacity factor; {@code Double.POSITIVE_INFINITY} means dropless
	 */
	protected TokenChoiceTopK(String name, String arxivId, int k, boolean renormalise, double capacityFactor) {
		this(name, arxivId, k, renormalise, capacityFactor, capacityFactor, false, false);
	}

	/**
	 * @param capacityFactor        expert capacity factor in training; {@code Double.POSITIVE_INFINITY} means dropless
	 * @param evalCapacityFactor    the capacity factor at evaluation (Switch: a separate, usually larger, factor)
	 * @param randomSecond          in training, dispatch the second expert only with probability {@code min(1, 2·g2)},
	 *                              {@code g2 = p2 / (p1 + p2)} (GShard's random routing; needs k = 2)
	 * @param renormaliseBeforeDrop with {@code renormalise}: gates are {@code p_i} over the sum of the requested
	 *                              experts' {@code p} (GShard paper: a dropped expert's share is lost) instead of over
	 *                              the kept ones (DeepSpeed)
	 */
	protected TokenChoiceTopK(String name, String arxivId, int k, boolean renormalise, double capacityFactor,
			double evalCapacityFactor, boolean randomSecond, boolean renormaliseBeforeDrop) {
		this.name = name;
		this.arxivId = arxivId;
		this.k = k;
		this.renormalise = renormalise;
		this.capacityFactor = capacityFactor;
		this.evalCapacityFactor = evalCapacityFactor;
		this.randomSecond = randomSecond;
		this.renormaliseBeforeDrop = renormaliseBeforeDrop;
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public String arxivId() {
		return arxivId;
	}

	@Override
	public double nominalK() {
		return k;
	}

	public int k() {
		return k;
	}

	public boolean renormalises() {
		return renormalise;
	}

	@Override
	public Routing route(double[][] routerOut, int experts, RouteContext ctx) {
		double[][] p = probabilities(routerOut, experts, 1.0);
		Routing r = new Routing(routerOut, p, routerOut.length, experts);
		int kk = ctx.kOverride() > 0 ? ctx.kOverride() : k;
		int[][] chosen = new int[p.length][];
		for (int t = 0; t < p.length; t++) {
			int from = Math.min(ctx.maskTop(), experts - 1);
			int[] order = Kernels.topK(p[t], Math.min(experts, from + kk));
			int count = Math.min(kk, experts - from);
			int[] req = new int[count];
			System.arraycopy(order, from, req, 0, count);
			chosen[t] = req;
			if (randomSecond && ctx.training() && count == 2) {
				double g2 = p[t][req[1]] / (p[t][req[0]] + p[t][req[1]]);
				if (!(ctx.rng().uniform() < Math.min(1.0, 2.0 * g2))) {
					req = new int[]{req[0]}; // the second expert is not dispatched: no capacity taken
				}
			}
			r.requested[t] = req;
		}
		int cap = capacity(p.length, experts, kk, ctx.training() ? capacityFactor : evalCapacityFactor);
		boolean[][] keep = capacityKeep(r.requested, experts, cap);
		double[] denominators = renormaliseBeforeDrop ? new double[p.length] : null;
		for (int t = 0; t < p.length; t++) {
			double z = 0;
			if (renormaliseBeforeDrop) {
				// over the chosen top-k, before the random dispatch and the capacity drop (GShard paper)
				for (int e : chosen[t]) {
					z += p[t][e];
				}
				denominators[t] = z;
			} else {
				for (int j = 0; j < r.requested[t].length; j++) {
					if (keep[t][j]) {
						z += p[t][r.requested[t][j]];
					}
				}
			}
			for (int j = 0; j < r.requested[t].length; j++) {
				if (keep[t][j]) {
					int e = r.requested[t][j];
					r.execute(t, e, renormalise ? p[t][e] / z : p[t][e]);
				}
			}
		}
		if (denominators != null) {
			r.state = new BeforeDrop(denominators, chosen);
		}
		return r;
	}

	@Override
	public double[][] backward(Routing routing, RouterGrad grad) {
		if (renormalise && renormaliseBeforeDrop) {
			return beforeDropBackward(routing, grad, (BeforeDrop) routing.state);
		}
		return renormalise ? renormalisedGateBackward(routing, grad) : rawGateBackward(routing, grad, 1.0);
	}

	/** Gates renormalised before dropping: each token's denominator and the experts it sums over. */
	private record BeforeDrop(double[] z, int[][] chosen) {
	}

	/**
	 * Backward for {@code g_i = p_i / Z}, {@code Z = Σ_{j∈C} p_j} over the chosen set C (dropped experts included):
	 * {@code dp_j += ([j executed]·dg_j − Σ_{i executed} g_i dg_i) / Z} for j in C.
	 */
	private static double[][] beforeDropBackward(Routing r, RouterGrad grad, BeforeDrop st) {
		int n = r.experts();
		double[][] dz = new double[r.tokens()][];
		for (int t = 0; t < r.tokens(); t++) {
			double[] dp = grad.dProbs[t].clone();
			double s = 0;
			for (int e = 0; e < n; e++) {
				if (r.executed[t][e]) {
					s += r.gate[t][e] * grad.dGate[t][e];
				}
			}
			for (int e : st.chosen()[t]) {
				dp[e] += ((r.executed[t][e] ? grad.dGate[t][e] : 0.0) - s) / st.z()[t];
			}
			double[] d = Kernels.softmaxBackward(r.probs[t], dp);
			dz[t] = grad.dRouterOut[t].clone();
			for (int e = 0; e < n; e++) {
				dz[t][e] += d[e];
			}
		}
		return dz;
	}
}
