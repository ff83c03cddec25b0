package org.scriptorium.search.internal.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.search.IndexMessages;
import org.scriptorium.search.ProgressMonitor;
import org.scriptorium.search.RankingSettings;
import org.scriptorium.search.Retrieval;
import org.scriptorium.search.SearchRequest;
import org.scriptorium.search.internal.SearchCore;
import org.scriptorium.search.internal.SearchCore.ScoredId;
import org.scriptorium.search.internal.index.DenseVectors;
import org.scriptorium.search.tests.MemoryCorpus;
import org.scriptorium.tests.common.search.HashEncoder;

/** Pseudo-relevance feedback as ranker specs: RM3 for BM25 (/rm3) and Rocchio for the query vectors (/rocchio). */
class FeedbackTest {

	@TempDir
	Path dir;

	private final HashEncoder hash = new HashEncoder("hash", 64);

	@Test
	void specsCarryTheFeedbackAndReadBack() {
		for (String spec : new String[]{"bm25/rm3", "dense:hash/rocchio", "convex:hash@0.6/rm3/rocchio",
				"rrf:hash/rocchio"}) {
			assertEquals(spec, Retrieval.parse(spec).spec());
		}
		assertEquals("citation+bm25/rm3", RankingSettings.defaults().withRankerSpec("citation+bm25/rm3").rankerSpec());
		assertEquals("citation", RankingSettings.defaults().withRankerSpec("citation").rankerSpec());
		assertTrue(Retrieval.parse("convex:hash/rm3").rm3());
		assertFalse(Retrieval.parse("convex:hash/rm3").rocchio());
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> Retrieval.parse("bm25/rocchio"));
		assertTrue(e.getMessage().contains("no vectors"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> Retrieval.parse("dense:hash/rm3"));
	}

	@Test
	void feedbackChangesTheFreeTextRankingButNotItsFirstHitsSource() throws IOException {
		MemoryCorpus c = MemoryCorpus.defaultWithoutCitations();
		try (SearchCore core = SearchCore.open(c, dir.resolve("i"), false, IndexMessages.LOG,
				DenseVectors.of(List.of(hash), dir.resolve("v"), IndexMessages.LOG), ProgressMonitor.NONE)) {
			String q = "load balancing loss for experts";
			RankingSettings bm25 = RankingSettings.defaults().withRankerSpec("bm25");
			List<ScoredId> plain = core.searchFreeText(q, 50, bm25);
			List<ScoredId> rm3 = core.searchFreeText(q, 50, bm25.withRankerSpec("bm25/rm3"));
			assertEquals(50, rm3.size());
			assertNotEquals(ids(plain), ids(rm3), "expansion terms change the ranking");
			// the expanded query keeps the original terms: the first BM25 hit stays among the first RM3 hits
			assertTrue(ids(rm3).subList(0, 10).contains(plain.get(0).id()), ids(rm3).toString());

			List<ScoredId> dense = core.searchFreeText(q, 50, bm25.withRankerSpec("dense:hash"));
			List<ScoredId> rocchio = core.searchFreeText(q, 50, bm25.withRankerSpec("dense:hash/rocchio"));
			assertNotEquals(ids(dense), ids(rocchio), "the moved query vector has other neighbours");
			assertTrue(ids(rocchio).subList(0, 10).contains(dense.get(0).id()), ids(rocchio).toString());

			var refused = core.search(SearchRequest.of("routing").withRanking(bm25.withRankerSpec("bm25/rm3")));
			assertFalse(refused.ok());
			assertTrue(refused.error().get().message().contains("eval"), refused.error().get().message());
		}
	}

	private static List<String> ids(List<ScoredId> run) {
		List<String> out = new ArrayList<>();
		run.forEach(h -> out.add(h.id()));
		return out;
	}
}
