package org.scriptorium.sandbox.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.sandbox.Experiment;
import org.scriptorium.sandbox.ExperimentException;
import org.scriptorium.sandbox.Problem;
import org.scriptorium.sandbox.RunResult;
import org.scriptorium.sandbox.RunStatus;
import org.scriptorium.sandbox.SandboxRunner;

/** Experiments with a {@code task} section (retrieval routing, issue 8): validation and the child's side. */
class TaskExperimentTest {

	private static final String VALID = """
			{
			  "name": "routing",
			  "task": {
			    "kind": "retrieval-routing",
			    "dataDir": "data",
			    "corpus": "corpus.jsonl",
			    "queries": "queries.jsonl",
			    "qrels": "qrels/train.tsv",
			    "experts": ["bm25", "minilm"]
			  }
			}
			""";

	private static List<Problem> problems(String json) {
		return assertThrows(ExperimentException.class, () -> Experiment.parse(json, "r.moe.json")).problems();
	}

	private static Problem find(List<Problem> ps, String path) {
		return ps.stream().filter(p -> p.path().equals(path)).findFirst()
				.orElseThrow(() -> new AssertionError("no problem at " + path + " in " + ps));
	}

	@Test
	void aValidTaskHasDefaultSummaryColumnsForEveryExpertAndRouter() throws Exception {
		Experiment e = Experiment.parse(VALID, "r.moe.json");
		assertTrue(e.isTask());
		assertEquals(List.of("test.ndcg10.bm25", "test.ndcg10.minilm", "test.ndcg10.best-single", "test.ndcg10.fusion",
				"test.ndcg10.classifier", "test.ndcg10.pilot", "test.ndcg10.oracle"), e.summaryMetrics());
	}

	@Test
	void reportsEveryTaskProblemWithItsPathAndPosition() {
		String json = """
				{
				  "name": "routing",
				  "strategy": { "type": "top-k" },
				  "task": {
				    "kind": "retrieval-routing",
				    "corpus": "corpus.jsonl",
				    "qrels": "",
				    "experts": ["bm25", "bm25", "BGE"],
				    "routers": ["pilot", "knn"],
				    "testQueries": "test.jsonl",
				    "folds": 1,
				    "baseEncodr": "minilm"
				  }
				}
				""";
		List<Problem> ps = problems(json);
		assertTrue(find(ps, "strategy").message().contains("does not apply to a task experiment"));
		assertTrue(find(ps, "task").message().contains("task.queries is required"), ps.toString());
		assertTrue(ps.stream().anyMatch(p -> p.message().contains("task.testQrels is required with task.testQueries")),
				ps.toString());
		assertTrue(find(ps, "task.qrels").message().contains("must name a file"));
		assertTrue(find(ps, "task.experts[1]").message().contains("listed twice"));
		assertTrue(find(ps, "task.experts[2]").message().contains("dense model id"));
		Problem router = find(ps, "task.routers[1]");
		assertEquals(
				"r.moe.json: task.routers[1] must be one of best-single, fusion, classifier, pilot, oracle, got \"knn\" (line 9, col 27)",
				router.toString());
		assertTrue(find(ps, "task.folds").message().contains("only applies without test files"), ps.toString());
		assertTrue(find(ps, "task.baseEncodr").message().contains("did you mean \"baseEncoder\""));
	}

	@Test
	void aSingleExpertOrAnUnknownKindIsRefused() {
		assertTrue(find(problems(VALID.replace("[\"bm25\", \"minilm\"]", "[\"bm25\"]")), "task.experts").message()
				.contains("at least two experts"));
		assertTrue(find(problems(VALID.replace("retrieval-routing", "image-routing")), "task.kind").message()
				.contains("must be one of retrieval-routing"));
		assertTrue(find(problems(VALID.replace("\"kind\": \"retrieval-routing\",", "")), "task").message()
				.contains("task.kind is required"));
	}

	@Test
	void relativeDataPathsAreResolvedAgainstTheExperimentFile(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("sub/r.moe.json");
		Files.createDirectories(file.getParent());
		Files.writeString(file, VALID, StandardCharsets.UTF_8);
		Experiment e = Experiment.load(file);
		assertEquals(dir.resolve("sub/data").toAbsolutePath().normalize().toString(),
				e.runs().get(0).config().getAsJsonObject("task").get("dataDir").getAsString());
		Experiment absolute = e.withOverrides(java.util.Map.of("task.dataDir", "\"/srv/beir/scifact\""));
		assertEquals(Path.of("/srv/beir/scifact").toAbsolutePath().toString(),
				absolute.runs().get(0).config().getAsJsonObject("task").get("dataDir").getAsString());
	}

	@Test
	void theRetrievalExampleIsValid() throws Exception {
		Experiment e = TestSupport.example("e8-router-retriever-scifact");
		assertEquals("e8-router-retriever-scifact", e.name());
		assertTrue(e.isTask());
		assertTrue(e.expected().length() > 40, "states its expected outcome");
		assertEquals(8, e.summaryMetrics().size());
	}

	/** Without the dense bundle on the child's class path, the run fails with a sentence saying what is missing. */
	@Test
	void aTaskWithoutAProviderFailsTheRunWithAClearMessage(@TempDir Path dir) throws Exception {
		Experiment e = Experiment.parse(VALID, "r.moe.json");
		RunResult r = SandboxRunner.builder().classpath(TestSupport.childClasspath()).outputDirectory(dir)
				.timeout(Duration.ofMinutes(1)).build().runAll(e).runs().get(0);
		assertEquals(RunStatus.FAILED, r.status());
		assertEquals("invalid-config", r.failureKind());
		assertTrue(r.message().contains("no implementation of task kind \"retrieval-routing\""), r.message());
		assertTrue(r.message().contains("org.scriptorium.dense"), r.message());
	}
}
