package org.scriptorium.core.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.RandomAccess;

import org.junit.jupiter.api.Test;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.model.Citation;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.core.model.Paper;

/**
 * {@link CitationGraph#of(ICorpus)} resolves long citation lists in parallel chunks; the graph must be the one
 * that adding the edges one by one builds, whatever the chunk size.
 */
class ParallelCitationGraphTest {

	@Test
	void parallelResolutionOfTheDefaultCorpusEqualsTheSequentialGraph() {
		DefaultCorpus corpus = DefaultCorpus.get();
		assertTrue(corpus.citations().size() > 200, "a corpus large enough for many chunks");
		assertTrue(corpus.citations() instanceof RandomAccess, "a list the parallel path resolves");
		CitationGraph sequential = sequential(corpus);
		for (int chunk : new int[]{1, 7, 64, 200, corpus.citations().size(), CitationGraph.PARALLEL_CHUNK}) {
			assertSameGraph(sequential, CitationGraph.of(corpus, chunk), "chunk " + chunk);
		}
	}

	@Test
	void unknownEndsSelfCitationsDuplicatesAndKindsAcrossChunkBoundaries() {
		TestCorpus corpus = new TestCorpus().nodes("a", "b", "c", "d", "e") //
				.cite("a", "b", "zzz", "b", "a", "c") // unknown, duplicate and self-citation in one list
				.list("a", "b") // the same pair from a survey list: both kinds
				.cite("yyy", "a") // unknown citing paper
				.cite("b", "c", "d", "b") //
				.list("e", "a", "e", "c") //
				.cite("c", "a", "d", "d", "e");
		assertTrue(corpus.citations() instanceof RandomAccess, "a list the parallel path resolves");
		CitationGraph sequential = sequential(corpus);
		assertEquals(5, sequential.droppedEdges(), "2 unknown ends and 3 self-citations");
		assertEquals(CitationGraph.REFERENCE_LIST | CitationGraph.SURVEY_LIST,
				sequential.edgeKinds(sequential.indexOf("a").getAsInt(), sequential.indexOf("b").getAsInt()));
		for (int chunk = 1; chunk <= corpus.citations().size(); chunk++) {
			assertSameGraph(sequential, CitationGraph.of(corpus, chunk), "chunk " + chunk);
		}
	}

	@Test
	void theDefaultCorpusPageRankIsTheSameOnTheParallelGraph() {
		DefaultCorpus corpus = DefaultCorpus.get();
		assertArrayEquals(PageRank.compute(sequential(corpus)), PageRank.compute(CitationGraph.of(corpus, 3)));
	}

	/** The graph built by adding each citation by ids, one by one, in list order. */
	private static CitationGraph sequential(ICorpus corpus) {
		CitationGraph.Builder b = CitationGraph.builder(corpus.papers().size());
		for (Paper p : corpus.papers()) {
			b.addNode(p.id());
		}
		for (Citation c : corpus.citations()) {
			b.addEdge(c.citing(), c.cited(), c.kind() == Citation.Kind.SURVEY_LIST
					? CitationGraph.SURVEY_LIST
					: CitationGraph.REFERENCE_LIST);
		}
		return b.build();
	}

	private static void assertSameGraph(CitationGraph expected, CitationGraph actual, String what) {
		assertEquals(expected.size(), actual.size(), what);
		assertEquals(expected.edgeCount(), actual.edgeCount(), what);
		assertEquals(expected.droppedEdges(), actual.droppedEdges(), what);
		for (int n = 0; n < expected.size(); n++) {
			assertEquals(expected.idOf(n), actual.idOf(n), what);
			int[] refs = expected.references(n);
			assertArrayEquals(refs, actual.references(n), what + ", references of " + expected.idOf(n));
			assertArrayEquals(expected.citedBy(n), actual.citedBy(n), what + ", cited-by of " + expected.idOf(n));
			for (int r : refs) {
				assertEquals(expected.edgeKinds(n, r), actual.edgeKinds(n, r), what);
			}
		}
	}
}
