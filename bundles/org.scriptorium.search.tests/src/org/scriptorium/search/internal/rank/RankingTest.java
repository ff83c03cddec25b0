package org.scriptorium.search.internal.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.core.model.Citation;
import org.scriptorium.core.model.Paper;
import org.scriptorium.search.HitExplanation;
import org.scriptorium.search.PaperSearchEngine;
import org.scriptorium.search.ProgressMonitor;
import org.scriptorium.search.Ranker;
import org.scriptorium.search.RankingSettings;
import org.scriptorium.search.SearchHit;
import org.scriptorium.search.SearchRequest;
import org.scriptorium.search.SearchResult;
import org.scriptorium.search.tests.MemoryCorpus;

class RankingTest {

	@TempDir
	Path dir;

	private static final List<String> QUERIES = List.of("mixture of experts routing", "domain adaptation",
			"load balancing loss experts", "retrieval augmented generation", "data selection language models",
			"title:survey", "author:Zhang OR venue:ACL", "expert* year:>=2023", "*:*");

	private static final RankingSettings BM25 = RankingSettings.defaults().withRanker(Ranker.BM25);

	private PaperSearchEngine open(MemoryCorpus c, String name) throws IOException {
		return PaperSearchEngine.open(c, dir.resolve(name), m -> {
		}, ProgressMonitor.NONE);
	}

	private static List<SearchHit> hits(PaperSearchEngine e, String q, RankingSettings s) throws IOException {
		SearchResult r = e.search(new SearchRequest(q, 50, s, false, false, false));
		assertTrue(r.ok(), q);
		return r.hits();
	}

	@Test
	void withoutCitationsCitationAwareRanksExactlyLikeBm25() throws IOException {
		try (PaperSearchEngine e = open(MemoryCorpus.defaultWithoutCitations(), "flat")) {
			for (String q : QUERIES) {
				List<SearchHit> bm25 = hits(e, q, BM25);
				List<SearchHit> citation = hits(e, q, BM25.withRanker(Ranker.CITATION));
				assertFalse(bm25.isEmpty(), q);
				assertEquals(bm25.stream().map(SearchHit::paperId).toList(),
						citation.stream().map(SearchHit::paperId).toList(), q);
				assertEquals(bm25.stream().map(SearchHit::score).toList(),
						citation.stream().map(SearchHit::score).toList(), q);
			}
		}
	}

	@Test
	void zeroCitationWeightsKeepTheBm25OrderOnARealGraph() throws IOException {
		try (PaperSearchEngine e = open(MemoryCorpus.ofDefault(), "graph")) {
			RankingSettings off = BM25.withRanker(Ranker.CITATION).withCitationWeights(0, 0);
			for (String q : QUERIES) {
				assertEquals(hits(e, q, BM25).stream().map(SearchHit::paperId).toList(),
						hits(e, q, off).stream().map(SearchHit::paperId).toList(), q);
			}
		}
	}

	/** Two papers with the same text; only one is cited by the best text hit. Propagation must lift it. */
	@Test
	void propagationLiftsThePaperCitedByTheTopHit() throws IOException {
		Paper top = Paper.builder("top", "Sparse routing of experts").abstractText("routing routing experts").build();
		Paper a = Paper.builder("a", "Gating study one").abstractText("routing in networks").build();
		Paper b = Paper.builder("b", "Gating study two").abstractText("routing in networks").build();
		Paper other = Paper.builder("o", "Unrelated").abstractText("vision transformers").build();
		MemoryCorpus c = new MemoryCorpus("t", List.of(top, a, b, other),
				List.of(new Citation("top", "b", Citation.Kind.REFERENCE_LIST)));
		try (PaperSearchEngine e = open(c, "lift")) {
			List<String> bm25 = hits(e, "routing", BM25).stream().map(SearchHit::paperId)
					.toList();
			assertEquals(List.of("top", "a", "b"), bm25, "equal text scores keep index order");
			RankingSettings cit = BM25.withRanker(Ranker.CITATION).withCitationWeights(0, 0.2);
			List<SearchHit> ranked = hits(e, "routing", cit);
			assertEquals(List.of("top", "b", "a"), ranked.stream().map(SearchHit::paperId).toList());
			// per-query switch: the same engine still ranks plain BM25 on request
			assertEquals(bm25, hits(e, "routing", BM25).stream().map(SearchHit::paperId)
					.toList());
		}
	}

