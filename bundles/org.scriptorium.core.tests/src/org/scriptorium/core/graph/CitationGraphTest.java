package org.scriptorium.core.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class CitationGraphTest {

	private final TestCorpus corpus = new TestCorpus().nodes("a", "b", "c", "d", "e") //
			.cite("a", "b", "c", "c", "zzz-not-in-corpus") //
			.cite("b", "c") //
			.cite("d", "c", "d") //
			.list("e", "a", "c");

	@Test
	void referencesAndCitedByAreSortedDeduplicatedAndInCorpus() {
		CitationGraph g = CitationGraph.of(corpus);
		assertEquals(5, g.size());
		assertEquals(List.of("b", "c"), g.references("a"));
		assertEquals(List.of("a", "b", "d", "e"), g.citedBy("c"));
		assertEquals(List.of(), g.citedBy("e"));
		assertEquals(List.of(), g.references("unknown"));
		assertEquals(6, g.edgeCount(), "a→b a→c b→c d→c e→a e→c");
		assertEquals(2, g.droppedEdges(), "the edge to an unknown paper and the self-citation");
		int c = g.indexOf("c").getAsInt();
		assertEquals(4, g.citedByCount(c));
		assertEquals(0, g.referenceCount(c));
	}

	@Test
	void edgesKeepTheirKindAndMergeBoth() {
		TestCorpus both = new TestCorpus().nodes("s", "x").cite("s", "x").list("s", "x");
		CitationGraph g = CitationGraph.of(both);
		assertEquals(1, g.edgeCount());
		assertEquals(CitationGraph.REFERENCE_LIST | CitationGraph.SURVEY_LIST, g.edgeKinds(0, 1));
		CitationGraph h = CitationGraph.of(corpus);
		assertEquals(CitationGraph.SURVEY_LIST,
				h.edgeKinds(h.indexOf("e").getAsInt(), h.indexOf("a").getAsInt()));
		assertEquals(0, h.edgeKinds(h.indexOf("a").getAsInt(), h.indexOf("e").getAsInt()));
	}

	@Test
	void csrMatchesANaiveAdjacencyOnARandomGraph() {
		Random r = new Random(7);
		int n = 300;
		boolean[][] adj = new boolean[n][n];
		CitationGraph.Builder b = CitationGraph.builder(n);
		for (int i = 0; i < n; i++) {
			b.addNode("p" + i);
		}
		for (int e = 0; e < 3000; e++) {
			int s = r.nextInt(n), t = r.nextInt(n);
			b.addEdge(s, t, CitationGraph.REFERENCE_LIST);
			if (s != t) {
				adj[s][t] = true;
			}
		}
		CitationGraph g = b.build();
		int edges = 0;
		for (int node = 0; node < n; node++) {
			final int i = node;
			int[] refs = g.references(i);
			int[] cited = g.citedBy(i);
			assertArrayEquals(java.util.stream.IntStream.range(0, n).filter(j -> adj[i][j]).toArray(), refs);
			assertArrayEquals(java.util.stream.IntStream.range(0, n).filter(j -> adj[j][i]).toArray(), cited);
			for (int t : refs) {
				assertTrue(g.hasEdge(i, t));
			}
			edges += refs.length;
		}
		assertEquals(edges, g.edgeCount());
		assertFalse(g.hasEdge(0, 0));
	}

	@Test
	void emptyGraphHasNoEdges() {
		CitationGraph g = CitationGraph.empty(List.of("x", "y"));
		assertEquals(2, g.size());
		assertEquals(0, g.edgeCount());
		assertEquals("y", g.idOf(1));
	}
}
