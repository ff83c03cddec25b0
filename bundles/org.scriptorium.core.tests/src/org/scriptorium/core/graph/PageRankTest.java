package org.scriptorium.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PageRankTest {

	@Test
	void uniformWithoutEdges() {
		double[] pr = PageRank.compute(CitationGraph.of(new TestCorpus().nodes("a", "b", "c", "d")));
		for (double v : pr) {
			assertEquals(0.25, v, 1e-12);
		}
	}

	@Test
	void matchesTheClosedFormOfATwoNodeGraph() {
		// a → b, b dangling. With d = 0.85: pa = (1-d)/2 + d*pb/2 ; pb = (1-d)/2 + d*pb/2 + d*pa, pa + pb = 1
		double[] pr = PageRank.compute(CitationGraph.of(new TestCorpus().nodes("a", "b").cite("a", "b")));
		double d = 0.85;
		// from pa = (1-d)/2 + d*pb/2 and pb = 1 - pa
		double pa = ((1 - d) / 2 + d / 2) / (1 + d / 2);
		assertEquals(pa, pr[0], 1e-9);
		assertEquals(1 - pa, pr[1], 1e-9);
	}

	@Test
	void mostCitedPaperRanksFirstAndScoresSumToOne() {
		TestCorpus c = new TestCorpus().nodes("hub", "x", "y", "z", "w").cite("x", "hub").cite("y", "hub", "x")
				.cite("z", "hub", "y").cite("w", "z");
		double[] pr = PageRank.compute(CitationGraph.of(c));
		assertEquals(1.0, Arrays.stream(pr).sum(), 1e-9);
		for (int i = 1; i < pr.length; i++) {
			assertTrue(pr[0] > pr[i], "hub first");
		}
		assertTrue(pr[1] > pr[4], "x (cited by y) above w (uncited)");
	}

	@Test
	void cycleIsUniform() {
		double[] pr = PageRank.compute(CitationGraph.of(new TestCorpus().nodes("a", "b", "c").cite("a", "b")
				.cite("b", "c").cite("c", "a")));
		for (double v : pr) {
			assertEquals(1 / 3.0, v, 1e-9);
		}
	}

	@Test
	void personalizedStepSpreadsSeedMassToNeighbours() {
		CitationGraph g = CitationGraph.of(new TestCorpus().nodes("s", "r1", "r2", "far").cite("s", "r1", "r2")
				.cite("far", "r1"));
		Map<Integer, Double> r = PageRank.personalized(g, Map.of(0, 1.0), 0.5, 1, Direction.REFERENCES);
		assertEquals(0.5, r.get(0), 1e-12);
		assertEquals(0.25, r.get(1), 1e-12);
		assertEquals(0.25, r.get(2), 1e-12);
		assertTrue(!r.containsKey(3));
		Map<Integer, Double> both = PageRank.personalized(g, Map.of(0, 1.0), 0.5, 2, Direction.BOTH);
		assertTrue(both.getOrDefault(3, 0.0) > 0, "two undirected steps reach a paper co-citing r1");
		assertEquals(1.0, both.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-12, "mass conserved");
	}
}
