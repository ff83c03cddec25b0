package org.scriptorium.sandbox.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.sandbox.Experiment;
import org.scriptorium.sandbox.LaunchDirectory;
import org.scriptorium.sandbox.RunDirectory;
import org.scriptorium.sandbox.RunResult;
import org.scriptorium.sandbox.RunSpec;
import org.scriptorium.sandbox.RunStatus;
import org.scriptorium.tests.common.TinyExperiment;

/** What the runner writes into a launch and its runs is what the readers get back, through the same two types. */
class RunDirectoryTest {

	@TempDir
	Path tmp;

	private static RunResult result(RunSpec spec, Path dir, RunStatus status, Map<String, Double> metrics) {
		return new RunResult(spec.runId(), spec.seed(), spec.point(), status,
				status == RunStatus.SUCCEEDED ? null : "exit",
				status == RunStatus.SUCCEEDED ? "finished" : "exited with code 3",
				status == RunStatus.SUCCEEDED ? 0 : 3,
				metrics, 12, 1, List.of("out"), List.of("warning: slow", "done"), dir, Duration.ofMillis(1500),
				Duration.ofMillis(40));
	}

	@Test
	void aRunReadsBackWhatTheRunnerWrote() throws Exception {
		Experiment e = TestSupport.parse(TinyExperiment.json("rd"));
		RunSpec spec = e.runs().get(0);
		RunDirectory run = new RunDirectory(tmp.resolve(spec.runId()));
		Files.createDirectories(run.path());
		run.writeConfig(spec.config());
		run.writeRunningSummary(spec);
		assertNull(run.recorded(spec), "a run that says RUNNING has not recorded its end");
		try (BufferedWriter log = run.openMetricsLog()) {
			log.write("{\"event\":\"metric\",\"name\":\"train.ce\",\"step\":1,\"value\":1.5}\n");
			log.write("{\"event\":\"metric\",\"name\":\"train.avgK\",\"step\":1,\"value\":null}\n");
			log.write("{\"event\":\"metric\",\"name\":\"train.ce\",\"step\":2,\"value\":1.25}\n");
			log.write("{\"event\":\"metric\",\"na"); // cut by a kill
		}
		try (BufferedWriter err = run.openStderrLog()) {
			err.write("loading\n\nstep 2\n");
		}
		run.writeArtifact(RunDirectory.DOMAIN_EXPERT_FREQUENCY, "domain,e0,e1\n0,0.75,0.25\n1,0.5,0.5\n");

		assertEquals(spec.config(), run.config());
		Map<String, Double> last = run.lastMetrics();
		assertEquals(1.25, last.get("train.ce"));
		assertTrue(last.get("train.avgK").isNaN());
		List<double[]> curve = run.curve("train.ce");
		assertEquals(2, curve.size());
		assertArrayEquals(new double[]{2, 1.25}, curve.get(1));
		assertEquals(List.of("loading", "", "step 2"), run.stderrLines());
		assertArrayEquals(new double[]{0.5, 0.5}, run.domainExpertFrequency()[1]);

		Map<String, Double> metrics = new LinkedHashMap<>();
		metrics.put("test.accuracy", 0.8125);
		metrics.put("test.avgK", Double.NaN);
		RunResult written = result(spec, run.path(), RunStatus.FAILED, metrics);
		run.writeRecord(written);
		RunResult read = run.recorded(spec);
		assertEquals(RunStatus.FAILED, read.status());
		assertEquals("exit", read.failureKind());
		assertEquals("exited with code 3", read.message());
		assertEquals(3, read.exitCode());
		assertEquals(12, read.events());
		assertEquals(0.8125, read.metrics().get("test.accuracy"));
		assertTrue(read.metrics().get("test.avgK").isNaN(), "a metric without a value stays known, as NaN");
		assertEquals(List.of("warning: slow", "done"), read.stderrTail());
		assertEquals(Duration.ofMillis(1500), read.wallTime());
		assertTrue(
				Files.readString(run.file(RunDirectory.METRICS_CSV)).startsWith("metric,value\ntest.accuracy,0.8125"));

		Files.writeString(run.file(RunDirectory.SUMMARY), "{\"runId\":\"p0000-s7\",\"sta");
		assertNull(run.recorded(spec), "a summary cut by a kill counts as not recorded");
	}

