package org.scriptorium.cite.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.scriptorium.cite.internal.check.CiteCheck;

/** {@code org.scriptorium.cite.check}, which the install test runs in the installed Eclipse. */
class CiteCheckTest {

	@Test
	void everyStyleFormatsTheBuiltInCorpus() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = CiteCheck.run(new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		String printed = out.toString(StandardCharsets.UTF_8);
		assertEquals(CiteCheck.OK, code, err.toString(StandardCharsets.UTF_8));
		assertEquals("", err.toString(StandardCharsets.UTF_8));
		String[] lines = printed.split("\n");
		assertEquals(6, lines.length, printed);
		assertTrue(lines[0].startsWith("cite check: apa: (Dai et al., 2024) | Dai, D., Deng, C., "), lines[0]);
		assertTrue(lines[1].startsWith("cite check: ieee: [1] | [1] D. Dai et al., \u201cDeepSeekMoE"), lines[1]);
		assertTrue(lines[5].startsWith("cite check: ok: 5 styles, 76 papers each"), lines[5]);
	}
}
