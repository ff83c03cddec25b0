package org.scriptorium.launching.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.scriptorium.launching.internal.EventFormatter;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The Console's readable form of the sandbox events. */
class EventFormatterTest {

	private static JsonObject json(String s) {
		return JsonParser.parseString(s).getAsJsonObject();
	}

	@Test
	void progressShowsEveryTenthOfARunOnce() {
		EventFormatter f = new EventFormatter();
		assertEquals("[s1] 0% (step 1/155)\n", //$NON-NLS-1$
				f.format(json("{\"event\":\"progress\",\"run\":\"s1\",\"step\":1,\"total\":155}"))); //$NON-NLS-1$
		assertEquals("", f.format(json("{\"event\":\"progress\",\"run\":\"s1\",\"step\":2,\"total\":155}"))); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("[s1] 20% (step 31/155)\n", //$NON-NLS-1$
				f.format(json("{\"event\":\"progress\",\"run\":\"s1\",\"step\":31,\"total\":155}"))); //$NON-NLS-1$
		assertEquals("[s2] 0% (step 1/155)\n", //$NON-NLS-1$
				f.format(json("{\"event\":\"progress\",\"run\":\"s2\",\"step\":1,\"total\":155}")), //$NON-NLS-1$
				"each run has its own progress"); //$NON-NLS-1$
	}

	@Test
	void metricsResultsErrorsAndSummaryAreReadable() {
		EventFormatter f = new EventFormatter();
		assertEquals("[s1] step 31  train.ce = 0.9440\n", //$NON-NLS-1$
				f.format(json(
						"{\"event\":\"metric\",\"run\":\"s1\",\"name\":\"train.ce\",\"step\":31,\"value\":0.944}"))); //$NON-NLS-1$
		assertEquals("[s1] result: test.accuracy = 0.8246, test.avgK = 1.580, test.zeroRate = NaN\n", //$NON-NLS-1$
				f.format(json(
						"{\"event\":\"result\",\"run\":\"s1\",\"metrics\":{\"test.accuracy\":0.8246,\"test.avgK\":1.58,\"test.zeroRate\":null}}"))); //$NON-NLS-1$
		assertEquals("[s1] error (oom): out of memory\n", //$NON-NLS-1$
				f.format(json("{\"event\":\"error\",\"run\":\"s1\",\"kind\":\"oom\",\"message\":\"out of memory\"}"))); //$NON-NLS-1$
		assertEquals("launch: 2 run(s), results in /tmp/runs/x/20261128-100000\n", //$NON-NLS-1$
				f.format(json(
						"{\"event\":\"launch\",\"directory\":\"/tmp/runs/x/20261128-100000\",\"runs\":[\"s1\",\"s2\"]}"))); //$NON-NLS-1$
		assertEquals("[s1] info: strategy top-p\n", //$NON-NLS-1$
				f.format(json("{\"event\":\"log\",\"run\":\"s1\",\"level\":\"info\",\"message\":\"strategy top-p\"}"))); //$NON-NLS-1$
		assertEquals("[s1] SUCCEEDED: test.accuracy = 0.5000\n[s2] FAILED (exit code 3)\nresults: /tmp/runs/x\n", //$NON-NLS-1$
				f.format(json("{\"event\":\"summary\",\"directory\":\"/tmp/runs/x\",\"runs\":[" //$NON-NLS-1$
						+ "{\"run\":\"s1\",\"status\":\"SUCCEEDED\",\"message\":\"ok\",\"metrics\":{\"test.accuracy\":0.5}}," //$NON-NLS-1$
						+ "{\"run\":\"s2\",\"status\":\"FAILED\",\"message\":\"exit code 3\"}]}"))); //$NON-NLS-1$
	}
}
