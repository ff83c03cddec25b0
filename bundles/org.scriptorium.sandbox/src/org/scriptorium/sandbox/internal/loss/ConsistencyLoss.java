package org.scriptorium.sandbox.internal.loss;

import org.scriptorium.sandbox.internal.math.Kernels;

/**
 * THOR consistency regulariser, Zuo et al., arXiv 2110.04260 [code, spec §1.4]:
 * {@code symKL(p, q) = 0.5 Σ (p − q)(log p − log q)} between the predictive distributions of two
 * forward passes with independently drawn experts; {@code loss = CE(p1) + CE(p2) + α·symKL}. Here it is
 * averaged over the examples of the batch (the code sums over non-pad positions).
 */
public final class ConsistencyLoss {

	public static final String ARXIV = "2110.04260";

	private static final double FLOOR = 1e-12;

	private ConsistencyLoss() {
	}

	public static double symKl(double[] p, double[] q) {
		double s = 0;
		for (int i = 0; i < p.length; i++) {
			double a = Math.max(p[i], FLOOR);
			double b = Math.max(q[i], FLOOR);
			s += (a - b) * (Math.log(a) - Math.log(b));
		}
		return 0.5 * s;
	}

	/** Gradient of {@code symKL(softmax(z1), softmax(z2))} with respect to z1. */
	public static double[] gradFirst(double[] p, double[] q) {
		double[] dp = new double[p.length];
		for (int i = 0; i < p.length; i++) {
			double a = Math.max(p[i], FLOOR);
			double b = Math.max(q[i], FLOOR);
			dp[i] = 0.5 * ((Math.log(a) - Math.log(b)) + (a - b) / a);
		}
		return Kernels.softmaxBackward(p, dp);
	}
}
