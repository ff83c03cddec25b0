package org.scriptorium.search.internal.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SignificanceTest {

	private static final double[] A = {0.5, 0.7, 0.2, 0.9, 0.4, 0.6, 0.3, 0.8};
	private static final double[] B = {0.4, 0.5, 0.25, 0.6, 0.4, 0.3, 0.35, 0.5};

	@Test
	void pairedTTestMatchesScipy() {
		// scipy.stats.ttest_rel(A, B): statistic 2.468506670004381, pvalue 0.04292680941518106
		assertEquals(0.04292680941518106, Significance.pairedTTestP(A, B), 1e-10);
		assertEquals(Significance.pairedTTestP(A, B), Significance.pairedTTestP(B, A), 1e-15, "two-sided");
		// 2 * scipy.stats.t.sf(2.0, 10): a t of 2 with 10 degrees of freedom
		assertEquals(0.07338803477074037, Significance.regularizedBeta(10 / (10 + 4.0), 5, 0.5), 1e-12);
	}

	@Test
	void randomizationTestApproachesTheExactPermutationP() {
		// all 2^8 sign assignments enumerated: 20 of 256 are at least as extreme (the tied pair counts both ways)
		double p = Significance.randomizationP(A, B);
		assertEquals(20 / 256.0, p, 0.004);
		assertEquals(p, Significance.randomizationP(A, B), 0, "the same seed gives the same p");
		assertNotEquals(p, Significance.randomizationP(A, B, Significance.TRIALS, 18), "another seed draws anew");
	}

	@Test
	void identicalRankersAreNotDifferent() {
		assertEquals(1.0, Significance.randomizationP(A, A), 0);
		assertEquals(1.0, Significance.pairedTTestP(A, A), 0);
	}

	@Test
	void aConsistentGainIsSignificant() {
		double[] base = new double[40];
		double[] better = new double[40];
		for (int i = 0; i < 40; i++) {
			base[i] = (i % 7) / 10.0;
			better[i] = base[i] + 0.05 + (i % 3) / 100.0;
		}
		assertTrue(Significance.randomizationP(better, base) < 0.001);
		assertTrue(Significance.pairedTTestP(better, base) < 1e-10);
	}

	@Test
	void bootstrapIntervalSurroundsTheMeanAndIsReproducible() {
		double[] ci = Significance.bootstrapCi95(A);
		double mean = 0.55;
		assertTrue(ci[0] < mean && mean < ci[1], ci[0] + " " + ci[1]);
		// the mean of 8 values in [0.2, 0.9] with sd 0.245: the normal interval is +-0.17
		assertTrue(ci[0] > 0.35 && ci[1] < 0.75, ci[0] + " " + ci[1]);
		assertArrayEquals(ci, Significance.bootstrapCi95(A), 0);
		assertArrayEquals(new double[]{0.4, 0.4}, Significance.bootstrapCi95(new double[]{0.4, 0.4, 0.4}), 1e-15);
	}

	@Test
	void quantileInterpolatesAsNumpy() {
		double[] sorted = {0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
		// numpy.percentile(A, [2.5, 97.5]) = [0.2175, 0.8825]
		assertEquals(0.2175, Significance.quantile(sorted, 0.025), 1e-12);
		assertEquals(0.8825, Significance.quantile(sorted, 0.975), 1e-12);
	}
}
