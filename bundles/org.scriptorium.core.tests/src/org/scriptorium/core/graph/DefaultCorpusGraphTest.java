package org.scriptorium.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scriptorium.core.corpus.DefaultCorpus;

class DefaultCorpusGraphTest {

	@Test
	void graphOfTheDefaultCorpusKeepsEveryEdge() {
		DefaultCorpus c = DefaultCorpus.get();
		CitationGraph g = CitationGraph.of(c);
		assertEquals(c.papers().size(), g.size());
		assertEquals(0, g.droppedEdges(), "every edge of the default corpus joins two of its papers");
		assertTrue(g.edgeCount() > 0);
		// DeepSeekMoE is cited by the Unchosen Experts paper (a seed-to-seed reference-list edge)
		assertTrue(g.citedBy("arxiv:2401.06066").contains("arxiv:2405.14507"));
		double[] pr = PageRank.compute(g);
		assertEquals(1.0, java.util.Arrays.stream(pr).sum(), 1e-9);
	}
}
