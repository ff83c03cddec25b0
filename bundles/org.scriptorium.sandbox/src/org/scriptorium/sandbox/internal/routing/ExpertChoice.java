package org.scriptorium.sandbox.internal.routing;

import org.scriptorium.sandbox.internal.math.Kernels;

/**
 * Expert Choice routing, Zhou et al., arXiv 2202.09368 (not in the seed corpus), after flaxformer's
 * {@code ExpertsChooseMaskedRouter} docstring [code docstring + memory, spec §1.19]:
 * {@code S = softmax(X W_g)} over experts per token; each expert takes its {@code k = T·c/N} (rounded
 * up) highest-scoring tokens of the batch; the gate is the raw {@code S_{t,e}} (not renormalised). A token
 * may receive 0..N experts. No auxiliary loss is needed. Ties between tokens go to the earlier token.
 * It sees the whole batch, so it is not valid for causal decoding; here it is applied per evaluation
 * batch as well.
 */
public final class ExpertChoice extends SoftmaxRouting {

	public static final String ARXIV = "2202.09368";

	private final double capacityFactor;

	public ExpertChoice(double capacityFactor) {
		this.capacityFactor = capacityFactor;
	}

	@Override
	public String name() {
		return "expert-choice";
	}

	@Override
	public String arxivId() {
		return ARXIV;
	}

	@Override
	public double nominalK() {
		return capacityFactor;
	}

	@Override
	public Routing route(double[][] routerOut, int experts, RouteContext ctx) {
		int tokens = routerOut.length;
		double[][] p = probabilities(routerOut, experts, 1.0);
		Routing r = new Routing(routerOut, p, tokens, experts);
		int k = Math.min(tokens, capacity(tokens, experts, 1.0, capacityFactor));
		int[] counts = new int[tokens];
		int[][] picks = new int[experts][];
		for (int e = 0; e < experts; e++) {
			double[] col = new double[tokens];
			for (int t = 0; t < tokens; t++) {
				col[t] = p[t][e];
			}
			picks[e] = Kernels.topK(col, k);
			for (int t : picks[e]) {
				counts[t]++;
			}
		}
		for (int t = 0; t < tokens; t++) {
			r.requested[t] = new int[counts[t]];
			counts[t] = 0;
		}
		for (int e = 0; e < experts; e++) {
			for (int t : picks[e]) {
				r.requested[t][counts[t]++] = e;
				r.execute(t, e, p[t][e]);
			}
		}
		return r;
	}

	@Override
	public double[][] backward(Routing routing, RouterGrad grad) {
		return rawGateBackward(routing, grad, 1.0);
	}
}
