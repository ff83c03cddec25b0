package org.scriptorium.sandbox.internal.math;

/**
 * The reference products in plain scalar Java: one dot product or one multiply-add per element, in index order. Used
 * when the Vector API module is absent, and by the tests as the yardstick of the fast kernels.
 */
public final class PlainKernels implements KernelBackend {

	public static final PlainKernels INSTANCE = new PlainKernels();

	private PlainKernels() {
	}

	@Override
	public String name() {
		return "plain";
	}

	@Override
	public void matmulABt(double[][] a, double[][] b, double[][] c) {
		for (int i = 0; i < a.length; i++) {
			double[] ai = a[i];
			double[] ci = c[i];
			for (int j = 0; j < b.length; j++) {
				ci[j] = Kernels.dot(ai, b[j]);
			}
		}
	}

	@Override
	public void matmulAB(double[][] a, double[][] b, double[][] c) {
		int n = b.length == 0 ? 0 : b[0].length;
		for (int i = 0; i < a.length; i++) {
			double[] ai = a[i];
			double[] ci = c[i];
			java.util.Arrays.fill(ci, 0, n, 0.0);
			for (int k = 0; k < ai.length; k++) {
				double s = ai[k];
				if (s == 0.0) {
					continue;
				}
				double[] bk = b[k];
				for (int j = 0; j < n; j++) {
					ci[j] += s * bk[j];
				}
			}
		}
	}

	@Override
	public void addAtB(double[][] a, double[][] b, double[][] acc) {
		for (int t = 0; t < a.length; t++) {
			double[] at = a[t];
			double[] bt = b[t];
			for (int i = 0; i < at.length; i++) {
				double s = at[i];
				if (s == 0.0) {
					continue;
				}
				double[] row = acc[i];
				for (int j = 0; j < bt.length; j++) {
					row[j] += s * bt[j];
				}
			}
		}
	}

	@Override
	public void matmulABt(float[][] a, float[][] b, float[][] c) {
		for (int i = 0; i < a.length; i++) {
			float[] ai = a[i];
			float[] ci = c[i];
			for (int j = 0; j < b.length; j++) {
				float[] bj = b[j];
				float s = 0f;
				for (int k = 0; k < ai.length; k++) {
					s += ai[k] * bj[k];
				}
				ci[j] = s;
			}
		}
	}
}
