package org.scriptorium.search.internal.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.bench.internal.SyntheticPapers;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.search.ProgressMonitor;
import org.scriptorium.search.SearchRequest;
import org.scriptorium.search.tests.ChildJvm;
import org.scriptorium.search.tests.Messages;

/** A child JVM is killed (SIGKILL) in the middle of indexing; the next open recovers from the corpus. */
class KilledIndexerTest {

	private static final int PAPERS = 3000;

	@TempDir
	Path dir;

	/** Runs the child until it announces the stop point, then kills it; returns its output. */
	private List<String> killChildAt(long seed, int stopAfter) throws IOException, InterruptedException {
		Process p = ChildJvm.java(List.of(IndexProcess.class, IndexStore.class, SyntheticPapers.class, ICorpus.class,
				IndexWriter.class, EnglishAnalyzer.class),
				IndexProcess.class.getName(), dir.toString(), Integer.toString(PAPERS), Long.toString(seed),
				Integer.toString(stopAfter)).start();
		List<String> lines = new ArrayList<>();
		try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = r.readLine()) != null) {
				lines.add(line);
				if (line.equals("STOPPED")) {
					p.destroyForcibly();
					break;
				}
			}
		} finally {
			p.destroyForcibly();
			assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child ends");
		}
		assertTrue(lines.contains("STOPPED"), () -> "the child reached its stop point: " + lines);
		return lines;
	}

	@Test
	void killedDuringTheFirstBuild() throws Exception {
		killChildAt(1, PAPERS - 10);
		Messages m = new Messages();
		SyntheticPapers corpus = new SyntheticPapers(PAPERS, 10, 1);
		try (IndexStore s = IndexStore.open(dir, corpus, true, m, ProgressMonitor.NONE)) {
			assertTrue(s.openedState() == IndexStore.State.MISSING || s.openedState() == IndexStore.State.DAMAGED,
					s.openedState().toString());
			assertEquals(PAPERS, s.documentCount());
			assertTrue(m.joined().contains("building") || m.joined().contains("rebuilding"), m.joined());
		}
	}

	@Test
	void killedDuringAnIncrementalUpdate() throws Exception {
		// a complete index of one corpus version ...
		try (IndexStore s = IndexStore.open(dir, new SyntheticPapers(PAPERS, 10, 1), true, new Messages(),
				ProgressMonitor.NONE)) {
			assertEquals(PAPERS, s.documentCount());
		}
		// ... a child updating it to another version is killed near the end of the update
		killChildAt(2, PAPERS - 10);
		SyntheticPapers v2 = new SyntheticPapers(PAPERS, 10, 2);
		Messages m = new Messages();
		try (IndexStore s = IndexStore.open(dir, v2, true, m, ProgressMonitor.NONE)) {
			assertEquals(IndexStore.State.STALE, s.openedState(), "the previous commit survived the kill");
			assertEquals(PAPERS, s.documentCount());
			assertTrue(m.joined().contains("another version"), m.joined());
		}
		try (IndexStore s = IndexStore.open(dir, v2, true, new Messages(), ProgressMonitor.NONE)) {
			assertEquals(IndexStore.State.CURRENT, s.openedState());
		}
		try (var engine = org.scriptorium.search.PaperSearchEngine.open(v2, dir, x -> {
		}, ProgressMonitor.NONE)) {
			String title = v2.papers().get(17).title();
			assertTrue(engine.search(SearchRequest.of("title:(" + title + ")").withLimit(5)).hits().stream()
					.anyMatch(h -> h.paperId().equals(SyntheticPapers.id(17))));
		}
	}
}
