package org.scriptorium.sandbox.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scriptorium.sandbox.internal.math.Rng;
import org.scriptorium.sandbox.internal.metrics.Accuracy;
import org.scriptorium.sandbox.internal.metrics.RoutingMetrics;

class MetricsTest {

	@Test
	void loadStatistics() {
		double[] load = {2, 4, 6, 8};
		// mean 5, population std sqrt((9+1+1+9)/4) = sqrt(5)
		assertEquals(Math.sqrt(5) / 5, RoutingMetrics.loadCv(load), 1e-12);
		assertEquals(8 / 5.0, RoutingMetrics.maxMeanLoad(load), 1e-12);
		assertEquals(0.0, RoutingMetrics.loadCv(new double[]{3, 3, 3}));
		assertEquals(0.25, RoutingMetrics.dropRate(8, 6), 1e-12);
	}

	@Test
	void entropies() {
		assertEquals(Math.log(4), RoutingMetrics.marginalEntropy(new double[]{5, 5, 5, 5}), 1e-12);
		assertEquals(0.0, RoutingMetrics.marginalEntropy(new double[]{0, 7, 0}), 1e-12);
		assertEquals(Math.log(2), RoutingMetrics.entropy(new double[]{0.5, 0.5}), 1e-12);
	}

	@Test
	void mutualInformationOfDiagonalAndIndependentTables() {
		RoutingMetrics.Mi diag = RoutingMetrics.mutualInformation(new double[][]{{10, 0, 0}, {0, 10, 0}, {0, 0, 10}});
		assertEquals(Math.log(3), diag.mi(), 1e-12);
		assertEquals(1.0, diag.nmi(), 1e-12);
		RoutingMetrics.Mi indep = RoutingMetrics.mutualInformation(new double[][]{{2, 4}, {1, 2}});
		assertEquals(0.0, indep.mi(), 1e-12);
		assertEquals(0.0, indep.nmi(), 1e-12);
		// two domains, 4 experts, each domain uses its own pair: MI = log 2, H(D) = log 2 → NMI 1
		RoutingMetrics.Mi pairs = RoutingMetrics.mutualInformation(new double[][]{{5, 5, 0, 0}, {0, 0, 5, 5}});
		assertEquals(Math.log(2), pairs.mi(), 1e-12);
		assertEquals(1.0, pairs.nmi(), 1e-12);
	}

	@Test
	void selectionFrequencyRowsSumToAverageK() {
		double[][] f = RoutingMetrics.selectionFrequency(new double[][]{{4, 2}, {1, 1}}, new long[]{3, 1});
		assertEquals(2.0, f[0][0] + f[0][1], 1e-12);
		assertEquals(2.0, f[1][0] + f[1][1], 1e-12);
	}

	@Test
	void accuracyMacroF1AndBootstrap() {
		int[] y = {0, 0, 1, 1};
		int[] p = {0, 1, 1, 1};
		assertEquals(0.75, Accuracy.accuracy(p, y), 1e-12);
		// class 0: P=1, R=0.5 → 2/3; class 1: P=2/3, R=1 → 0.8
		assertEquals((2.0 / 3 + 0.8) / 2, Accuracy.macroF1(p, y, 2), 1e-12);
		double[] correct = new double[200];
		for (int i = 0; i < 150; i++) {
			correct[i] = 1;
		}
		Accuracy.Interval ci = Accuracy.bootstrapMean(correct, 1000, 0.95, new Rng(1));
		assertEquals(0.75, ci.value(), 1e-12);
		assertTrue(ci.low() < 0.75 && ci.high() > 0.75);
		// normal approximation: half-width ≈ 1.96·sqrt(0.75·0.25/200) ≈ 0.06
		assertEquals(0.06, (ci.high() - ci.low()) / 2, 0.015);
	}
}
