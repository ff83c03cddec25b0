package org.scriptorium.sandbox.internal.math;

/**
 * The dense products behind {@link Kernels}: one implementation in plain Java ({@link PlainKernels}, the reference)
 * and one with the Java Vector API ({@code internal.math.vector.VectorKernels}, used when the child JVM runs with
 * {@code --add-modules jdk.incubator.vector}). Matrices are {@code double[rows][cols]}, row-major; every method
 * writes its whole output and is single-threaded, with a fixed summation order per output element, so the same
 * inputs give bit-identical outputs on the same machine.
 */
public interface KernelBackend {

	/** The name shown in the run's log and the benchmark ({@code plain}, {@code vector-256}...). */
	String name();

	/** {@code c = a · bᵀ}; a is m×k, b is n×k, c is m×n. */
	void matmulABt(double[][] a, double[][] b, double[][] c);

	/** {@code c = a · b}; a is m×k, b is k×n, c is m×n. */
	void matmulAB(double[][] a, double[][] b, double[][] c);

	/** {@code acc += aᵀ · b}; a is t×m, b is t×n, acc is m×n. */
	void addAtB(double[][] a, double[][] b, double[][] acc);

	/**
	 * {@code c = a · bᵀ} with b a weight matrix whose packed copies are kept between calls; the same result as
	 * {@link #matmulABt(double[][], double[][], double[][])} on {@code b.matrix()}.
	 */
	default void matmulABt(double[][] a, PackedMatrix b, double[][] c) {
		matmulABt(a, b.matrix(), c);
	}

	/**
	 * {@code c = a · b} with b a weight matrix whose packed copies are kept between calls; the same result as
	 * {@link #matmulAB(double[][], double[][], double[][])} on {@code b.matrix()}.
	 */
	default void matmulAB(double[][] a, PackedMatrix b, double[][] c) {
		matmulAB(a, b.matrix(), c);
	}

	/**
	 * One Adam step on a row of parameters, then the row's gradient set to 0: for each j, with {@code gj = g[j]·scale},
	 * {@code m = β1·m + (1−β1)·gj}, {@code v = β2·v + (1−β2)·gj·gj}, {@code w −= lr·(m/c1)/(√(v/c2) + ε)}, each
	 * operation rounded as written (so every implementation gives the same bits).
	 */
	default void adam(double[] w, double[] g, double[] m, double[] v, double scale, double beta1, double beta2,
			double lr, double c1, double c2, double eps) {
		for (int j = 0; j < w.length; j++) {
			double gj = g[j] * scale;
			m[j] = beta1 * m[j] + (1 - beta1) * gj;
			v[j] = beta2 * v[j] + (1 - beta2) * gj * gj;
			w[j] -= lr * (m[j] / c1) / (Math.sqrt(v[j] / c2) + eps);
			g[j] = 0.0;
		}
	}

	/** {@code c = a · bᵀ} in single precision (the benchmark's float figure); a is m×k, b is n×k, c is m×n. */
	void matmulABt(float[][] a, float[][] b, float[][] c);
}
