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

	/** {@code c = a · bᵀ} in single precision (the benchmark's float figure); a is m×k, b is n×k, c is m×n. */
	void matmulABt(float[][] a, float[][] b, float[][] c);
}
