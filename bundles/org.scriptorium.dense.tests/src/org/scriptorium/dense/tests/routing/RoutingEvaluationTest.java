package org.scriptorium.dense.tests.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.scriptorium.dense.internal.routing.ExpertTable;
import org.scriptorium.dense.internal.routing.Fusion;
import org.scriptorium.dense.internal.routing.RoutingEvaluation;
import org.scriptorium.dense.internal.routing.RoutingEvaluation.Report;
import org.scriptorium.dense.internal.routing.RoutingReport;
import org.scriptorium.search.internal.SearchCore.ScoredId;
import org.scriptorium.search.internal.eval.Metrics;

/** Cross-validation, train/test scoring, fusion and the report on synthetic experts. */
class RoutingEvaluationTest {

	private static final List<String> ROUTERS = List.of("best-single", "classifier", "pilot", "oracle");

	@Test
	void foldsPartitionTheQueriesEvenlyAndDependOnlyOnTheSeed() {
		int[] f = RoutingEvaluation.folds(23, 5, 7);
		int[] size = new int[5];
		for (int x : f) {
			size[x]++;
		}
		assertTrue(Arrays.stream(size).max().getAsInt() - Arrays.stream(size).min().getAsInt() <= 1,
				Arrays.toString(size));
		assertEquals(23, Arrays.stream(size).sum());
		assertArrayEquals(f, RoutingEvaluation.folds(23, 5, 7));
		assertFalse(Arrays.equals(f, RoutingEvaluation.folds(23, 5, 8)));
	}

	/**
	 * Every query's base embedding is orthogonal to every other's, and the best expert varies at random. A router
	 * that saw a held-out query in training would send it to its own best expert (its pilot would point at it);
	 * one that did not sees similarity 0 to every pilot and falls back to the fold's strongest expert, which is
	 * exactly what the best-single router chooses.
	 */
	@Test
	void crossValidationNeverRoutesAQueryWithARouterTrainedOnIt() {
		int n = 30;
		Random r = new Random(3);
		double[][] ndcg = new double[3][n];
		float[][] base = new float[n][];
		for (int q = 0; q < n; q++) {
			base[q] = Tables.axis(q, n);
			for (int e = 0; e < 3; e++) {
				ndcg[e][q] = r.nextInt(5) / 4.0;
			}
		}
		ExpertTable t = Tables.of(ndcg, base);
		List<String> seen = new ArrayList<>();
		Report report = RoutingEvaluation.crossValidate(t, ROUTERS, 5, 11, 60,
				(fold, router, v) -> seen.add(fold + router));
		assertArrayEquals(report.choices().get("best-single"), report.choices().get("pilot"));
		assertEquals(5 * ROUTERS.size(), seen.size(), "one value per fold and router");
		assertEquals(1.0, report.system("oracle").routingAccuracy());
		double oracle = 0;
		for (int q = 0; q < n; q++) {
			oracle += t.bestNdcg(q);
		}
		assertEquals(oracle / n, report.system("oracle").ndcg10(), 1e-12);
	}

