package org.scriptorium.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class CitationSimilarityTest {

	// c1, c2, c3 cite papers; x and y are co-cited twice
	private final CitationGraph g = CitationGraph.of(new TestCorpus().nodes("c1", "c2", "c3", "x", "y", "z", "r")
			.cite("c1", "x", "y", "r").cite("c2", "x", "y").cite("c3", "x", "z", "r"));

	private int n(String id) {
		return g.indexOf(id).getAsInt();
	}

	@Test
	void saltonCoCitation() {
		CitationSimilarity s = new CitationSimilarity(g);
		// x cited by c1,c2,c3 ; y by c1,c2 → 2 / sqrt(3*2)
		assertEquals(2 / Math.sqrt(6), s.coCitation(n("x"), n("y")), 1e-12);
		assertEquals(1 / Math.sqrt(3), s.coCitation(n("x"), n("z")), 1e-12);
		assertEquals(0, s.coCitation(n("y"), n("z")), 1e-12);
		assertEquals(0, s.coCitation(n("c1"), n("x")), 1e-12, "an uncited paper");
		assertEquals(s.coCitation(n("x"), n("y")), s.coCitation(n("y"), n("x")), 1e-15);
	}

	@Test
	void adamicAdarCoupling() {
		CitationSimilarity s = new CitationSimilarity(g);
		// c1 and c3 share x (cited 3 times) and r (cited twice)
		assertEquals(1 / Math.log(3) + 1 / Math.log(2), s.coupling(n("c1"), n("c3")), 1e-12);
		// c1 and c2 share x and y (cited twice)
		assertEquals(1 / Math.log(3) + 1 / Math.log(2), s.coupling(n("c1"), n("c2")), 1e-12);
		assertEquals(1 / Math.log(3), s.coupling(n("c2"), n("c3")), 1e-12);
		assertEquals(0, s.coupling(n("x"), n("y")), 1e-12);
	}

	@Test
	void topListsAgreeWithPairScores() {
		CitationSimilarity s = new CitationSimilarity(g);
		List<ScoredPaper> co = s.topCoCited(n("x"), 10);
		assertEquals(List.of("y", "r", "z"), co.stream().map(ScoredPaper::id).toList());
		for (ScoredPaper p : co) {
			assertEquals(s.coCitation(n("x"), p.node()), p.score(), 1e-12);
		}
		List<ScoredPaper> coupled = s.topCoupled(n("c1"), 1);
		assertEquals(1, coupled.size());
		for (ScoredPaper p : s.topCoupled(n("c1"), 10)) {
			assertEquals(s.coupling(n("c1"), p.node()), p.score(), 1e-12);
		}
	}
}
