package org.scriptorium.sandbox.internal.loss;

import org.scriptorium.sandbox.internal.math.Kernels;
import org.scriptorium.sandbox.internal.routing.NoisyTopK;
import org.scriptorium.sandbox.internal.routing.Routing;
import org.scriptorium.sandbox.internal.routing.RouterGrad;

/**
 * Importance and load losses of Shazeer et al., arXiv 1701.06538 (not in the seed corpus; all [memory]
 * in the spec §1.19, w_imp = w_load = 0.1):
 * <pre>
 * Importance_i = Σ_t G(x_t)_i                 L_imp  = w_imp  · CV(Importance)²
 * P(x,i) = Φ(((x W_g)_i − kth_excluding(H(x), k, i)) / softplus((x W_noise)_i))
 * Load_i = Σ_t P(x_t, i)                     L_load = w_load · CV(Load)²
 * </pre>
 * {@code kth_excluding(H,k,i)} is the k-th largest H_j over j ≠ i. The load loss needs the noisy router
 * (it is 0 when no noise was drawn, i.e. at evaluation or with noise disabled).
 */
public final class ShazeerLosses {

	public static final String ARXIV = "1701.06538";

	private ShazeerLosses() {
	}

	/** Importance loss. */
	public static AuxLoss importance(double weight) {
		return new AuxLoss() {
			@Override
			public String name() {
				return "importance";
			}

			@Override
			public double apply(Routing r, RouterGrad grad) {
				int n = r.experts();
				double[] imp = new double[n];
				for (double[] g : r.gate) {
					for (int e = 0; e < n; e++) {
						imp[e] += g[e];
					}
				}
				double[] d = Kernels.cv2Grad(imp);
				for (int t = 0; t < r.tokens(); t++) {
					for (int e = 0; e < n; e++) {
						if (r.executed[t][e]) {
							grad.dGate[t][e] += weight * d[e];
						}
					}
				}
				return weight * Kernels.cv2(imp);
			}
		};
	}

	/** Load loss (requires {@link NoisyTopK}). */
	public static AuxLoss load(double weight, int k) {
		return new AuxLoss() {
			@Override
			public String name() {
				return "load";
			}

			@Override
			public double apply(Routing r, RouterGrad grad) {
				NoisyTopK.State st = NoisyTopK.state(r);
				if (st == null || !st.noisy) {
					return 0;
				}
				int n = r.experts();
				int tokens = r.tokens();
				double[] load = new double[n];
				double[][] zs = Kernels.zeros(tokens, n);
				int[][] thr = new int[tokens][n];
				for (int t = 0; t < tokens; t++) {
					int[] order = Kernels.argsortDescending(st.h[t]);
					for (int i = 0; i < n; i++) {
						boolean inTop = false;
						for (int j = 0; j < k; j++) {
							inTop |= order[j] == i;
						}
						int j = inTop ? order[Math.min(k, n - 1)] : order[k - 1];
						thr[t][i] = j;
						double sp = Kernels.softplus(r.routerOut[t][n + i]);
						double margin = r.routerOut[t][i] - st.h[t][j];
						if (sp < Double.MIN_NORMAL) {
							// softplus underflowed: no noise, P(kept) is the step 1[margin > 0], without gradient
							zs[t][i] = margin > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
							load[i] += margin > 0 ? 1.0 : 0.0;
							continue;
						}
						zs[t][i] = margin / sp;
						load[i] += Kernels.normalCdf(zs[t][i]);
					}
				}
				double[] d = Kernels.cv2Grad(load);
				for (int t = 0; t < tokens; t++) {
					double[] out = r.routerOut[t];
					for (int i = 0; i < n; i++) {
						double sp = Kernels.softplus(out[n + i]);
						if (sp < Double.MIN_NORMAL) {
							continue; // a step function of the logits (see above): no gradient
						}
						double dz = weight * d[i] * Kernels.normalPdf(zs[t][i]);
						int j = thr[t][i];
						grad.dRouterOut[t][i] += dz / sp;
						grad.dRouterOut[t][n + i] += dz * (-zs[t][i] / sp) * Kernels.sigmoid(out[n + i]);
						grad.dRouterOut[t][j] += -dz / sp;
						grad.dRouterOut[t][n + j] += -dz / sp * st.eps[t][j] * Kernels.sigmoid(out[n + j]);
					}
				}
				return weight * Kernels.cv2(load);
			}
		};
	}
}
