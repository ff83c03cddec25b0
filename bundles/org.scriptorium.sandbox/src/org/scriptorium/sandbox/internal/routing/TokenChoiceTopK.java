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

	/**
	 * @param capacityFactor expert capacity factor; {@code Double.POSITIVE_INFINITY} means dropless
	 */
	protected TokenChoiceTopK(String name, String arxivId, int k, boolean renormalise, double capacityFactor) {
		this.name = name;
		this.arxivId = arxivId;
		this.k = k;
		this.renormalise = renormalise;
		this.capacityFactor = capacityFactor;
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
		for (int t = 0; t < p.length; t++) {
			int from = Math.min(ctx.maskTop(), experts - 1);
			int[] order = Kernels.topK(p[t], Math.min(experts, from + kk));
			int count = Math.min(kk, experts - from);
			int[] req = new int[count];
			System.arraycopy(order, from, req, 0, count);
			r.requested[t] = req;
		}
		int cap = capacity(p.length, experts, kk, capacityFactor);
		boolean[][] keep = capacityKeep(r.requested, experts, cap);
		for (int t = 0; t < p.length; t++) {
			double z = 0;
			for (int j = 0; j < r.requested[t].length; j++) {
				if (keep[t][j]) {
					z += p[t][r.requested[t][j]];
				}
			}
			for (int j = 0; j < r.requested[t].length; j++) {
				if (keep[t][j]) {
					int e = r.requested[t][j];
					r.execute(t, e, renormalise ? p[t][e] / z : p[t][e]);
				}
			}
		}
		return r;
	}

	@Override
	public double[][] backward(Routing routing, RouterGrad grad) {
		return renormalise ? renormalisedGateBackward(routing, grad) : rawGateBackward(routing, grad, 1.0);
	}
}