	@Test
	void routersTrainedOnTrainQueriesAreScoredOnTestQueries() {
		// train: x-cluster queries are best with expert 0, y-cluster with expert 1; test: new queries of both clusters
		float[][] trainBase = new float[8][];
		double[][] trainNdcg = new double[2][8];
		for (int q = 0; q < 8; q++) {
			trainBase[q] = Tables.angle(q < 4 ? 0.1 * q : Math.PI / 2 - 0.1 * (q - 4));
			trainNdcg[0][q] = q < 4 ? 1 : 0;
			trainNdcg[1][q] = q < 4 ? 0 : 1;
		}
		float[][] testBase = {Tables.angle(0.05), Tables.angle(1.5), Tables.angle(0.2)};
		double[][] testNdcg = {{0.8, 0.0, 0.6}, {0.1, 0.7, 0.2}};
		Report report = RoutingEvaluation.trainTest(Tables.of(trainNdcg, trainBase), Tables.of(testNdcg, testBase),
				ROUTERS,
				60);
		assertEquals(3, report.queries());
		assertArrayEquals(new int[]{0, 1, 0}, report.choices().get("pilot"));
		assertArrayEquals(new int[]{0, 1, 0}, report.choices().get("oracle"));
		assertEquals((0.8 + 0.7 + 0.6) / 3, report.system("pilot").ndcg10(), 1e-12);
		assertEquals(1.0, report.system("pilot").routingAccuracy());
		// expert 0 and 1 have equal training means (0.5): the task's order picks expert 0 for every test query
		assertArrayEquals(new int[]{0, 0, 0}, report.choices().get("best-single"));
		assertEquals(2 / 3.0, report.system("best-single").routingAccuracy(), 1e-12);
		assertEquals((0.8 + 0.0 + 0.6) / 3, report.system("best-single").ndcg10(), 1e-12);
		assertEquals((0.8 + 0.0 + 0.6) / 3, report.system("e0").ndcg10(), 1e-12);
		assertArrayEquals(new double[]{2 / 3.0, 1 / 3.0}, report.system("pilot").shares(), 1e-12);
	}

	@Test
	void tiesCountAsCorrectRoutingAndSharesSumToOne() {
		// query 0: both experts 1.0; query 1: expert 1 better; query 2: both 0
		ExpertTable t = Tables.of(new double[][]{{1, 0.2, 0}, {1, 0.9, 0}},
				new float[][]{Tables.angle(0), Tables.angle(0), Tables.angle(0)});
		Report report = RoutingEvaluation.trainTest(t, t, List.of("best-single"), 60);
		// best-single = expert 1 (mean 0.633 vs 0.4): right on all three (two ties, one win)
		assertEquals(1.0, report.system("best-single").routingAccuracy());
		assertEquals(2 / 3.0, report.allTied(), 1e-12);
		Report worse = RoutingEvaluation.trainTest(Tables.of(new double[][]{{1}, {0}}, new float[][]{Tables.angle(0)}),
				t, List.of("best-single"), 60);
		assertEquals(2 / 3.0, worse.system("best-single").routingAccuracy(), 1e-12, "expert 0 loses only query 1");
		assertEquals(1.0, Arrays.stream(worse.system("best-single").shares()).sum(), 1e-12);
		Map<String, Double> m = RoutingReport.metrics(worse);
		assertEquals(1.0, m.get("test.chosen.best-single.e0"));
		assertEquals(0.0, m.get("test.chosen.best-single.e1"));
		assertEquals(3.0, m.get("test.queries"));
		assertTrue(RoutingReport.systemsCsv(worse).contains("best-single,router,0.4000,0.4000,0.6667"),
				RoutingReport.systemsCsv(worse));
	}

	@Test
	void reciprocalRankFusionSumsReciprocalRanks() {
		List<ScoredId> run0 = List.of(new ScoredId("a", 3), new ScoredId("b", 2), new ScoredId("c", 1));
		List<ScoredId> run1 = List.of(new ScoredId("c", 9), new ScoredId("a", 8), new ScoredId("d", 7));
		Metrics.Values v = new Metrics.Values(0, 0, 0, 0);
		ExpertTable t = new ExpertTable(List.of("x", "y"), List.of("q"), List.of(Map.of("c", 1)),
				new float[][]{Tables.angle(0)}, List.of(List.of(run0), List.of(run1)),
				new Metrics.Values[][]{{v}, {v}});
		List<ScoredId> fused = Fusion.rrf(t, 0, 60);
		// a: 1/61 + 1/62, c: 1/63 + 1/61, b: 1/62, d: 1/63
		assertEquals(List.of("a", "c", "b", "d"), fused.stream().map(ScoredId::id).toList());
		assertEquals(1.0 / 61 + 1.0 / 62, fused.get(0).score(), 1e-15);
		Report report = RoutingEvaluation.trainTest(t, t, List.of("fusion"), 60);
		assertEquals(1 / (Math.log(3) / Math.log(2)), report.system("fusion").ndcg10(), 1e-12, "c at rank 2");
		assertTrue(Double.isNaN(report.system("fusion").routingAccuracy()));
	}
}
