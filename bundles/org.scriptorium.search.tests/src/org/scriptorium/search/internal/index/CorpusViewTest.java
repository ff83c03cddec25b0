package org.scriptorium.search.internal.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.lucene.document.Document;
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
		Paper copy = papers.get(3).toBuilder().abstractText("Another abstract under the same id").build();
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

	@Test
	void theDocumentFeedGivesEveryDocumentInCorpusOrderAndNullForARepeatedId() {
		List<Paper> papers = new ArrayList<>(corpus.papers());
		for (int k = 0; k < 600; k++) { // several batches of the feed
			papers.add(Paper.builder("extra:" + k, "Extra paper " + k).abstractText("words " + k).build());
		}
		papers.add(300, papers.get(5)); // a repeated id inside a batch
		MemoryCorpus c = corpus.withPapers(papers);
		CorpusView v = new CorpusView(c);
		try (CorpusView.DocumentFeed feed = v.documentFeed()) {
			for (int i = 0; i < papers.size(); i++) {
				Document d = feed.next();
				if (i == 300) {
					assertNull(d, "the repeated id");
				} else {
					assertEquals(papers.get(i).id(), d.get(PaperFields.ID), "paper " + i);
					assertEquals(v.document(i).toString(), d.toString(), "paper " + i);
				}
			}
			assertThrows(NoSuchElementException.class, feed::next);
		}
	}

	@Test
	void aFeedClosedEarlyStopsItsThread() throws InterruptedException {
		CorpusView v = new CorpusView(corpus);
		CorpusView.DocumentFeed feed = v.documentFeed();
		assertEquals(corpus.papers().get(0).id(), feed.next().get(PaperFields.ID));
		feed.close();
		assertTrue(feed.awaitStopped(10_000), "the builder thread ends after close");
	}

	private void assertHashes(CorpusView v) {
		for (int i = 0; i < corpus.papers().size(); i++) {
			assertEquals(Fingerprints.paperHash(corpus.papers().get(i)), v.hash(i), "paper " + i);
		}
	}
}
