package org.scriptorium.sandbox.internal.routing;

import org.scriptorium.sandbox.internal.math.Kernels;
import org.scriptorium.sandbox.internal.math.NonFiniteException;

/**
 * Noisy top-k gating, Shazeer et al., arXiv 1701.06538 (not in the seed corpus). All details are
 * [memory] in the spec (§1.19) and were not re-checked against the paper:
 * <pre>
 * H_i = (x W_g)_i + ε_i · softplus((x W_noise)_i),  ε ~ N(0,1) (training only)
 * G   = softmax(KeepTopK(H, k))   // renormalised over the top-k implicitly
 * </pre>
 * The router output has width 2N: columns 0..N-1 are the clean logits {@code x W_g}, columns N..2N-1
 * the noise logits {@code x W_noise}. The probabilities reported for metrics are softmax of the clean
 * logits. At evaluation no noise is added. The importance and load losses live in
 * {@code org.scriptorium.sandbox.internal.loss.ShazeerLosses}.
 */
public final class NoisyTopK extends SoftmaxRouting {

	public static final String ARXIV = "1701.06538";

	private final int k;
	private final boolean noise;

	public NoisyTopK(int k, boolean noise) {
		this.k = k;
		this.noise = noise;
	}

	/** State kept for backward and the load loss. */
	public static final class State {
		public final double[][] h;
		public final double[][] eps;
		public final boolean noisy;

		State(double[][] h, double[][] eps, boolean noisy) {
			this.h = h;
			this.eps = eps;
			this.noisy = noisy;
		}
	}

	@Override
	public String name() {
		return "noisy-top-k";
	}

	@Override
	public String arxivId() {
		return ARXIV;
	}

	@Override
	public double nominalK() {
		return k;
	}

	public int k() {
		return k;
	}

	@Override
	public int routerWidth(int experts) {
		return 2 * experts;
	}

	@Override
	public Routing route(double[][] routerOut, int experts, RouteContext ctx) {
		int tokens = routerOut.length;
		NonFiniteException.requireFinite("router logits", routerOut, 2 * experts);
		double[][] clean = Kernels.zeros(tokens, experts);
		for (int t = 0; t < tokens; t++) {
			System.arraycopy(routerOut[t], 0, clean[t], 0, experts);
		}
		double[][] p = probabilities(clean, experts, 1.0);
		Routing r = new Routing(routerOut, p, tokens, experts);
		boolean noisy = noise && ctx.training();
		double[][] h = Kernels.zeros(tokens, experts);
		double[][] eps = Kernels.zeros(tokens, experts);
		int kk = ctx.kOverride() > 0 ? ctx.kOverride() : k;
		for (int t = 0; t < tokens; t++) {
			for (int e = 0; e < experts; e++) {
				eps[t][e] = noisy ? ctx.rng().gaussian() : 0.0;
				h[t][e] = clean[t][e] + eps[t][e] * Kernels.softplus(routerOut[t][experts + e]);
			}
			int[] top = Kernels.topK(h[t], kk);
			r.requested[t] = top;
			double[] sel = new double[top.length];
			for (int j = 0; j < top.length; j++) {
				sel[j] = h[t][top[j]];
			}
			double[] g = Kernels.softmax(sel);
			for (int j = 0; j < top.length; j++) {
				r.execute(t, top[j], g[j]);
			}
		}
		r.state = new State(h, eps, noisy);
		return r;
	}

	public static State state(Routing r) {
		return (State) r.state;
	}

	@Override
	public double[][] backward(Routing r, RouterGrad grad) {
		int n = r.experts();
		State st = (State) r.state;
		double[][] dz = new double[r.tokens()][];
		for (int t = 0; t < r.tokens(); t++) {
			dz[t] = grad.dRouterOut[t].clone();
			// gate = softmax over the executed set of H
			double s = 0;
			for (int e = 0; e < n; e++) {
				if (r.executed[t][e]) {
					s += r.gate[t][e] * grad.dGate[t][e];
				}
			}
			for (int e = 0; e < n; e++) {
				if (r.executed[t][e]) {
					double dh = r.gate[t][e] * (grad.dGate[t][e] - s);
					dz[t][e] += dh;
					dz[t][n + e] += dh * st.eps[t][e] * Kernels.sigmoid(r.routerOut[t][n + e]);
				}
			}
			// probabilities used for metrics/entropy: softmax of the clean logits
			double[] dpClean = Kernels.softmaxBackward(r.probs[t], grad.dProbs[t]);
			for (int e = 0; e < n; e++) {
				dz[t][e] += dpClean[e];
			}
		}
		return dz;
	}
}
