package org.scriptorium.sandbox.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scriptorium.sandbox.internal.math.Kernels;
import org.scriptorium.sandbox.internal.math.Rng;

class KernelsTest {

	@Test
	void matmulOnAHandCase() {
		double[][] a = {{1, 2}, {3, 4}};
		double[][] b = {{5, 6}, {7, 8}};
		assertArrayEquals(new double[]{19, 22}, Kernels.matmulAB(a, b)[0]);
		assertArrayEquals(new double[]{43, 50}, Kernels.matmulAB(a, b)[1]);
		// A·Bᵀ
		assertArrayEquals(new double[]{17, 23}, Kernels.matmulABt(a, b)[0]);
		double[][] acc = new double[2][2];
		Kernels.addAtB(a, b, acc); // Aᵀ B = [[1,3],[2,4]]·[[5,6],[7,8]]
		assertArrayEquals(new double[]{26, 30}, acc[0]);
		assertArrayEquals(new double[]{38, 44}, acc[1]);
	}

	@Test
	void softmaxIsStableForHugeLogits() {
		double[] p = Kernels.softmax(new double[]{1000, 1001, Double.NEGATIVE_INFINITY});
		assertEquals(1 / (1 + Math.E), p[0], 1e-15);
		assertEquals(Math.E / (1 + Math.E), p[1], 1e-15);
		assertEquals(0.0, p[2]);
		assertEquals(1001 + Math.log(1 + Math.exp(-1)), Kernels.logSumExp(new double[]{1000, 1001}), 1e-12);
	}

	@Test
	void topKBreaksTiesByLowerIndex() {
		assertArrayEquals(new int[]{1, 3}, Kernels.topK(new double[]{0.1, 0.4, 0.1, 0.4}, 2));
		assertArrayEquals(new int[]{1, 3, 0, 2}, Kernels.argsortDescending(new double[]{0.1, 0.4, 0.1, 0.4}));
	}

	@Test
	void geluMatchesKnownValues() {
		assertEquals(0.0, Kernels.gelu(0.0));
		assertEquals(0.8411919906, Kernels.gelu(1.0), 1e-9); // tanh approximation
		assertEquals(-0.1588080094, Kernels.gelu(-1.0), 1e-9);
		assertEquals(0.5, Kernels.geluGrad(0.0), 1e-15);
	}

	@ParameterizedTest
	@ValueSource(doubles = {-3.1, -1.0, -0.2, 0.0, 0.3, 1.7, 4.0})
	void geluGradientMatchesFiniteDifferences(double x) {
		assertEquals(numeric(Kernels::gelu, x), Kernels.geluGrad(x), 1e-8);
	}

	@Test
	void softmaxBackwardMatchesFiniteDifferences() {
		Rng rng = new Rng(3);
		double[] z = {0.3, -1.2, 2.0, 0.1};
		double[] c = {rng.gaussian(), rng.gaussian(), rng.gaussian(), rng.gaussian()};
		double[] analytic = Kernels.softmaxBackward(Kernels.softmax(z), c);
		for (int j = 0; j < z.length; j++) {
			int jj = j;
			double num = numeric(v -> {
				double[] zz = z.clone();
				zz[jj] = v;
				return Kernels.dot(Kernels.softmax(zz), c);
			}, z[j]);
			assertEquals(num, analytic[j], 1e-9);
		}
	}

	@Test
	void cv2AndItsGradient() {
		double[] x = {1, 2, 3, 6};
		// mean 3, population variance (4+1+0+9)/4 = 3.5, CV² = 3.5/9
		assertEquals(3.5 / 9, Kernels.cv2(x), 1e-15);
		double[] g = Kernels.cv2Grad(x);
		for (int i = 0; i < x.length; i++) {
			int ii = i;
			assertEquals(numeric(v -> {
				double[] y = x.clone();
				y[ii] = v;
				return Kernels.cv2(y);
			}, x[i]), g[i], 1e-9);
		}
	}

	@Test
	void normalCdf() {
		assertEquals(0.5, Kernels.normalCdf(0), 1e-7);
		assertEquals(0.9750021, Kernels.normalCdf(1.96), 1e-6);
		assertEquals(0.0227501, Kernels.normalCdf(-2), 1e-6);
	}

	@Test
	void rngIsDeterministic() {
		Rng a = new Rng(42);
		Rng b = new Rng(42);
		for (int i = 0; i < 100; i++) {
			assertEquals(Double.doubleToLongBits(a.gaussian()), Double.doubleToLongBits(b.gaussian()));
		}
		assertTrue(Rng.derive(1, "x").uniform() != Rng.derive(1, "y").uniform());
	}

	static double numeric(DoubleUnaryOperator f, double x) {
		double h = 1e-5;
		return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
	}
}
