package org.scriptorium.search.internal.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.search.IndexMessages;
import org.scriptorium.search.ProgressMonitor;
import org.scriptorium.search.Ranker;
import org.scriptorium.search.RankingSettings;
import org.scriptorium.search.internal.SearchCore;
import org.scriptorium.search.internal.index.DenseVectors;
import org.scriptorium.search.tests.Fixtures;
import org.scriptorium.tests.common.search.HashEncoder;

class EvaluatorTest {

	@TempDir
	Path dir;

	@Test
	void readsBeirAndDropsTheQueryItself() throws IOException {
		Fixtures.beirTiny(dir);
		ICorpus corpus = BeirData.corpus(dir.resolve("corpus.jsonl"));
		assertEquals(7, corpus.size());
		assertEquals("", corpus.find("d7").orElseThrow().title());
		List<BeirData.BeirQuery> queries = BeirData.queries(dir.resolve("queries.jsonl"));
		Map<String, Map<String, Integer>> qrels = BeirData.qrels(dir.resolve("qrels.tsv"));
		assertEquals(Map.of("d1", 2, "d3", 1), qrels.get("q1"));
		try (SearchCore core = SearchCore.open(corpus, dir.resolve("index"), true, IndexMessages.LOG,
				ProgressMonitor.NONE)) {
			// the corpus document q3 repeats query q3 and ranks first for it ...
			assertEquals("q3", core.searchFreeText(queries.get(2).text(), 10, RankingSettings.defaults()).get(0).id());
			for (Ranker r : Ranker.values()) {
				Evaluator.Report rep = Evaluator.evaluate(core, queries, qrels,
						RankingSettings.defaults().withRanker(r),
						ProgressMonitor.NONE);
				// ... but is dropped: q2 and q3 rank their relevant documents first (nDCG 1); for q1 the
				// unjudged q3 comes between d1 (grade 2) and d3 (grade 1)
				assertEquals(3, rep.queries(), "q4 has no judgments");
				double q1 = (2 + 1 / log2(4)) / (2 + 1 / log2(3));
				assertEquals((q1 + 1 + 1) / 3, rep.mean().ndcg10(), 1e-9, r.name());
				assertEquals(1.0, rep.mean().mrr10(), 1e-9);
				assertEquals(1.0, rep.mean().recall100(), 1e-9);
			}
		}
	}

	@Test
	void severalRankingsEmbedEachQueryOncePerModelAndScoreAsEachAlone() throws IOException {
		Fixtures.beirTiny(dir);
		ICorpus corpus = BeirData.corpus(dir.resolve("corpus.jsonl"));
		List<BeirData.BeirQuery> queries = BeirData.queries(dir.resolve("queries.jsonl"));
		Map<String, Map<String, Integer>> qrels = BeirData.qrels(dir.resolve("qrels.tsv"));
		HashEncoder hash = new HashEncoder("h", 64);
		DenseVectors dense = DenseVectors.of(List.of(hash), dir.resolve("vectors"), IndexMessages.LOG);
		List<RankingSettings> grid = List.of("dense:h", "convex:h@0.5", "bm25", "convex:h@0.7").stream()
				.map(RankingSettings.defaults()::withRankerSpec).toList();
		List<Evaluator.Report> all = Evaluator.evaluateAll(corpus, dir.resolve("index"), dense, queries, qrels, grid,
				IndexMessages.LOG, ProgressMonitor.NONE);
		// three judged queries (q4 has no judgments), each embedded once for the three rankings that use the model
		assertEquals(List.of(queries.get(0).text(), queries.get(1).text(), queries.get(2).text()), hash.queried());
		for (int i = 0; i < grid.size(); i++) {
			Evaluator.Report alone = Evaluator.evaluate(corpus, dir.resolve("index"), dense, queries, qrels,
					grid.get(i), IndexMessages.LOG, ProgressMonitor.NONE);
			assertEquals(alone.runs(), all.get(i).runs(), grid.get(i).rankerSpec());
			assertEquals(alone.perQuery(), all.get(i).perQuery(), grid.get(i).rankerSpec());
		}
		assertEquals(3 + 3 * 3, hash.queried().size(), "each ranking alone embeds its queries again");
	}

	private static double log2(double x) {
		return Math.log(x) / Math.log(2);
	}

	@Test
	void gzippedCorpusReadsTheSame() throws IOException {
		Fixtures.beirTiny(dir);
		Path gz = dir.resolve("corpus.jsonl.gz");
		try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
			out.write(Files.readAllBytes(dir.resolve("corpus.jsonl")));
		}
		assertEquals(BeirData.corpus(dir.resolve("corpus.jsonl")).papers(), BeirData.corpus(gz).papers());
	}

	@Test
	void malformedFilesNameTheLine() throws IOException {
		Path bad = dir.resolve("bad.jsonl");
		Files.writeString(bad, "{\"_id\":\"a\",\"text\":\"x\"}\n{broken\n", StandardCharsets.UTF_8);
		BeirData.FormatException e = assertThrows(BeirData.FormatException.class, () -> BeirData.corpus(bad));
		assertTrue(e.getMessage().contains("line 2"), e.getMessage());
		Path noId = dir.resolve("noid.jsonl");
		Files.writeString(noId, "{\"text\":\"x\"}\n", StandardCharsets.UTF_8);
		assertTrue(assertThrows(BeirData.FormatException.class, () -> BeirData.queries(noId)).getMessage()
				.contains("\"_id\""));
		Path qrels = dir.resolve("q.tsv");
		Files.writeString(qrels, "query-id\tcorpus-id\tscore\nq1\td1\thigh\n", StandardCharsets.UTF_8);
		assertTrue(assertThrows(BeirData.FormatException.class, () -> BeirData.qrels(qrels)).getMessage()
				.contains("line 2"));
	}
}
