package org.scriptorium.dense.tests.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.launching.internal.ChildCommand;
import org.scriptorium.sandbox.Experiment;
import org.scriptorium.sandbox.RunResult;
import org.scriptorium.sandbox.RunStatus;
import org.scriptorium.sandbox.SandboxRunner;
import org.scriptorium.search.RankingSettings;
import org.scriptorium.search.Ranker;
import org.scriptorium.search.internal.eval.BeirData;
import org.scriptorium.search.internal.eval.Evaluator;

/**
 * The retrieval-routing experiment end to end, as the workbench runs it: an experiment file on a tiny BEIR fixture,
 * the sandbox runner, a child JVM whose class path is computed from the bundle wiring (sandbox, Gson, the dense
 * bundle and everything it is wired to), and the recorded run.
 */
class RoutingExperimentTest {

	private static final List<String> SYSTEMS = List.of("bm25", "minilm", "bge-small", "best-single", "fusion",
			"classifier", "pilot", "oracle");

	private static Path fixture(Path dir) throws IOException {
		Path data = dir.resolve("data");
		Files.createDirectories(data.resolve("qrels"));
		for (String f : List.of("corpus.jsonl", "queries.jsonl", "qrels/train.tsv")) {
			try (InputStream in = RoutingExperimentTest.class.getResourceAsStream("fixture/" + f)) {
				Files.copy(in, data.resolve(f));
			}
		}
		return data;
	}

	private static Path experiment(Path dir, String corpus) throws IOException {
		String json = """
				{
				  "name": "tiny-routing",
				  "task": {
				    "kind": "retrieval-routing",
				    "dataDir": "data",
				    "corpus": "%s",
				    "queries": "queries.jsonl",
				    "qrels": "qrels/train.tsv",
				    "experts": ["bm25", "minilm", "bge-small"],
				    "baseEncoder": "minilm",
				    "folds": 3,
				    "vectorCache": "%s"
				  },
				  "seeds": [4]
				}
				""".formatted(corpus, dir.resolve("vectors").toString().replace("\\", "\\\\"));
		Path file = dir.resolve("tiny.moe.json");
		Files.writeString(file, json, StandardCharsets.UTF_8);
		return file;
	}

	private static RunResult run(Path dir, Path file) throws Exception {
		SandboxRunner runner = SandboxRunner.builder().classpath(ChildCommand.classpath())
				.outputDirectory(dir.resolve("runs")).timeout(Duration.ofMinutes(5)).maxHeapMb(512).build();
		return runner.runAll(Experiment.load(file)).runs().get(0);
	}

	@Test
	void runsInAChildJvmAndReportsEveryExpertAndRouter(@TempDir Path dir) throws Exception {
		Path data = fixture(dir);
		RunResult r = run(dir, experiment(dir, "corpus.jsonl"));

		assertEquals(RunStatus.SUCCEEDED, r.status(), r.message() + "\n" + String.join("\n", r.stderrTail()));
		Map<String, Double> m = r.metrics();
		assertEquals(12.0, m.get("test.queries"), "the query without a judgment is left out");
		for (String s : SYSTEMS) {
			assertTrue(m.containsKey("test.ndcg10." + s), s + " in " + m.keySet());
			assertTrue(m.get("test.ndcg10." + s) <= m.get("test.ndcg10.oracle") + 1e-12, s + " at most the oracle");
		}
		assertEquals(1.0, m.get("test.routingAccuracy.oracle"));
		for (String router : List.of("best-single", "classifier", "pilot", "oracle")) {
			double sum = 0;
			for (String e : List.of("bm25", "minilm", "bge-small")) {
				sum += m.get("test.chosen." + router + "." + e);
			}
			assertEquals(1.0, sum, 1e-9, router + " sends every query somewhere");
		}

		// BM25 in the child equals the search engine's own evaluation of the same data
		Path index = Files.createDirectories(dir.resolve("index"));
		double bm25 = Evaluator.evaluate(BeirData.corpus(data.resolve("corpus.jsonl")), index,
				BeirData.queries(data.resolve("queries.jsonl")), BeirData.qrels(data.resolve("qrels/train.tsv")),
				RankingSettings.defaults().withRanker(Ranker.BM25), msg -> {
				}).mean().ndcg10();
		assertEquals(bm25, m.get("test.ndcg10.bm25"), 1e-12);

		Path runDir = r.runDirectory();
		assertEquals(13, Files.readAllLines(runDir.resolve("per_query.csv")).size(), "header + 12 queries");
		assertTrue(Files.readString(runDir.resolve("chosen_experts.csv")).startsWith("router,bm25,minilm,bge-small\n"));
		assertTrue(Files.readString(runDir.resolve("systems.csv")).contains("\npilot,router,"));
		assertTrue(Files.size(dir.resolve("vectors/minilm.vectors")) > 12 * 384 * 4, "document vectors cached");
		assertTrue(Files.size(dir.resolve("vectors/bge-small.vectors")) > 12 * 384 * 4, "document vectors cached");
	}

	@Test
	void aMissingDataFileFailsTheRunNamingTheField(@TempDir Path dir) throws Exception {
		fixture(dir);
		RunResult r = run(dir, experiment(dir, "no-such-corpus.jsonl"));

		assertEquals(RunStatus.FAILED, r.status());
		assertEquals("invalid-config", r.failureKind());
		assertTrue(r.message().contains("task.corpus") && r.message().contains("no-such-corpus.jsonl"), r.message());
	}
}
