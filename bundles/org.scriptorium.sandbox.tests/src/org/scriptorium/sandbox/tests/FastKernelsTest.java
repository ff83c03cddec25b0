package org.scriptorium.sandbox.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scriptorium.sandbox.internal.math.KernelBackend;
import org.scriptorium.sandbox.internal.math.Kernels;
import org.scriptorium.sandbox.internal.math.PackedMatrix;
import org.scriptorium.sandbox.internal.math.PlainKernels;
import org.scriptorium.sandbox.internal.math.Rng;

/**
 * The Vector API kernels against the plain ones. Tolerance: the standard forward error bound of a k-term sum of
 * products, {@code |fast − plain| ≤ 2·k·2⁻⁵³·Σ_p |a_ip·b_pj|} per element (float: {@code 2·k·2⁻²⁴·Σ}); both are
 * computed in index order, so in practice they differ only by the rounding of fused multiply-adds. And the fast
 * kernels' result does not depend on how the rows are blocked (the same bits row by row as in one call), which is
 * what makes a run's summary the same whatever the batch split or thread count.
 */
class FastKernelsTest {

	private static final KernelBackend PLAIN = PlainKernels.INSTANCE;

	private static KernelBackend fast() {
		KernelBackend v = Kernels.vector();
		// the test runtime gets --add-modules jdk.incubator.vector (pom.xml, test.vmargs), as the child JVMs do
		assertNotNull(v, "the Vector API kernels are not available in the test runtime");
		return v;
	}

	@Test
	void theChildJvmsChooseTheVectorKernelsByDefault() {
		assertTrue(Kernels.backend().name().startsWith("vector-"), Kernels.backend().name());
	}

	@ParameterizedTest
	@CsvSource({"1,1,1", "5,7,3", "4,8,8", "13,64,9", "128,64,32", "37,130,67", "9,512,64", "3,2,130"})
	void fastProductsAgreeWithPlainWithinTheErrorBound(int m, int k, int n) {
		Rng rng = new Rng(m * 1000L + k * 10L + n);
		double[][] a = rng.gaussianMatrix(m, k, 1.0);
		double[][] bt = rng.gaussianMatrix(n, k, 1.0);
		double[][] b = transpose(bt);
		double bound = 2.0 * k * Math.ulp(1.0) / 2;

		double[][] plain = new double[m][n];
		double[][] fast = new double[m][n];
		PLAIN.matmulABt(a, bt, plain);
		fast().matmulABt(a, bt, fast);
		assertClose(plain, fast, absProduct(a, b), bound, "a·bᵀ");

		fill(fast, 7.0); // the output is overwritten, not accumulated
		PLAIN.matmulAB(a, b, plain);
		fast().matmulAB(a, b, fast);
		assertClose(plain, fast, absProduct(a, b), bound, "a·b");

		// acc += aᵀ·c with a m×k, c m×n: acc is k×n
		double[][] c = rng.gaussianMatrix(m, n, 1.0);
		double[][] accPlain = rng.gaussianMatrix(k, n, 1.0);
		double[][] accFast = copy(accPlain);
		double[][] start = copy(accPlain);
		PLAIN.addAtB(a, c, accPlain);
		fast().addAtB(a, c, accFast);
		double[][] scale = absProduct(transpose(a), c);
		for (int i = 0; i < k; i++) {
			for (int j = 0; j < n; j++) {
				scale[i][j] += Math.abs(start[i][j]);
			}
		}
		assertClose(accPlain, accFast, scale, 2.0 * (m + 1) * Math.ulp(1.0) / 2, "acc + aᵀ·c");
	}

	@ParameterizedTest
	@CsvSource({"1,1,1", "13,64,9", "37,130,67", "64,512,64"})
	void fastFloatProductAgreesWithPlain(int m, int k, int n) {
		Rng rng = new Rng(m + k + n);
		float[][] a = toFloat(rng.gaussianMatrix(m, k, 1.0));
		float[][] b = toFloat(rng.gaussianMatrix(n, k, 1.0));
		float[][] plain = new float[m][n];
		float[][] fast = new float[m][n];
		PLAIN.matmulABt(a, b, plain);
		fast().matmulABt(a, b, fast);
		for (int i = 0; i < m; i++) {
			for (int j = 0; j < n; j++) {
				double scale = 0;
				for (int p = 0; p < k; p++) {
					scale += Math.abs((double) a[i][p] * b[j][p]);
				}
				assertEquals(plain[i][j], fast[i][j], 2.0 * k * Math.ulp(1.0f) / 2 * scale, i + "," + j);
			}
		}
	}

	@Test
	void fastResultsDoNotDependOnTheBlocking() {
		Rng rng = new Rng(5);
		double[][] a = rng.gaussianMatrix(23, 70, 1.0);
		double[][] bt = rng.gaussianMatrix(19, 70, 1.0);
		double[][] whole = new double[23][19];
		fast().matmulABt(a, bt, whole);
		for (int i = 0; i < a.length; i++) {
			double[][] one = new double[1][19];
			fast().matmulABt(new double[][]{a[i]}, bt, one);
			for (int j = 0; j < 19; j++) {
				assertEquals(Double.doubleToLongBits(whole[i][j]), Double.doubleToLongBits(one[0][j]), i + "," + j);
			}
		}
	}

