package org.scriptorium.sandbox.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.sandbox.Experiment;
import org.scriptorium.sandbox.RunDirectory;
import org.scriptorium.sandbox.RunResult;
import org.scriptorium.sandbox.RunStatus;
import org.scriptorium.sandbox.SandboxEvent;
import org.scriptorium.sandbox.SandboxRunner;
import org.scriptorium.sandbox.SweepResult;
import org.scriptorium.tests.common.TinyExperiment;

/**
 * The runs of a sweep share worker JVMs: a run in a worker gives the same bits as the same run in a child of its own,
 * whatever ran before it in that JVM; a worker killed during a run fails that run only (recorded as a crash with its
 * signal), and the next runs go to a fresh worker.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SharedWorkerTest {

	@TempDir
	Path tmp;

	/** Four routing methods of different kinds (their state must not leak from one run to the next) times 2 seeds. */
	private static Experiment mixedSweep() {
		return TestSupport.parse(TinyExperiment.json("mixed").replace("  \"seeds\": [7]\n", """
				  "seeds": [1, 2],
				  "variants": [
				    { "name": "top2", "set": { "strategy.k": 2 } },
				    { "name": "top-p", "set": { "strategy": { "type": "top-p", "p": 0.5 }, "losses": [ { "type": "entropy" } ] } },
				    { "name": "thor", "set": { "strategy": { "type": "thor", "inference": "per-example" }, "losses": [ { "type": "consistency", "weight": 2 } ] } },
				    { "name": "noisy", "set": { "strategy": { "type": "noisy-top-k", "k": 2 }, "losses": [ { "type": "importance" }, { "type": "load" } ] } }
				  ]
				"""));
	}

	private SandboxRunner.Builder runner(String out, boolean shared, int parallel) {
		return SandboxRunner.builder().classpath(TestSupport.childClasspath()).outputDirectory(tmp.resolve(out))
				.maxHeapMb(128).timeout(Duration.ofSeconds(120)).parallelism(parallel).sharedChildren(shared);
	}

	/** The process id of each run, from its {@code started} event. */
	private static Map<String, Long> pids(List<SandboxEvent> events) {
		Map<String, Long> pids = new HashMap<>();
		for (SandboxEvent e : events) {
			if ("started".equals(e.type())) {
				pids.put(e.runId(), e.data().get("pid").getAsLong());
			}
		}
		return pids;
	}

	@Test
	void aRunInASharedWorkerGivesTheBitsOfTheRunAlone() throws Exception {
		Experiment e = mixedSweep();
		List<SandboxEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
		SweepResult shared = runner("shared", true, 1).listener(events::add).build().runAll(e);
		SweepResult alone = runner("alone", false, 2).build().runAll(e);
		assertEquals(8, shared.runs().size());
		assertEquals(1, new HashSet<>(pids(events).values()).size(),
				"one worker JVM ran the 8 runs one after another: " + pids(events));
		for (int i = 0; i < 8; i++) {
			RunResult s = shared.runs().get(i);
			RunResult a = alone.runs().get(i);
			assertEquals(RunStatus.SUCCEEDED, s.status(), s.runId() + ": " + s.message() + " " + s.stderrTail());
			assertEquals(RunStatus.SUCCEEDED, a.status(), a.runId() + ": " + a.message() + " " + a.stderrTail());
			assertEquals(a.runId(), s.runId());
			assertEquals(a.metrics().keySet(), s.metrics().keySet(), s.runId());
			for (String k : a.metrics().keySet()) {
				assertEquals(Double.doubleToLongBits(a.metrics().get(k)), Double.doubleToLongBits(s.metrics().get(k)),
						s.runId() + " " + k);
			}
			// each run keeps its own folder with its artifacts and metrics
			RunDirectory d = new RunDirectory(s.runDirectory());
			assertTrue(Files.isRegularFile(d.file(RunDirectory.METRICS_LOG)), s.runId());
			assertTrue(Files.isRegularFile(s.runDirectory().resolve("per_difficulty.csv")), s.runId());
		}
		assertNotEquals(shared.runs().get(0).metrics().get("test.loss"), shared.runs().get(1).metrics().get("test.loss"));
	}

	@Test
	void aWorkerKilledDuringARunFailsThatRunOnlyAndTheNextRunsGetAFreshOne() throws Exception {
		// top1, a run that would train for minutes, top2: one worker, one after another
		Experiment e = TestSupport.parse(TinyExperiment.json("crash").replace("  \"seeds\": [7]\n", """
				  "seeds": [1],
				  "variants": [
				    { "name": "top1", "set": { "strategy.k": 1 } },
				    { "name": "long", "set": { "training.epochs": 100000 } },
				    { "name": "top2", "set": { "strategy.k": 2 } }
				  ]
				"""));
		Map<String, Long> pids = new ConcurrentHashMap<>();
		Set<String> killed = ConcurrentHashMap.newKeySet();
		SweepResult r = runner("crash", true, 1).listener(ev -> {
			if ("started".equals(ev.type())) {
				pids.put(ev.runId(), ev.data().get("pid").getAsLong());
			}
			// the long run has trained an epoch: kill its JVM as a crash would end it
			if (ev.runId().equals("p0001-s1") && "metric".equals(ev.type()) && killed.add(ev.runId())) {
				ProcessHandle.of(pids.get(ev.runId())).ifPresent(ProcessHandle::destroyForcibly);
			}
		}).build().runAll(e);
		RunResult first = r.runs().get(0);
		RunResult crashed = r.runs().get(1);
		RunResult last = r.runs().get(2);
		assertEquals(RunStatus.SUCCEEDED, first.status(), first.message());
		assertEquals(RunStatus.FAILED, crashed.status(), crashed.message());
		assertEquals("crash", crashed.failureKind(), crashed.message());
		assertTrue(crashed.message().contains("signal 9"), crashed.message());
		assertTrue(crashed.metrics().containsKey("train.ce"), "the partial metrics stay: " + crashed.metrics());
		assertEquals(RunStatus.SUCCEEDED, last.status(), last.message() + " " + last.stderrTail());
		assertEquals(pids.get("p0000-s1"), pids.get("p0001-s1"), "the first two runs shared a worker: " + pids);
		assertNotEquals(pids.get("p0001-s1"), pids.get("p0002-s1"), "the run after the crash got a fresh one: " + pids);
	}

	@Test
	void aWorkerThatRanOutOfMemoryEndsAndTheNextRunGetsAFreshOne() throws Exception {
		Experiment e = TestSupport.parse(TinyExperiment.json("oom").replace("  \"seeds\": [7]\n", """
				  "seeds": [1],
				  "variants": [
				    { "name": "huge", "set": { "data.train": 5000000 } },
				    { "name": "tiny", "set": { "strategy.k": 1 } }
				  ]
				"""));
		List<SandboxEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
		SweepResult r = runner("oom", true, 1).maxHeapMb(64).listener(events::add).build().runAll(e);
		RunResult huge = r.runs().get(0);
		RunResult tiny = r.runs().get(1);
		assertEquals(RunStatus.FAILED, huge.status(), huge.message());
		assertEquals("oom", huge.failureKind(), huge.message());
		assertEquals(RunStatus.SUCCEEDED, tiny.status(), tiny.message() + " " + tiny.stderrTail());
		Map<String, Long> pids = pids(events);
		assertNotEquals(pids.get("p0000-s1"), pids.get("p0001-s1"), "a fresh worker after the OOM: " + pids);
	}
}
