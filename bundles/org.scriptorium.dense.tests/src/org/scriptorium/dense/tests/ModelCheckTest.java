package org.scriptorium.dense.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.scriptorium.dense.internal.check.ModelCheck;

/** The model check the install test runs in the installed product, run here inside the test runtime's OSGi. */
class ModelCheckTest {

	@Test
	void everyBundledModelPassesWithOneLineEach() {
		ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		int code = ModelCheck.run(new String[0], new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		String o = out.toString(StandardCharsets.UTF_8);
		assertEquals(ModelCheck.OK, code, o + err.toString(StandardCharsets.UTF_8));
		assertTrue(o.contains("bge-small") && o.contains("minilm"), o);
		// the two bundled models, one line each (e5-small-v2 was withdrawn: it did not help on cross-validation)
		assertEquals(List.of("bge-small", "minilm"), o.lines().filter(l -> l.contains(": ok: "))
				.map(l -> l.substring("dense check: ".length(), l.indexOf(": ok: "))).toList(), o);
		assertTrue(o.contains("dense check: 2 of 2 models ok"), o);
	}

	@Test
	void anUnknownModelIsAUsageError() {
		ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		int code = ModelCheck.run(new String[]{"no-such-model"}, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		assertEquals(ModelCheck.USAGE, code);
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("no-such-model"),
				err.toString(StandardCharsets.UTF_8));
	}
}