	@Test
	void priorLiftsTheCitedPaperAmongEqualTexts() throws IOException {
		Paper a = Paper.builder("a", "Routing one").abstractText("experts").build();
		Paper b = Paper.builder("b", "Routing two").abstractText("experts").build();
		Paper c1 = Paper.builder("c1", "Citer").abstractText("vision").build();
		Paper c2 = Paper.builder("c2", "Citer two").abstractText("vision").build();
		MemoryCorpus c = new MemoryCorpus("t", List.of(a, b, c1, c2), List.of(
				new Citation("c1", "b", Citation.Kind.REFERENCE_LIST),
				new Citation("c2", "b", Citation.Kind.SURVEY_LIST)));
		try (PaperSearchEngine e = open(c, "prior")) {
			RankingSettings prior = BM25.withRanker(Ranker.CITATION).withCitationWeights(0.1, 0);
			List<SearchHit> ranked = hits(e, "routing experts", prior);
			assertEquals(List.of("b", "a"), ranked.stream().map(SearchHit::paperId).toList());
			assertTrue(ranked.get(0).score() > ranked.get(1).score());
		}
	}

	@Test
	void onlyTheCandidatesAreReorderedTheTailKeepsTheTextOrder() throws IOException {
		try (PaperSearchEngine e = open(MemoryCorpus.ofDefault(), "tail")) {
			RankingSettings cit = RankingSettings.defaults();
			assertEquals(Ranker.CITATION, cit.ranker());
			int n = cit.candidates();
			SearchResult text = e.search(new SearchRequest("experts", 200, BM25, false, false, false));
			SearchResult fused = e.search(new SearchRequest("experts", 200, cit, false, false, false));
			List<String> a = text.hits().stream().map(SearchHit::paperId).toList();
			List<String> b = fused.hits().stream().map(SearchHit::paperId).toList();
			assertEquals(a.size(), b.size());
			assertTrue(a.size() > n + 20, "enough matches to have a tail");
			assertEquals(new java.util.HashSet<>(a.subList(0, n)), new java.util.HashSet<>(b.subList(0, n)));
			assertNotEquals(a.subList(0, n), b.subList(0, n), "the graph reorders the candidates");
			assertEquals(a.subList(n, a.size()), b.subList(n, b.size()));
			for (int i = 1; i < b.size(); i++) {
				assertTrue(fused.hits().get(i - 1).score() >= fused.hits().get(i).score(), "scores descend");
			}
		}
	}

	@Test
	void explanationsAddUp() throws IOException {
		try (PaperSearchEngine e = open(MemoryCorpus.ofDefault(), "explain")) {
			RankingSettings cit = BM25.withRanker(Ranker.CITATION);
			SearchResult r = e.search(new SearchRequest("mixture of experts routing", 10, cit, true, false, false));
			assertEquals(10, r.hits().size());
			boolean sawGraph = false;
			for (SearchHit h : r.hits()) {
				HitExplanation x = h.explanation();
				double fields = x.fieldContributions().values().stream().mapToDouble(Double::doubleValue).sum();
				assertEquals(x.textScore(), fields, 1e-4, "BM25 = sum of field contributions");
				assertEquals(h.score(), x.finalScore(), 1e-12);
				double best = r.hits().stream().mapToDouble(y -> y.explanation().textScore()).max().orElseThrow();
				assertTrue(x.textScore() <= best + 1e-9);
				assertTrue(x.prior() >= 0 && x.graph() >= 0);
				assertTrue(x.fieldContributions().containsKey("contents"));
				sawGraph |= x.graph() > 0;
				assertTrue(x.details().stream().anyMatch(l -> l.startsWith("BM25 contents")));
			}
			assertTrue(sawGraph, "some top hit is linked to another top hit in the default corpus");

			RankingSettings multi = BM25.withMultifield(true, 2f, 1f);
			SearchHit h = e.search(new SearchRequest("mixture experts", 1, multi, true, false, false)).hits().get(0);
			Map<String, Double> f = h.explanation().fieldContributions();
			assertTrue(f.containsKey("title") && f.containsKey("abstract"), f.toString());
			assertEquals(h.score(), f.get("title") + f.get("abstract"), 1e-4);
			assertEquals(0, h.explanation().graph());
		}
	}

	@Test
	void bm25ParametersChangeScores() throws IOException {
		try (PaperSearchEngine e = open(MemoryCorpus.ofDefault(), "params")) {
			double anserini = hits(e, "experts", BM25).get(0).score();
			double lucene = hits(e, "experts", BM25.withBm25(1.2f, 0.75f)).get(0).score();
			assertNotEquals(anserini, lucene);
			assertEquals(0.9f, RankingSettings.defaults().k1());
			assertEquals(0.4f, RankingSettings.defaults().b());
			assertEquals(Ranker.CITATION, RankingSettings.defaults().ranker(), "the best-evaluated ranker");
		}
	}
}
