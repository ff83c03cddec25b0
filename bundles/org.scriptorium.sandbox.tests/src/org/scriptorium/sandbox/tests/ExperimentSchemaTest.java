package org.scriptorium.sandbox.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.scriptorium.sandbox.Experiment;
import org.scriptorium.sandbox.ExperimentException;
import org.scriptorium.sandbox.ExperimentSchema;
import org.scriptorium.sandbox.JsonContext;
import org.scriptorium.sandbox.Problem;
import org.scriptorium.tests.common.TinyExperiment;

/** What the experiment editor's completion and hover rest on, and one problem per cause across sweep points. */
class ExperimentSchemaTest {

	@Test
	void keysAndValuesComeFromTheSchemaForAPlaceOfTheFile() {
		ExperimentSchema schema = ExperimentSchema.get();
		List<String> strategyKeys = schema.keys(List.of("strategy")).stream().map(ExperimentSchema.Key::name).toList();
		assertTrue(strategyKeys.containsAll(List.of("type", "k", "capacityFactor", "p")), strategyKeys.toString());
		ExperimentSchema.Key epochs = schema.key(List.of("training"), "epochs");
		assertEquals("integer", epochs.type());
		assertEquals(">= 1", epochs.range());
		assertEquals("20", epochs.defaultText());
		ExperimentSchema.Key lossType = schema.key(List.of("losses", ExperimentSchema.ITEM), "type");
		assertTrue(lossType.values().containsAll(List.of("switch-balance", "entropy", "z-loss")), lossType.values().toString());
		assertTrue(schema.valueDescription(List.of("strategy"), "type", "top-k").contains("2006.16668"));
		assertTrue(schema.keys(List.of("no-such-section")).isEmpty());
	}

	@Test
	void theContextOfAnOffsetToleratesAFileBeingTyped() {
		String text = "{\n  \"strategy\": { \"type\": \"top-k\", \"c";
		JsonContext key = JsonContext.at(text, text.length());
		assertEquals(List.of("strategy"), key.path());
		assertTrue(key.keyPosition());
		assertEquals("c", key.prefix());
		assertTrue(key.quoted());

		String value = "{ \"losses\": [ { \"type\": \"sw";
		JsonContext v = JsonContext.at(value, value.length());
		assertEquals(List.of("losses", ExperimentSchema.ITEM), v.path());
		assertFalse(v.keyPosition());
		assertEquals("type", v.key());
		assertEquals("sw", v.prefix());
	}

	@Test
	void aProblemOfSeveralSweepPointsIsReportedOnceNamingThem() {
		String json = TinyExperiment.json("sweep").replace("\"epochs\": 2", "\"epochs\": -3")
				.replace("  \"seeds\": [7]\n", "  \"seeds\": [7],\n  \"sweep\": { \"strategy.k\": [1, 2, 3] }\n");
		List<Problem> problems = assertThrows(ExperimentException.class, () -> Experiment.parse(json, "s.moe.json"))
				.problems();
		assertEquals(1, problems.size(), problems.toString());
		assertTrue(problems.get(0).message().endsWith("[all 3 sweep points]"), problems.get(0).message());

		String one = TinyExperiment.json("sweep")
				.replace("  \"seeds\": [7]\n", "  \"seeds\": [7],\n  \"sweep\": { \"strategy.k\": [2, 9] }\n");
		List<Problem> nine = assertThrows(ExperimentException.class, () -> Experiment.parse(one, "s.moe.json"))
				.problems();
		assertEquals(1, nine.size(), nine.toString());
		assertTrue(nine.get(0).message().contains("[sweep point strategy.k=9]"), nine.get(0).message());
	}
}