	@Test
	void artifactsCannotTakeTheRunsOwnFileNames() throws IOException {
		RunDirectory run = new RunDirectory(tmp.resolve("s1"));
		for (String name : List.of(RunDirectory.CONFIG, RunDirectory.ENVIRONMENT, RunDirectory.SUMMARY,
				RunDirectory.METRICS_LOG, RunDirectory.METRICS_CSV, RunDirectory.STDERR_LOG, "../x.csv", ".hidden",
				"a/b.csv", "")) {
			assertFalse(RunDirectory.isArtifactName(name), name);
		}
		assertTrue(RunDirectory.isArtifactName("per_difficulty.csv"));
		assertThrows(IllegalArgumentException.class, () -> run.writeArtifact(RunDirectory.SUMMARY, "{}"));
		assertFalse(Files.exists(run.path()));
	}

	@Test
	void aLaunchReadsBackItsSummaryAndIsFoundInItsOutputFolder() throws Exception {
		Experiment e = TestSupport.parse(TinyExperiment.json("launched")).withOverrides(
				Map.of("seeds", "[1]", "sweep", "{\"strategy.k\": [1, 2]}"));
		Path output = tmp.resolve("runs");
		LaunchDirectory launch = LaunchDirectory.create(output, e.name());
		LaunchDirectory second = LaunchDirectory.create(output, e.name());
		assertNotEquals(launch.path(), second.path(), "each launch gets a folder of its own");
		assertEquals(output.resolve("launched"), launch.path().getParent());
		assertTrue(launch.path().getFileName().toString().matches("\\d{8}-\\d{6}(-\\d+)?"), launch.path().toString());
		launch.writeExperiment(e);
		assertFalse(launch.isRecorded());
		assertEquals(List.of(), LaunchDirectory.recorded(output, ex -> {
			throw new AssertionError(ex);
		}), "a launch without its summary is still running");

		List<RunResult> results = new ArrayList<>();
		for (RunSpec spec : e.runs()) {
			Map<String, Double> metrics = new LinkedHashMap<>();
			metrics.put("test.accuracy", spec.runId().startsWith("p0000") ? 0.5 : 0.75);
			metrics.put("test.avgK", Double.NaN);
			results.add(result(spec, launch.run(spec.runId()).path(),
					spec.runId().startsWith("p0000") ? RunStatus.SUCCEEDED : RunStatus.FAILED, metrics));
		}
		String table = launch.writeSummaries(e, results);
		assertEquals(table, Files.readString(launch.file(LaunchDirectory.SUMMARY_CSV)));
		assertTrue(Files.isRegularFile(launch.file(LaunchDirectory.AGGREGATE_CSV)));
		assertTrue(launch.isRecorded());
		assertEquals(List.of(launch.path()), LaunchDirectory.recorded(output, ex -> {
			throw new AssertionError(ex);
		}).stream().map(LaunchDirectory::path).toList());

		assertEquals(e.json(), launch.experimentJson());
		assertEquals(e.runs().size(), launch.experiment().runs().size());
		LaunchDirectory.Summary summary = launch.summary();
		assertEquals("launched", summary.experiment());
		assertFalse(summary.complete(), "one run failed");
		assertEquals(List.of("p0000-s1", "p0001-s1"),
				summary.runs().stream().map(LaunchDirectory.RunEntry::runId).toList());
		LaunchDirectory.RunEntry failed = summary.runs().get(1);
		assertEquals(1, failed.seed());
		assertEquals("FAILED", failed.status());
		assertEquals("exited with code 3", failed.message());
		assertEquals(2, failed.point().get("strategy.k").getAsInt());
		assertEquals(Map.of("test.accuracy", 0.75), failed.metrics(), "a metric without a value is left out");
		assertEquals(launch.run("p0001-s1").path(), launch.path().resolve("p0001-s1"));
	}
}
