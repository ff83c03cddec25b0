package org.scriptorium.search.internal.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.core.model.Paper;
import org.scriptorium.search.PaperSearchEngine;
import org.scriptorium.search.ProgressMonitor;
import org.scriptorium.search.Ranker;
import org.scriptorium.search.RankingSettings;
import org.scriptorium.search.Retrieval;
import org.scriptorium.search.SearchHit;
import org.scriptorium.search.SearchRequest;
import org.scriptorium.search.SearchResult;
import org.scriptorium.search.TextEncoder;
import org.scriptorium.search.tests.MemoryCorpus;
import org.scriptorium.tests.common.search.HashEncoder;

/** Dense and hybrid first stages in the real Lucene index (KNN fields), composed with the citation-aware part. */
class DenseRankingTest {

	@TempDir
	Path dir;

	private final HashEncoder hash = new HashEncoder("hash", 64);

	private PaperSearchEngine open(MemoryCorpus c, String name, List<String> messages, TextEncoder... encoders)
			throws IOException {
		return PaperSearchEngine.open(c, dir.resolve(name), messages::add, List.of(encoders), dir.resolve("vectors"),
				ProgressMonitor.NONE);
	}

	private static List<SearchHit> hits(PaperSearchEngine e, String q, RankingSettings s) throws IOException {
		SearchResult r = e.search(new SearchRequest(q, 20, s, true, false, false));
		assertTrue(r.ok(), () -> q + ": " + r.error());
		return r.hits();
	}

	private static List<String> ids(List<SearchHit> hits) {
		return hits.stream().map(SearchHit::paperId).toList();
	}

