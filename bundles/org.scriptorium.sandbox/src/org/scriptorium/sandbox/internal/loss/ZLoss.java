package org.scriptorium.sandbox.internal.loss;

import org.scriptorium.sandbox.internal.math.Kernels;
import org.scriptorium.sandbox.internal.routing.Routing;
import org.scriptorium.sandbox.internal.routing.RouterGrad;

/**
 * ST-MoE router z-loss {@code (1/T) Σ_t (log Σ_j exp z_{t,j})²} (Zoph et al., arXiv 2202.08906, not in the
 * seed corpus; formula and coefficient 1e-3 are [memory] in the spec). Applied to the first N router
 * outputs (the clean logits).
 */
public final class ZLoss implements AuxLoss {

	public static final String ARXIV = "2202.08906";

	private final double weight;

	public ZLoss(double weight) {
		this.weight = weight;
	}

	@Override
	public String name() {
		return "z-loss";
	}

	@Override
	public double apply(Routing r, RouterGrad grad) {
		int n = r.experts();
		int tokens = r.tokens();
		double loss = 0;
		for (int t = 0; t < tokens; t++) {
			double[] z = java.util.Arrays.copyOf(r.routerOut[t], n);
			double lse = Kernels.logSumExp(z);
			loss += lse * lse;
			double[] p = Kernels.softmax(z);
			for (int e = 0; e < n; e++) {
				grad.dRouterOut[t][e] += weight * 2.0 * lse * p[e] / tokens;
			}
		}
		return weight * loss / tokens;
	}
}
