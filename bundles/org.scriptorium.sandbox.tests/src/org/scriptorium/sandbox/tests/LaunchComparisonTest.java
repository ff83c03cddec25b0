package org.scriptorium.sandbox.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.scriptorium.sandbox.LaunchComparison;
import org.scriptorium.sandbox.LaunchComparison.Delta;
import org.scriptorium.sandbox.LaunchComparison.Field;

import com.google.gson.JsonParser;

/** Configuration diff by flat JSON paths and metric deltas of two launches. */
class LaunchComparisonTest {

	@Test
	void flattensObjectsAndArraysToPaths() {
		var json = JsonParser.parseString("{\"name\":\"x\",\"strategy\":{\"type\":\"top-p\",\"p\":0.4},"
				+ "\"losses\":[{\"type\":\"entropy\",\"weight\":1e-4}],\"seeds\":[1,2],\"sweep\":{},\"variants\":[]}");
		assertEquals(Map.of("name", "\"x\"", "strategy.type", "\"top-p\"", "strategy.p", "0.4", "losses[0].type",
				"\"entropy\"",
				"losses[0].weight", "0.0001", "seeds[0]", "1", "seeds[1]", "2", "sweep", "{}", "variants", "[]"),
				LaunchComparison.flatten(json));
		assertEquals(List.of("name", "strategy.type", "strategy.p", "losses[0].type", "losses[0].weight", "seeds[0]",
				"seeds[1]", "sweep", "variants"), List.copyOf(LaunchComparison.flatten(json).keySet()), "file order");
	}

	@Test
	void configurationMarksChangedAddedAndRemovedFields() {
		var a = JsonParser.parseString("{\"strategy\":{\"type\":\"top-p\",\"p\":0.4},\"training\":{\"epochs\":2}}");
		var b = JsonParser.parseString("{\"strategy\":{\"type\":\"top-p\",\"p\":0.20},\"seeds\":[3]}");
		List<Field> fields = LaunchComparison.configuration(a, b);
		assertEquals(
				List.of(new Field("strategy.type", "\"top-p\"", "\"top-p\""), new Field("strategy.p", "0.4", "0.2"),
						new Field("training.epochs", "2", null), new Field("seeds[0]", null, "3")),
				fields);
		assertFalse(fields.get(0).changed());
		assertTrue(fields.get(1).changed() && fields.get(2).changed() && fields.get(3).changed());
	}

	@Test
	void metricDeltasAreAbsoluteAndRelativeToTheFirst() {
		List<Delta> d = LaunchComparison.metrics(Map.of("test.accuracy", 0.8, "test.avgK", 2.0, "only.a", 1.0),
				Map.of("test.accuracy", 0.85, "test.avgK", 1.5, "zero", 0.0));
		assertEquals(List.of("only.a", "test.accuracy", "test.avgK", "zero"), d.stream().map(Delta::name).toList());
		assertEquals(0.05, d.get(1).absolute(), 1e-12);
		assertEquals(0.0625, d.get(1).relative(), 1e-12);
		assertEquals(-0.25, d.get(2).relative(), 1e-12);
		assertTrue(Double.isNaN(d.get(0).absolute()) && Double.isNaN(d.get(3).relative()), "missing on one side");
	}
}
