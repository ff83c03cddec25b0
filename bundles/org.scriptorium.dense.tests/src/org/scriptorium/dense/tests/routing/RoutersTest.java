package org.scriptorium.dense.tests.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.scriptorium.dense.internal.routing.ExpertTable;
import org.scriptorium.dense.internal.routing.LogisticRegression;
import org.scriptorium.dense.internal.routing.Router;
import org.scriptorium.dense.internal.routing.Routers;

/** The routers on synthetic experts whose best choice per query is known. */
class RoutersTest {

	/**
	 * Two clusters of queries: those near the x axis are answered well only by expert 0, those near the y axis only
	 * by expert 1. Queries 0..7 are near x (angles 0..0.35), 8..15 near y (angles 1.22..1.57).
	 */
	private static ExpertTable twoClusters() {
		int n = 16;
		double[][] ndcg = new double[2][n];
		float[][] base = new float[n][];
		for (int q = 0; q < n; q++) {
			boolean x = q < 8;
			double a = x ? 0.05 * (q % 8) : Math.PI / 2 - 0.05 * (q % 8);
			base[q] = Tables.angle(a);
			ndcg[0][q] = x ? 0.9 : 0.1;
			ndcg[1][q] = x ? 0.2 : 0.8;
		}
		return Tables.of(ndcg, base);
	}

	private static int[] range(int from, int to) {
		return IntStream.range(from, to).toArray();
	}

	@Test
	void bestLabelBreaksTiesByPreferenceOrder() {
		ExpertTable t = Tables.of(new double[][]{{1.0, 0.5, 0.0}, {1.0, 0.7, 0.0}, {0.3, 0.7, 0.0}},
				new float[][]{Tables.angle(0), Tables.angle(0), Tables.angle(0)});
		// query 0: experts 0 and 1 tie at 1.0; query 1: experts 1 and 2 tie at 0.7; query 2: all tie at 0
		assertEquals(0, t.best(0, new int[]{0, 1, 2}));
		assertEquals(1, t.best(0, new int[]{1, 0, 2}));
		assertEquals(2, t.best(1, new int[]{2, 1, 0}));
		assertEquals(1, t.best(1, new int[]{0, 1, 2}));
		assertEquals(2, t.best(2, new int[]{2, 0, 1}));
		assertTrue(t.allTied(2));
		assertTrue(!t.allTied(0));
		// means: e0 = 0.5, e1 = 0.5667, e2 = 0.3333 -> strongest first
		assertArrayEquals(new int[]{1, 0, 2}, t.strengthOrder(range(0, 3)));
		// on query 0 alone, e0 and e1 tie (1.0): the task's order decides
		assertArrayEquals(new int[]{0, 1, 2}, t.strengthOrder(new int[]{0}));
	}

	@Test
	void bestSingleIsTheExpertWithTheBestTrainingMean() {
		ExpertTable t = twoClusters();
		// trained on mostly-x queries, expert 0 wins; on y queries, expert 1
		assertEquals(0, Routers.bestSingle().fit(t, new int[]{0, 1, 2, 8}).route(t, 15));
		assertEquals(1, Routers.bestSingle().fit(t, new int[]{8, 9, 10, 0}).route(t, 0));
	}

	@Test
	void pilotRoutesHeldOutQueriesToTheExpertOfTheirCluster() {
		ExpertTable t = twoClusters();
		int[] train = {0, 2, 4, 6, 8, 10, 12, 14};
		Router.Fitted pilot = Routers.pilot().fit(t, train);
		for (int q : new int[]{1, 3, 5, 7}) {
			assertEquals(0, pilot.route(t, q), "query " + q);
		}
		for (int q : new int[]{9, 11, 13, 15}) {
			assertEquals(1, pilot.route(t, q), "query " + q);
		}
	}

	@Test
	void pilotNeverChoosesAnExpertWithoutTrainingQueries() {
		// expert 2 is never best: it has no pilot, even for a query that points exactly at nothing else
		double[][] ndcg = {{0.9, 0.1, 0.5}, {0.1, 0.9, 0.5}, {0.0, 0.0, 0.4}};
		float[][] base = {Tables.axis(0, 3), Tables.axis(1, 3), Tables.axis(2, 3)};
		ExpertTable t = Tables.of(ndcg, base);
		Router.Fitted pilot = Routers.pilot().fit(t, new int[]{0, 1});
		int chosen = pilot.route(t, 2);
		assertTrue(chosen == 0 || chosen == 1);
		// query 2 is orthogonal to both pilots: equal similarity goes to the stronger expert on the training queries
		// (both have mean 0.5, so the task's order: expert 0)
		assertEquals(0, chosen);
	}

	@Test
	void classifierLearnsTheClusters() {
		ExpertTable t = twoClusters();
		int[] train = {0, 2, 4, 6, 8, 10, 12, 14};
		Router.Fitted c = Routers.classifier(1e-4, 300).fit(t, train);
		for (int q = 0; q < 16; q++) {
			assertEquals(q < 8 ? 0 : 1, c.route(t, q), "query " + q);
		}
	}

	@Test
	void oracleTakesEachQuerysBestExpert() {
		ExpertTable t = twoClusters();
		Router.Fitted oracle = Routers.oracle().fit(t, range(0, 16));
		for (int q = 0; q < 16; q++) {
			assertEquals(q < 8 ? 0 : 1, oracle.route(t, q));
			assertEquals(t.bestNdcg(q), t.ndcg(oracle.route(t, q), q));
		}
	}

	@Test
	void logisticRegressionGivesProbabilitiesAndSeparatesThreeClasses() {
		List<float[]> x = List.of(Tables.axis(0, 3), Tables.axis(0, 3), Tables.axis(1, 3), Tables.axis(2, 3),
				Tables.axis(2, 3));
		int[] y = {0, 0, 1, 2, 2};
		LogisticRegression m = LogisticRegression.train(x, y, 3, 1e-4, 400);
		for (int i = 0; i < x.size(); i++) {
			double[] p = m.probabilities(x.get(i));
			assertEquals(1.0, p[0] + p[1] + p[2], 1e-9);
			assertEquals(y[i], m.predict(x.get(i), new int[]{0, 1, 2}));
			assertTrue(p[y[i]] > 0.6, "confident on training example " + i + ": " + p[y[i]]);
		}
		// untrained model (no steps): all classes equal, the preference decides
		LogisticRegression zero = LogisticRegression.train(x, y, 3, 0, 0);
		assertEquals(2, zero.predict(Tables.axis(0, 3), new int[]{2, 0, 1}));
	}
}
