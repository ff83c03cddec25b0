package org.scriptorium.sandbox.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scriptorium.sandbox.internal.math.KernelBackend;
import org.scriptorium.sandbox.internal.math.Kernels;
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
