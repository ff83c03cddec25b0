package org.scriptorium.sandbox.internal.loss;

import org.scriptorium.sandbox.internal.routing.Routing;
import org.scriptorium.sandbox.internal.routing.RouterGrad;

/**
 * The "dynamic loss" of Huang et al., arXiv 2403.07652: {@code L_d = −Σ_i P_i log P_i}, averaged over the
 * tokens of the batch, which pushes the router to be confident so top-p activates fewer experts.
 * [secondary]: the spec took this loss and β = 1e-4 from a summary; the public code has no training loss.
 */
public final class EntropyLoss implements AuxLoss {

	public static final String ARXIV = "2403.07652";

	private final double weight;

	public EntropyLoss(double weight) {
		this.weight = weight;
	}

	@Override
	public String name() {
		return "entropy";
	}

	@Override
	public double apply(Routing r, RouterGrad grad) {
		int tokens = r.tokens();
		double h = 0;
		for (int t = 0; t < tokens; t++) {
			double[] p = r.probs[t];
			for (int i = 0; i < p.length; i++) {
				if (p[i] > 0) {
					h -= p[i] * Math.log(p[i]);
					grad.dProbs[t][i] += -weight * (Math.log(p[i]) + 1.0) / tokens;
				}
			}
		}
		return weight * h / tokens;
	}
}
