package org.scriptorium.sandbox.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.sandbox.Experiment;
import org.scriptorium.sandbox.RunListener;
import org.scriptorium.sandbox.RunResult;
import org.scriptorium.sandbox.RunSpec;
import org.scriptorium.sandbox.RunStatus;
import org.scriptorium.sandbox.SandboxEvent;
import org.scriptorium.sandbox.SandboxRunner;
import org.scriptorium.sandbox.SweepResult;
import org.scriptorium.sandbox.tests.children.CrashingChild;
import org.scriptorium.sandbox.tests.children.ExitChild;
import org.scriptorium.sandbox.tests.children.GarbageChild;
import org.scriptorium.sandbox.tests.children.HangingChild;
import org.scriptorium.sandbox.tests.children.OomChild;
import org.scriptorium.sandbox.tests.children.PoliteChild;
import org.scriptorium.sandbox.tests.children.ThrowingChild;
import org.scriptorium.tests.common.TinyExperiment;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Every failure mode with a real child JVM; the parent must report it and never hang. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChildRunnerTest {

	@TempDir
	Path tmp;

	private SandboxRunner.Builder runner(Class<?> child) {
		return SandboxRunner.builder().classpath(TestSupport.childClasspath()).childMainClass(child.getName())
				.outputDirectory(tmp).maxHeapMb(64).timeout(Duration.ofSeconds(60)).cancelGrace(Duration.ofSeconds(2));
	}

	private RunResult runOne(SandboxRunner r) {
		Experiment e = TestSupport.parse(TinyExperiment.json("child"));
		RunSpec spec = e.runs().get(0);
		return r.run(e, spec, tmp.resolve(spec.runId()));
	}

	private static JsonObject summary(RunResult r) throws Exception {
		return JsonParser.parseString(Files.readString(r.runDirectory().resolve("summary.json"))).getAsJsonObject();
	}

	@Test
	void realChildSucceedsAndWritesTheRunDirectory() throws Exception {
		List<SandboxEvent> events = new CopyOnWriteArrayList<>();
		RunResult r = runOne(
				runner(org.scriptorium.sandbox.internal.runner.ChildMain.class).listener(events::add).build());
		assertEquals(RunStatus.SUCCEEDED, r.status(), r.message() + " " + r.stderrTail());
		assertEquals(0, r.exitCode());
		assertTrue(r.metrics().get("test.accuracy") > 0.3);
		assertNotNull(r.firstEvent());
		Path dir = r.runDirectory();
		for (String f : List.of("config.json", "env.json", "metrics.jsonl", "summary.json", "metrics.csv",
				"domain_expert_frequency.csv", "per_difficulty.csv")) {
			assertTrue(Files.exists(dir.resolve(f)), f);
		}
		assertTrue(summary(r).get("complete").getAsBoolean());
		assertTrue(Files.readAllLines(dir.resolve("metrics.jsonl")).size() > 10);
		JsonObject env = JsonParser.parseString(Files.readString(dir.resolve("env.json"))).getAsJsonObject();
		assertTrue(env.get("availableProcessors").getAsInt() >= 1);
		assertTrue(events.stream().anyMatch(e -> e.type().equals("progress")));
		assertEquals("started", events.stream().filter(e -> !e.type().equals("stderr")).findFirst().get().type());
	}

	@Test
	void uncaughtExceptionIsContainedWithItsStackTrace() throws Exception {
		RunResult r = runOne(runner(ThrowingChild.class).build());
		assertEquals(RunStatus.FAILED, r.status());
		assertEquals("exit", r.failureKind());
		assertEquals(1, r.exitCode());
		assertTrue(r.message().contains("exited with code 1"), r.message());
		assertTrue(r.stderrTail().stream().anyMatch(l -> l.contains("boom from the test child")));
		assertEquals(1.25, r.metrics().get("train.ce")); // metrics that arrived are kept
		assertFalse(summary(r).get("complete").getAsBoolean());
		assertEquals(2, Files.readAllLines(r.runDirectory().resolve("metrics.jsonl")).size());
	}

	@Test
	void outOfMemoryIsReported() {
		RunResult r = runOne(runner(OomChild.class).maxHeapMb(32).build());
		assertEquals(RunStatus.FAILED, r.status());
		assertEquals("oom", r.failureKind(), r.message());
		assertEquals(0.75, r.metrics().get("train.ce"));
	}

	@Test
	void systemExitBeforeAResultIsAFailure() {
		RunResult r = runOne(runner(ExitChild.class).build());
		assertEquals(RunStatus.FAILED, r.status());
		assertEquals("no-result", r.failureKind());
		assertEquals(0, r.exitCode());
		assertEquals(0.5, r.metrics().get("train.ce"));
	}

	@Test
	void jvmCrashIsReported() {
		RunResult r = runOne(runner(CrashingChild.class).build());
		assertEquals(RunStatus.FAILED, r.status());
		assertEquals("crash", r.failureKind(), r.message() + " " + r.stderrTail());
		assertTrue(r.exitCode() != 0, "exit " + r.exitCode());
		assertEquals(0.5, r.metrics().get("train.ce"));
	}

	@Test
	void hangingChildIsKilledAtTheTimeout() throws Exception {
		RunResult r = runOne(
				runner(HangingChild.class).timeout(Duration.ofSeconds(3)).cancelGrace(Duration.ofSeconds(1))
						.build());
		assertEquals(RunStatus.TIMED_OUT, r.status());
		assertEquals("timeout", r.failureKind());
		assertEquals(0.25, r.metrics().get("train.ce"));
		assertEquals("TIMED_OUT", summary(r).get("status").getAsString());
		assertFalse(summary(r).get("complete").getAsBoolean());
	}

	@Test
	void garbageOutputIsContainedAndCounted() {
		RunResult r = runOne(runner(GarbageChild.class).extraJvmArgs(List.of("-Dgarbage.finish=true")).build());
		assertEquals(RunStatus.SUCCEEDED, r.status(), r.message());
		assertTrue(r.garbageLines() >= 4, "garbage lines " + r.garbageLines());
		assertEquals(0.5, r.metrics().get("test.accuracy"));
		assertTrue(r.stdoutTail().stream().allMatch(l -> l.length() < 3000), "long lines are cut in the tail");
		RunResult noResult = runOne(runner(GarbageChild.class).build());
		assertEquals("no-result", noResult.failureKind());
		assertTrue(noResult.message().contains("not protocol events"), noResult.message());
	}

	@Test
	void cancelAsksPolitelyFirst() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		SandboxRunner r = runner(PoliteChild.class).cancelGrace(Duration.ofSeconds(20)).listener(new RunListener() {
			@Override
			public void onEvent(SandboxEvent e) {
				if (e.type().equals("started")) {
					started.countDown();
				}
			}
		}).build();
		Thread canceller = new Thread(() -> {
			try {
				if (started.await(60, TimeUnit.SECONDS)) {
					r.cancel();
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		});
		canceller.start();
		RunResult res = runOne(r);
		canceller.join();
		assertEquals(RunStatus.CANCELLED, res.status());
		assertEquals(130, res.exitCode()); // it exited by itself after the "cancel" line, not by a signal
	}

	@Test
	void runningSummaryIsMarkedIncompleteUntilTheEnd() throws Exception {
		List<String> seen = new CopyOnWriteArrayList<>();
		Path[] dir = new Path[1];
		SandboxRunner r = runner(HangingChild.class).timeout(Duration.ofSeconds(2)).cancelGrace(Duration.ofMillis(500))
				.listener(e -> {
					if (e.type().equals("started")) {
						try {
							seen.add(Files.readString(dir[0].resolve("summary.json")));
						} catch (java.io.IOException ex) {
							seen.add("unreadable: " + ex);
						}
					}
				}).build();
		Experiment e = TestSupport.parse(TinyExperiment.json("child"));
		RunSpec spec = e.runs().get(0);
		dir[0] = tmp.resolve("interrupted");
		r.run(e, spec, dir[0]);
		assertEquals(1, seen.size());
		JsonObject during = JsonParser.parseString(seen.get(0)).getAsJsonObject();
		assertEquals("RUNNING", during.get("status").getAsString());
		assertFalse(during.get("complete").getAsBoolean());
	}

	@Test
	void externalCommandsNeedExplicitPermission() throws Exception {
		String javaBin = SandboxRunner.currentJava().toString();
		String cp = String.join(java.io.File.pathSeparator,
				TestSupport.childClasspath().stream().map(Path::toString).toList());
		Experiment e = Experiment
				.parse("{\"name\":\"ext\",\"external\":{\"command\":[" + q(javaBin) + ",\"-Dgarbage.finish=true\","
						+ "\"-cp\"," + q(cp) + "," + q(GarbageChild.class.getName()) + "]}}", "ext.moe.json");
		RunSpec spec = e.runs().get(0);
		RunResult refused = SandboxRunner.builder().outputDirectory(tmp).build().run(e, spec, tmp.resolve("refused"));
		assertEquals(RunStatus.FAILED, refused.status());
		assertEquals("external-not-allowed", refused.failureKind());
		assertNull(refused.exitCode()); // nothing was started
		assertFalse(Files.exists(tmp.resolve("refused").resolve("stderr.log")));
		RunResult allowed = SandboxRunner.builder().outputDirectory(tmp).allowExternal(true).build().run(e, spec,
				tmp.resolve("allowed"));
		assertEquals(RunStatus.SUCCEEDED, allowed.status(), allowed.message() + allowed.stderrTail());
	}

	@Test
	void sweepRunsChildrenInParallelAndWritesOneTable() throws Exception {
		Experiment e = TestSupport.parse(TinyExperiment.json("sweep")).withOverrides(
				java.util.Map.of("seeds", "[1, 2]", "sweep", "{\"strategy.k\": [1, 2]}"));
		SweepResult s = runner(org.scriptorium.sandbox.internal.runner.ChildMain.class).parallelism(2).build()
				.runAll(e);
		assertTrue(s.allSucceeded(), s.table());
		assertEquals(4, s.runs().size());
		List<String> lines = Files.readAllLines(s.directory().resolve("summary.csv"));
		assertEquals(5, lines.size());
		assertTrue(lines.get(0).startsWith("run,seed,strategy.k,status"));
		assertEquals(3, Files.readAllLines(s.directory().resolve("aggregate.csv")).size());
		assertTrue(Files.exists(s.directory().resolve("p0001-s2").resolve("summary.json")));
	}

	private static String q(String s) {
		return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}
}
