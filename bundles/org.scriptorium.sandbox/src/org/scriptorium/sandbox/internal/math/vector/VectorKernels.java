package org.scriptorium.sandbox.internal.math.vector;

import org.scriptorium.sandbox.internal.math.KernelBackend;
import org.scriptorium.sandbox.internal.math.PackedMatrix;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The products with the Java Vector API ({@code jdk.incubator.vector}): the right-hand matrix is packed into one flat
 * row-major array (transposed for {@code a · bᵀ}), then a register-blocked kernel computes 4 rows × 2 vectors of the
 * output at a time, streaming the packed matrix once per 4 rows. Every output element is the fused multiply-add chain
 * {@code s = fma(a_ik, b_kj, s)} for k = 0, 1, ... in order (in vector lanes and in the scalar tails alike), so the
 * result does not depend on the blocking, the vector width or the number of threads: the same inputs give the same
 * bits on the same machine. Against {@link org.scriptorium.sandbox.internal.math.PlainKernels} the only difference
 * is the rounding of the fused multiply-add (and the plain kernels' dot-product order for {@code a · bᵀ}).
 * <p>
 * Loaded only by name, when the module is readable ({@code --add-modules jdk.incubator.vector}); nothing else refers
 * to this class.
 */
public final class VectorKernels implements KernelBackend {

	private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
	private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
	private static final int DL = D.length();
	private static final int FL = F.length();

	private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

	/** Packed copies, reused by the thread. */
	private static final class Scratch {
		double[] packed = new double[0];
		float[] packedF = new float[0];

		double[] packed(int size) {
			if (packed.length < size) {
				packed = new double[Math.max(size, packed.length * 2)];
			}
			return packed;
		}

		float[] packedF(int size) {
			if (packedF.length < size) {
				packedF = new float[Math.max(size, packedF.length * 2)];
			}
			return packedF;
		}
	}

	@Override
	public String name() {
		return "vector-" + D.vectorBitSize();
	}

	@Override
	public void matmulABt(double[][] a, double[][] b, double[][] c) {
		int m = a.length;
		int n = b.length;
		int k = m == 0 ? 0 : a[0].length;
		double[] bp = SCRATCH.get().packed(k * n);
		for (int j = 0; j < n; j++) {
			double[] bj = b[j];
			for (int p = 0; p < k; p++) {
				bp[p * n + j] = bj[p];
			}
		}
		gemm(a, m, k, bp, n, c, false);
	}

	@Override
	public void matmulAB(double[][] a, double[][] b, double[][] c) {
		int m = a.length;
		int k = b.length;
		int n = k == 0 ? 0 : b[0].length;
		double[] bp = SCRATCH.get().packed(k * n);
		for (int p = 0; p < k; p++) {
			System.arraycopy(b[p], 0, bp, p * n, n);
		}
		gemm(a, m, k, bp, n, c, false);
	}

	@Override
	public void matmulABt(double[][] a, PackedMatrix b, double[][] c) {
		double[][] w = b.matrix();
		int m = a.length;
		int n = w.length;
		int k = m == 0 ? 0 : a[0].length;
		gemm(a, m, k, b.transposed(), n, c, false);
	}

	@Override
	public void matmulAB(double[][] a, PackedMatrix b, double[][] c) {
		double[][] w = b.matrix();
		int m = a.length;
		int k = w.length;
		int n = k == 0 ? 0 : w[0].length;
		gemm(a, m, k, b.rows(), n, c, false);
	}

	/**
	 * {@code acc[i][j] += Σ_p a[p][i]·b[p][j]}, summed by fused multiply-adds in the order of p, reading a and b in
	 * place (no packed copy: b's rows are already the vectors, a's elements are broadcast).
	 */
	@Override
	public void addAtB(double[][] a, double[][] b, double[][] acc) {
		int t = a.length;
		if (t == 0) {
			return;
		}
		int m = a[0].length;
		int n = b[0].length;
		int i = 0;
		for (; i + 4 <= m; i += 4) {
			int j = 0;
			for (; j + 2 * DL <= n; j += 2 * DL) {
				atb4x2(a, b, t, i, j, acc[i], acc[i + 1], acc[i + 2], acc[i + 3]);
			}
			for (; j + DL <= n; j += DL) {
				atb4x1(a, b, t, i, j, acc[i], acc[i + 1], acc[i + 2], acc[i + 3]);
			}
			for (; j < n; j++) {
				for (int r = i; r < i + 4; r++) {
					atbScalar(a, b, t, r, j, acc[r]);
				}
			}
		}
		for (; i < m; i++) {
			int j = 0;
			for (; j + DL <= n; j += DL) {
				atb1x1(a, b, t, i, j, acc[i]);
			}
			for (; j < n; j++) {
				atbScalar(a, b, t, i, j, acc[i]);
			}
		}
	}

	private static void atb4x2(double[][] a, double[][] b, int t, int i, int j, double[] c0, double[] c1, double[] c2,
			double[] c3) {
		DoubleVector s00 = DoubleVector.fromArray(D, c0, j);
		DoubleVector s01 = DoubleVector.fromArray(D, c0, j + DL);
		DoubleVector s10 = DoubleVector.fromArray(D, c1, j);
		DoubleVector s11 = DoubleVector.fromArray(D, c1, j + DL);
		DoubleVector s20 = DoubleVector.fromArray(D, c2, j);
		DoubleVector s21 = DoubleVector.fromArray(D, c2, j + DL);
		DoubleVector s30 = DoubleVector.fromArray(D, c3, j);
		DoubleVector s31 = DoubleVector.fromArray(D, c3, j + DL);
		for (int p = 0; p < t; p++) {
			double[] ap = a[p];
			double[] bp = b[p];
			DoubleVector b0 = DoubleVector.fromArray(D, bp, j);
			DoubleVector b1 = DoubleVector.fromArray(D, bp, j + DL);
			DoubleVector x = DoubleVector.broadcast(D, ap[i]);
			s00 = b0.fma(x, s00);
			s01 = b1.fma(x, s01);
			x = DoubleVector.broadcast(D, ap[i + 1]);
			s10 = b0.fma(x, s10);
			s11 = b1.fma(x, s11);
			x = DoubleVector.broadcast(D, ap[i + 2]);
			s20 = b0.fma(x, s20);
			s21 = b1.fma(x, s21);
			x = DoubleVector.broadcast(D, ap[i + 3]);
			s30 = b0.fma(x, s30);
			s31 = b1.fma(x, s31);
		}
		s00.intoArray(c0, j);
		s01.intoArray(c0, j + DL);
		s10.intoArray(c1, j);
		s11.intoArray(c1, j + DL);
		s20.intoArray(c2, j);
		s21.intoArray(c2, j + DL);
		s30.intoArray(c3, j);
		s31.intoArray(c3, j + DL);
	}

	private static void atb4x1(double[][] a, double[][] b, int t, int i, int j, double[] c0, double[] c1, double[] c2,
			double[] c3) {
		DoubleVector s0 = DoubleVector.fromArray(D, c0, j);
		DoubleVector s1 = DoubleVector.fromArray(D, c1, j);
		DoubleVector s2 = DoubleVector.fromArray(D, c2, j);
		DoubleVector s3 = DoubleVector.fromArray(D, c3, j);
		for (int p = 0; p < t; p++) {
			double[] ap = a[p];
			DoubleVector b0 = DoubleVector.fromArray(D, b[p], j);
			s0 = b0.fma(DoubleVector.broadcast(D, ap[i]), s0);
			s1 = b0.fma(DoubleVector.broadcast(D, ap[i + 1]), s1);
			s2 = b0.fma(DoubleVector.broadcast(D, ap[i + 2]), s2);
			s3 = b0.fma(DoubleVector.broadcast(D, ap[i + 3]), s3);
		}
		s0.intoArray(c0, j);
		s1.intoArray(c1, j);
		s2.intoArray(c2, j);
		s3.intoArray(c3, j);
	}

	private static void atb1x1(double[][] a, double[][] b, int t, int i, int j, double[] c0) {
		DoubleVector s0 = DoubleVector.fromArray(D, c0, j);
		for (int p = 0; p < t; p++) {
			s0 = DoubleVector.fromArray(D, b[p], j).fma(DoubleVector.broadcast(D, a[p][i]), s0);
		}
		s0.intoArray(c0, j);
	}

	private static void atbScalar(double[][] a, double[][] b, int t, int i, int j, double[] c) {
		double s = c[j];
		for (int p = 0; p < t; p++) {
			s = Math.fma(a[p][i], b[p][j], s);
		}
		c[j] = s;
	}

	@Override
	public void adam(double[] w, double[] g, double[] m, double[] v, double scale, double beta1, double beta2,
			double lr, double c1, double c2, double eps) {
		int bound = D.loopBound(w.length);
		DoubleVector zero = DoubleVector.zero(D);
		double oneMinusBeta1 = 1 - beta1;
		double oneMinusBeta2 = 1 - beta2;
		int j = 0;
		for (; j < bound; j += DL) {
			DoubleVector gj = DoubleVector.fromArray(D, g, j).mul(scale);
			DoubleVector mj = DoubleVector.fromArray(D, m, j).mul(beta1).add(gj.mul(oneMinusBeta1));
			DoubleVector vj = DoubleVector.fromArray(D, v, j).mul(beta2).add(gj.mul(oneMinusBeta2).mul(gj));
			mj.intoArray(m, j);
			vj.intoArray(v, j);
			DoubleVector step = mj.div(c1).mul(lr).div(vj.div(c2).sqrt().add(eps));
			DoubleVector.fromArray(D, w, j).sub(step).intoArray(w, j);
			zero.intoArray(g, j);
		}
		for (; j < w.length; j++) {
			double gj = g[j] * scale;
			m[j] = beta1 * m[j] + (1 - beta1) * gj;
			v[j] = beta2 * v[j] + (1 - beta2) * gj * gj;
			w[j] -= lr * (m[j] / c1) / (Math.sqrt(v[j] / c2) + eps);
			g[j] = 0.0;
		}
	}

	/**
	 * {@code c[i][j] = (accumulate ? c[i][j] : 0) + Σ_p a[i][p]·bp[p·n + j]} for i < m, j < n, p < k, each element
	 * summed by fused multiply-adds in the order of p. Each block shape is a small method of its own, so that the JIT
	 * inlines and intrinsifies the vector operations in each.
	 */
	static void gemm(double[][] a, int m, int k, double[] bp, int n, double[][] c, boolean accumulate) {
		int i = 0;
		for (; i + 4 <= m; i += 4) {
			int j = 0;
			for (; j + 2 * DL <= n; j += 2 * DL) {
				block4x2(a[i], a[i + 1], a[i + 2], a[i + 3], bp, n, k, j, c[i], c[i + 1], c[i + 2], c[i + 3],
						accumulate);
			}
			for (; j + DL <= n; j += DL) {
				block4x1(a[i], a[i + 1], a[i + 2], a[i + 3], bp, n, k, j, c[i], c[i + 1], c[i + 2], c[i + 3],
						accumulate);
			}
			for (; j < n; j++) {
				for (int r = i; r < i + 4; r++) {
					scalar(a[r], bp, n, k, j, c[r], accumulate);
				}
			}
		}
		for (; i < m; i++) {
			int j = 0;
			for (; j + DL <= n; j += DL) {
				block1x1(a[i], bp, n, k, j, c[i], accumulate);
			}
			for (; j < n; j++) {
				scalar(a[i], bp, n, k, j, c[i], accumulate);
			}
		}
	}

	private static void block4x2(double[] a0, double[] a1, double[] a2, double[] a3, double[] bp, int n, int k, int j,
			double[] c0, double[] c1, double[] c2, double[] c3, boolean accumulate) {
		DoubleVector s00 = init(c0, j, accumulate);
		DoubleVector s01 = init(c0, j + DL, accumulate);
		DoubleVector s10 = init(c1, j, accumulate);
		DoubleVector s11 = init(c1, j + DL, accumulate);
		DoubleVector s20 = init(c2, j, accumulate);
		DoubleVector s21 = init(c2, j + DL, accumulate);
		DoubleVector s30 = init(c3, j, accumulate);
		DoubleVector s31 = init(c3, j + DL, accumulate);
		for (int p = 0, off = j; p < k; p++, off += n) {
			DoubleVector b0 = DoubleVector.fromArray(D, bp, off);
			DoubleVector b1 = DoubleVector.fromArray(D, bp, off + DL);
			DoubleVector x = DoubleVector.broadcast(D, a0[p]);
			s00 = b0.fma(x, s00);
			s01 = b1.fma(x, s01);
			x = DoubleVector.broadcast(D, a1[p]);
			s10 = b0.fma(x, s10);
			s11 = b1.fma(x, s11);
			x = DoubleVector.broadcast(D, a2[p]);
			s20 = b0.fma(x, s20);
			s21 = b1.fma(x, s21);
			x = DoubleVector.broadcast(D, a3[p]);
			s30 = b0.fma(x, s30);
			s31 = b1.fma(x, s31);
		}
		s00.intoArray(c0, j);
		s01.intoArray(c0, j + DL);
		s10.intoArray(c1, j);
		s11.intoArray(c1, j + DL);
		s20.intoArray(c2, j);
		s21.intoArray(c2, j + DL);
		s30.intoArray(c3, j);
		s31.intoArray(c3, j + DL);
	}

	private static void block4x1(double[] a0, double[] a1, double[] a2, double[] a3, double[] bp, int n, int k, int j,
			double[] c0, double[] c1, double[] c2, double[] c3, boolean accumulate) {
		DoubleVector s0 = init(c0, j, accumulate);
		DoubleVector s1 = init(c1, j, accumulate);
		DoubleVector s2 = init(c2, j, accumulate);
		DoubleVector s3 = init(c3, j, accumulate);
		for (int p = 0, off = j; p < k; p++, off += n) {
			DoubleVector b0 = DoubleVector.fromArray(D, bp, off);
			s0 = b0.fma(DoubleVector.broadcast(D, a0[p]), s0);
			s1 = b0.fma(DoubleVector.broadcast(D, a1[p]), s1);
			s2 = b0.fma(DoubleVector.broadcast(D, a2[p]), s2);
			s3 = b0.fma(DoubleVector.broadcast(D, a3[p]), s3);
		}
		s0.intoArray(c0, j);
		s1.intoArray(c1, j);
		s2.intoArray(c2, j);
		s3.intoArray(c3, j);
	}

	private static void block1x1(double[] a0, double[] bp, int n, int k, int j, double[] c0, boolean accumulate) {
		DoubleVector s0 = init(c0, j, accumulate);
		for (int p = 0, off = j; p < k; p++, off += n) {
			s0 = DoubleVector.fromArray(D, bp, off).fma(DoubleVector.broadcast(D, a0[p]), s0);
		}
		s0.intoArray(c0, j);
	}

	private static DoubleVector init(double[] c, int j, boolean accumulate) {
		return accumulate ? DoubleVector.fromArray(D, c, j) : DoubleVector.zero(D);
	}

	private static void scalar(double[] a, double[] bp, int n, int k, int j, double[] c, boolean accumulate) {
		double s = accumulate ? c[j] : 0.0;
		for (int p = 0, off = j; p < k; p++, off += n) {
			s = Math.fma(a[p], bp[off], s);
		}
		c[j] = s;
	}

	@Override
	public void matmulABt(float[][] a, float[][] b, float[][] c) {
		int m = a.length;
		int n = b.length;
		int k = m == 0 ? 0 : a[0].length;
		float[] bp = SCRATCH.get().packedF(k * n);
		for (int j = 0; j < n; j++) {
			float[] bj = b[j];
			for (int p = 0; p < k; p++) {
				bp[p * n + j] = bj[p];
			}
		}
		int i = 0;
		for (; i + 4 <= m; i += 4) {
			float[] a0 = a[i];
			float[] a1 = a[i + 1];
			float[] a2 = a[i + 2];
			float[] a3 = a[i + 3];
			int j = 0;
			for (; j + 2 * FL <= n; j += 2 * FL) {
				FloatVector s00 = FloatVector.zero(F);
				FloatVector s01 = s00;
				FloatVector s10 = s00;
				FloatVector s11 = s00;
				FloatVector s20 = s00;
				FloatVector s21 = s00;
				FloatVector s30 = s00;
				FloatVector s31 = s00;
				for (int p = 0, off = j; p < k; p++, off += n) {
					FloatVector b0 = FloatVector.fromArray(F, bp, off);
					FloatVector b1 = FloatVector.fromArray(F, bp, off + FL);
					FloatVector x = FloatVector.broadcast(F, a0[p]);
					s00 = b0.fma(x, s00);
					s01 = b1.fma(x, s01);
					x = FloatVector.broadcast(F, a1[p]);
					s10 = b0.fma(x, s10);
					s11 = b1.fma(x, s11);
					x = FloatVector.broadcast(F, a2[p]);
					s20 = b0.fma(x, s20);
					s21 = b1.fma(x, s21);
					x = FloatVector.broadcast(F, a3[p]);
					s30 = b0.fma(x, s30);
					s31 = b1.fma(x, s31);
				}
				s00.intoArray(c[i], j);
				s01.intoArray(c[i], j + FL);
				s10.intoArray(c[i + 1], j);
				s11.intoArray(c[i + 1], j + FL);
				s20.intoArray(c[i + 2], j);
				s21.intoArray(c[i + 2], j + FL);
				s30.intoArray(c[i + 3], j);
				s31.intoArray(c[i + 3], j + FL);
			}
			for (; j < n; j++) {
				for (int r = 0; r < 4; r++) {
					c[i + r][j] = scalarF(a[i + r], bp, n, k, j);
				}
			}
		}
		for (; i < m; i++) {
			for (int j = 0; j < n; j++) {
				c[i][j] = scalarF(a[i], bp, n, k, j);
			}
		}
	}

	private static float scalarF(float[] a, float[] bp, int n, int k, int j) {
		float s = 0f;
		for (int p = 0, off = j; p < k; p++, off += n) {
			s = Math.fma(a[p], bp[off], s);
		}
		return s;
	}
}
