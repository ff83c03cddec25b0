package org.scriptorium.sandbox.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.scriptorium.sandbox.Experiment;
import org.scriptorium.sandbox.ExperimentException;
import org.scriptorium.sandbox.Problem;
import org.scriptorium.sandbox.RunSpec;
import org.scriptorium.tests.common.TinyExperiment;

class ExperimentValidationTest {

	private static List<Problem> problems(String json) {
		ExperimentException e = assertThrows(ExperimentException.class, () -> Experiment.parse(json, "x.moe.json"));
		return e.problems();
	}

	private static Problem find(List<Problem> ps, String path) {
		return ps.stream().filter(p -> p.path().equals(path)).findFirst()
				.orElseThrow(() -> new AssertionError("no problem at " + path + " in " + ps));
	}

	@Test
	void reportsPathValueAndLineColumn() {
		String json = """
				{
				  "name": "bad",
				  "strategy": {
				    "type": "switch",
				    "capacityFactor": -1
				  }
				}
				""";
		Problem p = find(problems(json), "strategy.capacityFactor");
		assertEquals("x.moe.json: strategy.capacityFactor must be > 0, got -1 (line 5, col 23)", p.toString());
		assertEquals(5, p.line());
	}

	@Test
	void reportsEveryProblemIncludingUnknownFields() {
		String json = """
				{
				  "name": "bad",
				  "strategy": { "type": "top-p", "p": 1.5, "k": 2 },
				  "losses": [ { "type": "entropy", "wieght": 1 } ],
				  "training": { "epochs": 0, "lr": "fast" },
				  "colour": "red"
				}
				""";
		List<Problem> ps = problems(json);
		assertTrue(find(ps, "colour").message().contains("not a known field"));
		assertTrue(find(ps, "strategy.k").message().contains("not a known field"));
		assertTrue(find(ps, "strategy.p").message().contains("must be in (0, 1], got 1.5"));
		assertTrue(find(ps, "losses[0].wieght").message().contains("did you mean \"weight\""));
		assertTrue(find(ps, "training.epochs").message().contains("got 0"));
		assertTrue(find(ps, "training.lr").message().contains("must be a number"));
		assertEquals(4, find(ps, "losses[0].wieght").line());
	}

	@Test
	void syntaxErrorsHaveAPosition() {
		List<Problem> ps = problems("{\n  \"name\": \"x\",\n  \"strategy\": { \"type\": \"switch\" ,, }\n}");
		assertEquals(1, ps.size());
		assertEquals(3, ps.get(0).line());
		assertTrue(ps.get(0).message().startsWith("malformed JSON"));
	}

	@Test
	void duplicateKeysAreErrors() {
		Problem p = problems("{\"name\":\"x\",\"name\":\"y\",\"strategy\":{\"type\":\"dense\"}}").get(0);
		assertTrue(p.message().contains("given twice"));
	}

	@Test
	void crossFieldRules() {
		List<Problem> ps = problems("""
				{"name": "x", "model": {"experts": 4},
				 "strategy": {"type": "hash"},
				 "losses": [{"type": "switch-balance", "scope": "global", "balanceSequences": 3},
				            {"type": "load"}],
				 "training": {"sequencesPerMicroBatch": 2}}
				""");
		assertTrue(find(ps, "losses[0].balanceSequences").message()
				.contains("multiple of training.sequencesPerMicroBatch"));
		assertTrue(find(ps, "losses[0].type").message().contains("needs a learned router"));
		assertTrue(ps.stream().anyMatch(p -> p.message().contains("\"load\" needs strategy \"noisy-top-k\"")));
	}

	@Test
	void sweepAndVariantsExpandToRunsInOrder() throws ExperimentException {
		Experiment e = Experiment.parse("""
				{"name": "s", "strategy": {"type": "top-p", "p": 0.4},
				 "seeds": [1, 2],
				 "sweep": {"training.lr": [0.01, 0.02], "training.epochs": [1, 2, 3]},
				 "variants": [{"name": "a", "set": {"model.experts": 4}},
				              {"name": "b", "set": {"strategy": {"type": "switch"}}}]}
				""", "s");
		List<RunSpec> runs = e.runs();
		assertEquals(2 * 2 * 3 * 2, runs.size());
		RunSpec first = runs.get(0);
		assertEquals("p0000-s1", first.runId());
		assertEquals(4, first.config().getAsJsonObject("model").get("experts").getAsInt());
		assertEquals(0.01, first.config().getAsJsonObject("training").get("lr").getAsDouble());
		assertEquals(1, first.config().getAsJsonArray("seeds").get(0).getAsInt());
		assertTrue(!first.config().has("sweep") && !first.config().has("variants"));
		RunSpec last = runs.get(runs.size() - 1);
		assertEquals("switch", last.config().getAsJsonObject("strategy").get("type").getAsString());
		assertEquals(3, last.config().getAsJsonObject("training").get("epochs").getAsInt());
		assertEquals(List.of("variant", "training.lr", "training.epochs"), e.pointColumns());
	}

	@Test
	void invalidSweepValuesPointAtTheSweepEntry() {
		List<Problem> ps = problems("""
				{"name": "s", "strategy": {"type": "top-p"},
				 "sweep": {"strategy.p": [0.3, -2]}}
				""");
		Problem p = find(ps, "strategy.p");
		assertTrue(p.message().contains("got -2"), p.toString());
		assertEquals(2, p.line());
		assertTrue(find(problems("{\"name\":\"s\",\"strategy\":{\"type\":\"dense\"},\"sweep\":{\"seeds\":[1]}}"),
				"sweep.seeds").message().contains("cannot be swept"));
		assertTrue(find(
				problems("{\"name\":\"s\",\"strategy\":{\"type\":\"dense\"},\"sweep\":{\"losses[3].weight\":[1]}}"),
				"sweep.losses[3].weight").message().contains("not present"));
	}

	@Test
	void overridesAreValidated() throws ExperimentException {
		Experiment e = TestSupport.parse(TinyExperiment.json("o"));
		assertEquals(5, e.withOverrides(Map.of("training.epochs", "5")).runs().get(0).config()
				.getAsJsonObject("training").get("epochs").getAsInt());
		ExperimentException ex = assertThrows(ExperimentException.class,
				() -> e.withOverrides(Map.of("training.epochs", "-3")));
		assertTrue(ex.getMessage().contains("training.epochs must be in [1, 100000], got -3"));
	}

	@Test
	void sweepCombinationsThatDoNotFitAVariantAreReported() {
		List<Problem> ps = problems("""
				{"name": "s", "strategy": {"type": "top-p"},
				 "sweep": {"strategy.p": [0.2]},
				 "variants": [{"name": "b", "set": {"strategy": {"type": "switch"}}}]}
				""");
		assertTrue(find(ps, "strategy.p").message().contains("not a known field"));
	}

	@Test
	void externalCommandMustBeAListOfStrings() {
		assertTrue(find(problems("{\"name\":\"e\",\"external\":{\"command\":\"python x.py\"}}"), "external.command")
				.message().contains("non-empty array"));
	}

	@Test
	void shippedExamplesAreValid() throws Exception {
		for (String f : List.of("e1-topk-vs-topp", "e2-micro-vs-global-lbl", "e3-capacity-routers", "e4-thor",
				"e5-deepseek-shared")) {
			Experiment e = TestSupport.example(f);
			assertEquals(f, e.name());
			assertTrue(e.expected().length() > 40, f + " states its expected outcome");
			assertTrue(e.runs().size() >= 5, f);
		}
	}
}
