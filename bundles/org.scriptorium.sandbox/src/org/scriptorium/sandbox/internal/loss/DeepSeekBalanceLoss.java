package org.scriptorium.sandbox.internal.loss;

import org.scriptorium.sandbox.internal.routing.Routing;
import org.scriptorium.sandbox.internal.routing.RouterGrad;

/**
 * DeepSeekMoE expert-level balance loss, Dai et al., arXiv 2401.06066 (Eq. 12–14) [paper]:
 * {@code L = α1 Σ_i f_i P_i} with {@code f_i = N'/(K'T) Σ_t 1(token t selects i)} and
 * {@code P_i = (1/T) Σ_t s_{i,t}}, over routed experts only (N' = routed experts, K' = routed experts per
 * token). With uniform routing f_i = 1. α1 = 0.01 in the 2B validation model.
 */
public final class DeepSeekBalanceLoss implements AuxLoss {

	public static final String ARXIV = "2401.06066";

	private final double alpha;
	private final int routedK;

	public DeepSeekBalanceLoss(double alpha, int routedK) {
		this.alpha = alpha;
		this.routedK = routedK;
	}

	@Override
	public String name() {
		return "deepseek-balance";
	}

	@Override
	public double apply(Routing r, RouterGrad grad) {
		int n = r.experts();
		int tokens = r.tokens();
		double[] f = new double[n];
		for (int[] req : r.requested) {
			for (int e : req) {
				f[e]++;
			}
		}
		double loss = 0;
		for (int i = 0; i < n; i++) {
			f[i] *= (double) n / ((double) routedK * tokens);
			double pMean = 0;
			for (int t = 0; t < tokens; t++) {
				pMean += r.probs[t][i];
				grad.dProbs[t][i] += alpha * f[i] / tokens;
			}
			loss += f[i] * pMean / tokens;
		}
		return alpha * loss;
	}
}