	@Test
	void denseRanksByCosineOfTheQueryVectorAndExplainsIt() throws IOException {
		MemoryCorpus c = MemoryCorpus.defaultWithoutCitations();
		try (PaperSearchEngine e = open(c, "dense", new ArrayList<>(), hash)) {
			assertEquals(List.of("hash"), e.encoders().stream().map(TextEncoder::id).toList());
			String q = "mixture of experts routing";
			List<SearchHit> dense = hits(e, q, RankingSettings.defaults().withRankerSpec("dense:hash"));
			assertEquals(20, dense.size());
			// the expected order: exact cosines of the same vectors computed here, ties by corpus order
			float[] qv = hash.encodeQuery(q);
			List<double[]> expected = new ArrayList<>();
			List<Paper> papers = c.papers();
			for (int i = 0; i < papers.size(); i++) {
				Paper p = papers.get(i);
				float[] v = hash.vector(org.scriptorium.search.VectorCache.documentText(p.title(),
						p.abstractText().orElse(null)));
				double dot = 0;
				for (int k = 0; k < v.length; k++) {
					dot += qv[k] * v[k];
				}
				expected.add(new double[]{dot, i});
			}
			expected.sort((a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0]) : Double.compare(a[1], b[1]));
			for (int i = 0; i < 5; i++) {
				assertEquals(expected.get(i)[0], dense.get(i).score(), 1e-4, "cosine of hit " + (i + 1));
			}
			assertEquals(papers.get((int) expected.get(0)[1]).id(), dense.get(0).paperId());
			assertTrue(dense.get(0).explanation().details().get(0).startsWith("first stage: dense rank 1 (cosine"),
					dense.get(0).explanation().details().toString());
		}
	}

	@Test
	void hybridsFuseBothListsAndCitationComposesWithThem() throws IOException {
		try (PaperSearchEngine e = open(MemoryCorpus.ofDefault(), "hybrid", new ArrayList<>(), hash)) {
			String q = "load balancing loss experts";
			RankingSettings base = RankingSettings.defaults();
			List<String> bm25 = ids(hits(e, q, base.withRankerSpec("bm25")));
			List<String> dense = ids(hits(e, q, base.withRankerSpec("dense:hash")));
			List<String> convex0 = ids(hits(e, q, base.withRankerSpec("convex:hash@0")));
			List<String> rrf = ids(hits(e, q, base.withRankerSpec("rrf:hash")));
			assertEquals(bm25, convex0.subList(0, bm25.size()), "dense weight 0 keeps BM25's order");
			assertEquals(dense.subList(0, 10), ids(hits(e, q, base.withRankerSpec("convex:hash@1"))).subList(0, 10),
					"dense weight 1 keeps the dense order");
			assertTrue(rrf.contains(bm25.get(0)) && rrf.contains(dense.get(0)));
			List<SearchHit> citation = hits(e, q, base.withRankerSpec("citation+rrf:hash"));
			assertEquals(Ranker.CITATION, base.withRankerSpec("citation+rrf:hash").ranker());
			assertTrue(citation.stream().anyMatch(h -> h.explanation().prior() > 0),
					"the citation prior is added on the default corpus");
			assertTrue(citation.get(0).explanation().details().get(0).contains("reciprocal rank fusion"));
		}
	}

	@Test
	void withoutCitationEdgesCitationPlusDenseRanksExactlyLikeDense() throws IOException {
		try (PaperSearchEngine e = open(MemoryCorpus.defaultWithoutCitations(), "flat", new ArrayList<>(), hash)) {
			for (String q : List.of("domain adaptation", "retrieval augmented generation")) {
				assertEquals(ids(hits(e, q, RankingSettings.defaults().withRankerSpec("convex:hash"))),
						ids(hits(e, q, RankingSettings.defaults().withRankerSpec("citation+convex:hash"))), q);
			}
		}
	}

	@Test
	void fieldedClausesFilterTheNearestNeighbours() throws IOException {
		try (PaperSearchEngine e = open(MemoryCorpus.defaultWithoutCitations(), "filter", new ArrayList<>(), hash)) {
			List<SearchHit> hits = hits(e, "experts routing year:>=2024", RankingSettings.defaults()
					.withRankerSpec("dense:hash"));
			assertFalse(hits.isEmpty());
			assertTrue(hits.stream().allMatch(h -> h.year() != null && h.year() >= 2024), hits.toString());
			// only fielded clauses: nothing to embed, ranked lexically
			assertFalse(hits(e, "year:2024", RankingSettings.defaults().withRankerSpec("dense:hash")).isEmpty());
		}
	}

	@Test
	void aModelWhoseVectorsAreNotIndexedIsAQueryErrorNamingIt() throws IOException {
		try (PaperSearchEngine e = open(MemoryCorpus.defaultWithoutCitations(), "none", new ArrayList<>())) {
			SearchResult r = e.search(new SearchRequest("experts", 10,
					RankingSettings.defaults().withRankerSpec("dense:bge-small"), false, false, false));
			assertFalse(r.ok());
			assertTrue(
					r.error().orElseThrow().message().contains("'bge-small'")
							&& r.error().orElseThrow().message().contains("holds none"),
					r.error().orElseThrow().message());
		}
	}

	@Test
	void vectorsAreCachedAndAnotherEncoderSetRebuildsWithAMessage() throws IOException {
		MemoryCorpus c = MemoryCorpus.defaultWithoutCitations();
		List<String> messages = new ArrayList<>();
		try (PaperSearchEngine e = open(c, "idx", messages, hash)) {
			assertTrue(e.documentCount() > 0);
		}
		int embedded = hash.embeddedCount();
		assertTrue(embedded > 0);
		try (PaperSearchEngine e = open(c, "idx2", messages, hash)) {
			assertEquals(embedded, hash.embeddedCount(), "a second index of the same papers embeds nothing");
		}
		messages.clear();
		HashEncoder other = new HashEncoder("other", 16);
		try (PaperSearchEngine e = open(c, "idx", messages, hash, other)) {
			assertTrue(messages.stream().anyMatch(m -> m.contains("other embedding vectors")), messages.toString());
			assertFalse(hits(e, "experts", RankingSettings.defaults().withRankerSpec("dense:other")).isEmpty());
		}
		messages.clear();
		try (PaperSearchEngine e = open(c, "idx", messages, hash, other)) {
			assertTrue(messages.isEmpty(), "current index opened as is: " + messages);
		}
	}

	@Test
	void cancelingTheEmbeddingKeepsThePreviousIndexAndTheCachedVectors() throws IOException {
		MemoryCorpus c = MemoryCorpus.defaultWithoutCitations();
		try (PaperSearchEngine e = open(c, "cancel", new ArrayList<>())) {
			assertTrue(e.documentCount() > 0);
		}
		HashEncoder slow = new HashEncoder("slow", 8);
		assertThrows(CancellationException.class,
				() -> PaperSearchEngine.open(c, dir.resolve("cancel"), m -> {
				}, List.of(slow), dir.resolve("vectors"), new ProgressMonitor() {
					@Override
					public boolean isCanceled() {
						return true;
					}
				}));
		try (PaperSearchEngine e = open(c, "cancel", new ArrayList<>())) {
			assertFalse(hits(e, "experts", RankingSettings.defaults()).isEmpty(), "the lexical index still works");
		}
	}

	@Test
	void fusionArithmetic() {
		ScoreDoc[] bm25 = {new ScoreDoc(1, 10), new ScoreDoc(2, 6), new ScoreDoc(3, 2)};
		ScoreDoc[] dense = {new ScoreDoc(3, 0.9f), new ScoreDoc(4, 0.5f), new ScoreDoc(1, 0.1f)};
		var rrf = FirstStage.fuse(bm25, dense, Retrieval.rrf("m"), 10);
		// doc 1: 1/61 + 1/63, doc 3: 1/63 + 1/61 (tie, lower id first), doc 2: 1/62, doc 4: 1/62
		assertEquals(List.of(1, 3, 2, 4), docs(rrf.docs().scoreDocs));
		assertEquals(1.0 / 61 + 1.0 / 63, rrf.docs().scoreDocs[0].score, 1e-6);
		var convex = FirstStage.fuse(bm25, dense, Retrieval.convex("m", 0.25), 2);
		// normalised bm25: 1 -> 1, 2 -> 0.5, 3 -> 0; dense: 3 -> 1, 4 -> 0.5, 1 -> 0
		// 1: 0.75, 2: 0.375, 3: 0.25, 4: 0.125
		assertEquals(List.of(1, 2), docs(convex.docs().scoreDocs));
		assertEquals(0.75, convex.docs().scoreDocs[0].score, 1e-6);
		assertEquals(4, convex.total());
	}

	@Test
	void threeWayFusionGivesEachDenseListItsShare() {
		ScoreDoc[] bm25 = {new ScoreDoc(1, 10), new ScoreDoc(2, 0)};
		ScoreDoc[] a = {new ScoreDoc(2, 0.9f), new ScoreDoc(1, 0.1f)};
		ScoreDoc[] b = {new ScoreDoc(3, 0.8f), new ScoreDoc(2, 0.4f)};
		var convex = FirstStage.fuse(bm25, List.of(a, b), Retrieval.convex("a+b", 0.5), 10);
		// 1: 0.5·1 + 0.25·0 = 0.5; 2: 0.5·0 + 0.25·1 + 0.25·0 = 0.25; 3: 0.25·1 = 0.25 (tie: lower id first)
		assertEquals(List.of(1, 2, 3), docs(convex.docs().scoreDocs));
		assertEquals(0.5, convex.docs().scoreDocs[0].score, 1e-6);
		assertEquals(0.25, convex.docs().scoreDocs[2].score, 1e-6);
		var rrf = FirstStage.fuse(bm25, List.of(a, b), Retrieval.rrf("a+b"), 10);
		// 2: 1/62 + 1/61 + 1/62 beats 1: 1/61 + 1/62
		assertEquals(List.of(2, 1, 3), docs(rrf.docs().scoreDocs));
	}

	@Test
	void threeWayFusionWithAWeightPerModel() {
		ScoreDoc[] bm25 = {new ScoreDoc(1, 10), new ScoreDoc(2, 0)};
		ScoreDoc[] a = {new ScoreDoc(2, 0.9f), new ScoreDoc(1, 0.1f)};
		ScoreDoc[] b = {new ScoreDoc(3, 0.8f), new ScoreDoc(2, 0.4f)};
		var convex = FirstStage.fuse(bm25, List.of(a, b), Retrieval.parse("convex:a@0.1+b@0.6"), 10);
		// BM25 gets 0.3: 1: 0.3·1 + 0.1·0 = 0.3; 2: 0.3·0 + 0.1·1 + 0.6·0 = 0.1; 3: 0.6·1 = 0.6
		assertEquals(List.of(3, 1, 2), docs(convex.docs().scoreDocs));
		assertEquals(0.6, convex.docs().scoreDocs[0].score, 1e-6);
		assertEquals(0.3, convex.docs().scoreDocs[1].score, 1e-6);
		assertEquals(0.1, convex.docs().scoreDocs[2].score, 1e-6);
		// equal weights written per model rank as the shared weight does
		var shared = FirstStage.fuse(bm25, List.of(a, b), Retrieval.convex("a+b", 0.5), 10);
		var each = FirstStage.fuse(bm25, List.of(a, b), Retrieval.parse("convex:a@0.25+b@0.25"), 10);
		assertEquals(docs(shared.docs().scoreDocs), docs(each.docs().scoreDocs));
	}

	@Test
	void hybridsOfTwoModelsNeedBothIndexed() throws IOException {
		HashEncoder other = new HashEncoder("other", 32);
		try (PaperSearchEngine e = open(MemoryCorpus.defaultWithoutCitations(), "two", new ArrayList<>(), hash,
				other)) {
			List<SearchHit> h = hits(e, "expert routing", RankingSettings.defaults().withRankerSpec("rrf:hash+other"));
			assertFalse(h.isEmpty());
			String first = h.get(0).explanation().details().get(0);
			assertTrue(first.contains("(cosine") && first.contains(", hash)") && first.contains(", other)"), first);
		}
		try (PaperSearchEngine e = open(MemoryCorpus.defaultWithoutCitations(), "one", new ArrayList<>(), hash)) {
			SearchResult r = e.search(new SearchRequest("experts", 10,
					RankingSettings.defaults().withRankerSpec("convex:hash+other"), false, false, false));
			assertFalse(r.ok());
			assertTrue(r.error().orElseThrow().message().contains("'other'"));
		}
	}

	private static List<Integer> docs(ScoreDoc[] d) {
		List<Integer> out = new ArrayList<>();
		for (ScoreDoc s : d) {
			out.add(s.doc);
		}
		return out;
	}
}
