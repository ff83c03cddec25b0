package org.scriptorium.sandbox.internal.model;

import java.util.List;

import org.scriptorium.sandbox.internal.math.Kernels;
import org.scriptorium.sandbox.internal.math.NonFiniteException;

/**
 * Adam (Kingma and Ba) with bias correction, plus global-norm gradient clipping. Defaults of the spec:
 * β1 = 0.9, β2 = 0.999, ε = 1e-8, lr 3e-3, clip 1.0.
 */
public final class Adam {

	private final List<Param> params;
	private final double lr;
	private final double beta1;
	private final double beta2;
	private final double eps;
	private final double clipNorm;
	private long step;

	public Adam(List<Param> params, double lr, double beta1, double beta2, double eps, double clipNorm) {
		this.params = params;
		this.lr = lr;
		this.beta1 = beta1;
		this.beta2 = beta2;
		this.eps = eps;
		this.clipNorm = clipNorm;
	}

	/** Global L2 norm of all gradients. */
	public double gradNorm() {
		double s = 0;
		for (Param p : params) {
			for (double[] row : p.g) {
				for (double x : row) {
					s += x * x;
				}
			}
		}
		return Math.sqrt(s);
	}

	/**
	 * Clips, updates every parameter and zeroes the gradients. Returns the pre-clip gradient norm.
	 *
	 * @throws NonFiniteException naming the first parameter whose gradient is NaN or infinite; nothing is updated
	 */
	public double step() {
		double norm = gradNorm();
		if (!Double.isFinite(norm)) {
			for (Param p : params) {
				for (int i = 0; i < p.g.length; i++) {
					for (int j = 0; j < p.g[i].length; j++) {
						if (!Double.isFinite(p.g[i][j])) {
							throw new NonFiniteException("gradient of " + p.name,
									"[" + i + "][" + j + "] is " + p.g[i][j]);
						}
					}
				}
			}
			throw new NonFiniteException("gradient norm", String.valueOf(norm)); // each finite, the sum overflows
		}
		double scale = clipNorm > 0 && norm > clipNorm ? clipNorm / norm : 1.0;
		step++;
		double c1 = 1 - Math.pow(beta1, step);
		double c2 = 1 - Math.pow(beta2, step);
		for (Param p : params) {
			for (int i = 0; i < p.w.length; i++) {
				Kernels.adam(p.w[i], p.g[i], p.m[i], p.v[i], scale, beta1, beta2, lr, c1, c2, eps);
			}
			p.changed();
		}
		return norm;
	}
}
