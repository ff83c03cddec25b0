package org.scriptorium.search.internal.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.search.internal.SearchCore.ScoredId;

class TrecRunTest {

	@TempDir
	Path dir;

	@Test
	void writesTrecEvalsOrderAndReadsItBack() throws IOException {
		Map<String, List<ScoredId>> runs = new LinkedHashMap<>();
		// unordered, a tie (trec_eval breaks ties by docid descending), a duplicate, a tiny score
		runs.put("q2", List.of(new ScoredId("a", 1.5), new ScoredId("c", 2.25), new ScoredId("b", 1.5),
				new ScoredId("a", 1.0), new ScoredId("z", 1.0E-7)));
		runs.put("q1", List.of(new ScoredId("x", 0.1 + 0.2)));
		Path file = dir.resolve("run.txt");
		TrecRun.write(file, runs, "bm25");
		assertEquals(List.of("q2 Q0 c 1 2.25 bm25", "q2 Q0 b 2 1.5 bm25", "q2 Q0 a 3 1.5 bm25",
				"q2 Q0 z 4 1.0e-7 bm25", "q1 Q0 x 1 0.30000000000000004 bm25"),
				Files.readAllLines(file, StandardCharsets.UTF_8));
		Map<String, List<ScoredId>> back = TrecRun.read(file);
		assertEquals(List.of("q2", "q1"), List.copyOf(back.keySet()));
		assertEquals(0.1 + 0.2, back.get("q1").get(0).score(), 0, "scores are written exactly");
		Map<String, Integer> judged = Map.of("b", 2, "z", 1);
		List<ScoredId> once = List.of(new ScoredId("a", 1.5), new ScoredId("c", 2.25), new ScoredId("b", 1.5),
				new ScoredId("z", 1.0E-7));
		assertEquals(Metrics.of(once, judged), Metrics.of(back.get("q2"), judged),
				"the file scores as the run it was written from");
	}

	@Test
	void refusesWhatTrecEvalCannotRead() {
		Map<String, List<ScoredId>> spaced = Map.of("q1", List.of(new ScoredId("Dai et al", 1)));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> TrecRun.write(dir.resolve("r"), spaced, "t"));
		assertTrue(e.getMessage().contains("'Dai et al'"), e.getMessage());
		assertThrows(IllegalArgumentException.class,
				() -> TrecRun.write(dir.resolve("r"), Map.of("q1", List.of(new ScoredId("d", 1))), "my run"));
		assertTrue(Files.notExists(dir.resolve("r")));
	}

	@Test
	void readerNamesTheLineThatBreaksARule() throws IOException {
		for (String[] bad : new String[][]{{"q1 Q0 d1 1 2.0 t\nq1 Q0 d2 2 1.0\n", ":2: expected 6 columns"},
				{"q1 Q0 d1 1 2.0 t\nq1 Q0 d2 3 1.0 t\n", ":2: rank 3 of query q1 should be 2"},
				{"q1 Q0 d1 1 2.0 t\nq1 Q0 d1 2 1.0 t\n", ":2: document d1 appears twice"},
				{"q1 Q0 d1 1 2.0 t\nq1 Q0 d2 2 3.0 t\n", ":2: score 3.0 is higher"},
				{"q1 Q0 d1 one 2.0 t\n", ":1: rank (column 4)"}}) {
			Path f = dir.resolve("bad.txt");
			Files.writeString(f, bad[0], StandardCharsets.UTF_8);
			IOException e = assertThrows(IOException.class, () -> TrecRun.read(f));
			assertTrue(e.getMessage().contains(bad[1]), e.getMessage());
		}
	}
}