	/**
	 * The products with a weight matrix's kept packed copies give the bits of the products packing on each call, also
	 * after the matrix is written and {@code changed()} is called (the optimizer's step).
	 */
	@ParameterizedTest
	@CsvSource({"1,1,1", "5,7,3", "128,64,32", "37,130,67", "3,2,130"})
	void packedWeightsGiveTheSameBitsAndFollowTheirMatrix(int m, int k, int n) {
		Rng rng = new Rng(31L * m + k + 7L * n);
		double[][] a = rng.gaussianMatrix(m, k, 1.0);
		double[][] w = rng.gaussianMatrix(n, k, 1.0);
		double[][] d = rng.gaussianMatrix(m, n, 1.0);
		PackedMatrix packed = new PackedMatrix(w);
		for (int round = 0; round < 2; round++) {
			double[][] expected = new double[m][n];
			double[][] actual = new double[m][n];
			fast().matmulABt(a, w, expected);
			fast().matmulABt(a, packed, actual);
			assertSameBits(expected, actual, "a·wᵀ, round " + round);
			double[][] expectedB = new double[m][k];
			double[][] actualB = new double[m][k];
			fast().matmulAB(d, w, expectedB);
			fast().matmulAB(d, packed, actualB);
			assertSameBits(expectedB, actualB, "d·w, round " + round);
			w[n - 1][k - 1] += 1.5; // written as an optimizer step does, then announced
			packed.changed();
		}
	}

	/** The vector Adam step gives the bits of the scalar one (every operation is rounded as written in both). */
	@Test
	void vectorAdamGivesTheScalarBits() {
		Rng rng = new Rng(17);
		int n = 67;
		double[][] plain = {rng.gaussianMatrix(1, n, 1.0)[0], rng.gaussianMatrix(1, n, 0.1)[0],
				rng.gaussianMatrix(1, n, 0.01)[0], rng.gaussianMatrix(1, n, 0.001)[0]};
		for (int j = 0; j < n; j++) {
			plain[3][j] = Math.abs(plain[3][j]);
		}
		double[][] fast = copy(plain);
		for (int step = 1; step <= 3; step++) {
			double c1 = 1 - Math.pow(0.9, step);
			double c2 = 1 - Math.pow(0.999, step);
			PLAIN.adam(plain[0], plain[1], plain[2], plain[3], 0.7, 0.9, 0.999, 3e-3, c1, c2, 1e-8);
			fast().adam(fast[0], fast[1], fast[2], fast[3], 0.7, 0.9, 0.999, 3e-3, c1, c2, 1e-8);
			assertSameBits(plain, fast, "Adam step " + step);
			for (int j = 0; j < n; j++) {
				assertEquals(0.0, fast[1][j], "the gradient is zeroed");
				plain[1][j] = fast[1][j] = Math.sin(step * 31.0 + j);
			}
		}
	}

	private static void assertSameBits(double[][] expected, double[][] actual, String what) {
		for (int i = 0; i < expected.length; i++) {
			for (int j = 0; j < expected[i].length; j++) {
				assertEquals(Double.doubleToLongBits(expected[i][j]), Double.doubleToLongBits(actual[i][j]),
						what + " at " + i + "," + j);
			}
		}
	}

	private static void assertClose(double[][] expected, double[][] actual, double[][] scale, double bound,
			String what) {
		for (int i = 0; i < expected.length; i++) {
			for (int j = 0; j < expected[i].length; j++) {
				assertEquals(expected[i][j], actual[i][j], bound * scale[i][j] + Double.MIN_NORMAL,
						what + " at " + i + "," + j);
			}
		}
	}

	private static double[][] absProduct(double[][] a, double[][] b) {
		int m = a.length;
		int k = b.length;
		int n = b[0].length;
		double[][] c = new double[m][n];
		for (int i = 0; i < m; i++) {
			for (int p = 0; p < k; p++) {
				for (int j = 0; j < n; j++) {
					c[i][j] += Math.abs(a[i][p] * b[p][j]);
				}
			}
		}
		return c;
	}

	private static double[][] transpose(double[][] m) {
		double[][] t = new double[m[0].length][m.length];
		for (int i = 0; i < m.length; i++) {
			for (int j = 0; j < m[0].length; j++) {
				t[j][i] = m[i][j];
			}
		}
		return t;
	}

	private static double[][] copy(double[][] m) {
		double[][] c = new double[m.length][];
		for (int i = 0; i < m.length; i++) {
			c[i] = m[i].clone();
		}
		return c;
	}

	private static void fill(double[][] m, double v) {
		for (double[] row : m) {
			java.util.Arrays.fill(row, v);
		}
	}

	private static float[][] toFloat(double[][] m) {
		float[][] f = new float[m.length][m[0].length];
		for (int i = 0; i < m.length; i++) {
			for (int j = 0; j < m[0].length; j++) {
				f[i][j] = (float) m[i][j];
			}
		}
		return f;
	}
}
