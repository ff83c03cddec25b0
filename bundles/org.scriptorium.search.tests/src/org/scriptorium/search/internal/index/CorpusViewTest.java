package org.scriptorium.search.internal.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.scriptorium.core.graph.CitationGraph;
import org.scriptorium.core.graph.PageRank;
import org.scriptorium.core.model.Paper;
import org.scriptorium.search.tests.MemoryCorpus;

/**
 * The paper hashes and the corpus fingerprint of a {@link CorpusView} are computed by a background thread while the
 * index is written; they must be the values {@link Fingerprints} computes directly, whoever asks first.
 */
class CorpusViewTest {

	private final MemoryCorpus corpus = MemoryCorpus.ofDefault();

	@Test
	void fingerprintAskedFirstEqualsTheDirectOne() {
		CorpusView v = new CorpusView(corpus);
		assertEquals(Fingerprints.of(corpus), v.fingerprint());
		assertHashes(v);
	}

	@Test
	void hashesAskedFirstInReverseOrderEqualTheDirectOnes() {
		CorpusView v = new CorpusView(corpus);
		for (int i = corpus.papers().size() - 1; i >= 0; i--) {
			assertEquals(Fingerprints.paperHash(corpus.papers().get(i)), v.hash(i), "paper " + i);
		}
		assertEquals(Fingerprints.of(corpus), v.fingerprint());
	}

	@Test
	void documentsCarryTheHashAndTheGraphValues() {
		CorpusView v = new CorpusView(corpus);
		CitationGraph g = CitationGraph.of(corpus);
		double[] pr = PageRank.compute(g);
		for (int i = 0; i < corpus.papers().size(); i++) {
			Paper p = corpus.papers().get(i);
			int node = g.indexOf(p.id()).getAsInt();
			var d = v.document(i);
			assertEquals(Fingerprints.paperHash(p), d.get(PaperFields.HASH));
			assertEquals(g.citedByCount(node),
					d.getField(PaperFields.CITED_BY).numericValue().longValue());
			assertEquals(pr[node] * pr.length, v.normalizedPageRank(node));
		}
	}

	@Test
	void aRepeatedIdIsIndexedOnceAndChangesTheFingerprint() {
		List<Paper> papers = new ArrayList<>(corpus.papers());
		Paper copy = papers.get(3).toBuilder().title("Another title under the same id").build();
		papers.add(copy);
		MemoryCorpus repeated = corpus.withPapers(papers);
		CorpusView v = new CorpusView(repeated);
		for (int i = 0; i < papers.size() - 1; i++) {
			assertTrue(v.isFirstWithItsId(i), "paper " + i);
		}
		assertFalse(v.isFirstWithItsId(papers.size() - 1));
		assertEquals(Fingerprints.of(repeated), v.fingerprint());
		assertNotEquals(new CorpusView(corpus).fingerprint(), v.fingerprint());
	}

	private void assertHashes(CorpusView v) {
		for (int i = 0; i < corpus.papers().size(); i++) {
			assertEquals(Fingerprints.paperHash(corpus.papers().get(i)), v.hash(i), "paper " + i);
		}
	}
}
