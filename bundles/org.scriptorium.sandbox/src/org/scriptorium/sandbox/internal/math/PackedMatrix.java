package org.scriptorium.sandbox.internal.math;

/**
 * A weight matrix with its packed copies for the products, kept between calls: the fast kernels read the right-hand
 * matrix as one flat row-major array, and packing a small matrix on every call costs as much as the product. The
 * copies are rebuilt on first use after {@link #changed()}, which whoever writes the matrix must call (the optimizer
 * after each step; a test that perturbs a weight). Single-threaded, like the training it serves.
 */
public final class PackedMatrix {

	private final double[][] w;
	private int version;
	private int rowsVersion = -1;
	private int transposedVersion = -1;
	private double[] rows;
	private double[] transposed;

	public PackedMatrix(double[][] w) {
		this.w = w;
	}

	/** The matrix itself ({@code double[rows][cols]}). */
	public double[][] matrix() {
		return w;
	}

	/** Marks the matrix as written: the packed copies are rebuilt when next used. */
	public void changed() {
		version++;
	}

	/** The matrix row-major in one array: element (p, j) at {@code p·cols + j} (the right-hand side of a · w). */
	public double[] rows() {
		if (rowsVersion != version) {
			int r = w.length;
			int n = r == 0 ? 0 : w[0].length;
			if (rows == null) {
				rows = new double[r * n];
			}
			for (int p = 0; p < r; p++) {
				System.arraycopy(w[p], 0, rows, p * n, n);
			}
			rowsVersion = version;
		}
		return rows;
	}

	/**
	 * The transpose row-major in one array: element (p, j) of {@code wᵀ} at {@code p·rows + j} (the right-hand side of
	 * a · wᵀ).
	 */
	public double[] transposed() {
		if (transposedVersion != version) {
			int n = w.length;
			int k = n == 0 ? 0 : w[0].length;
			if (transposed == null) {
				transposed = new double[k * n];
			}
			for (int j = 0; j < n; j++) {
				double[] wj = w[j];
				for (int p = 0; p < k; p++) {
					transposed[p * n + j] = wj[p];
				}
			}
			transposedVersion = version;
		}
		return transposed;
	}
}
