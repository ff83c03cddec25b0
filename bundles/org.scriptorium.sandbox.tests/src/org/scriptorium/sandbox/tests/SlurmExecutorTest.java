package org.scriptorium.sandbox.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.sandbox.Experiment;
import org.scriptorium.sandbox.LaunchDirectory;
import org.scriptorium.sandbox.RunDirectory;
import org.scriptorium.sandbox.RunListener;
import org.scriptorium.sandbox.RunResult;
import org.scriptorium.sandbox.RunStatus;
import org.scriptorium.sandbox.SandboxEvent;
import org.scriptorium.sandbox.SandboxRunner;
import org.scriptorium.sandbox.SweepResult;
import org.scriptorium.sandbox.internal.slurm.Slurm;
import org.scriptorium.sandbox.internal.slurm.SlurmExecutor;
import org.scriptorium.sandbox.internal.slurm.SlurmOptions;
import org.scriptorium.tests.common.SlurmSupport;
import org.scriptorium.tests.common.TinyExperiment;

import com.google.gson.JsonParser;

/**
 * The Slurm executor against a real single-node Slurm (started by releng/scripts/slurm/start.sh; skipped with the
 * reason where it cannot start): a sweep as one job array with a task that succeeds, one that fails and one that
 * reaches Slurm's time limit; a sweep cancelled while it runs (scancel, nothing left in squeue); built-in Java runs;
 * and a launch whose parent was killed, followed again from its job id.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SlurmExecutorTest {

	@TempDir
	Path tmp;

	@BeforeAll
	static void slurm() {
		PythonSupport.assumePython(null);
		SlurmSupport.assumeRunning();
	}

	@AfterAll
	static void stop() {
		SlurmSupport.stop();
	}

	/** A Python child (the shipped package) whose behaviour is the run's "description": ok, fail or wait. */
	private Experiment pythonSweep(String name, String... modes) throws Exception {
		Path script = tmp.resolve(name + ".py");
		Files.writeString(script, """
				import sys, time
				from scriptorium_sandbox import Run
				with Run() as run:
				    mode = run.config["description"]
				    run.progress(0, 10)
				    run.metric("train.ce", 0, 2.5)
				    if mode == "fail":
				        print("failing on purpose", file=sys.stderr)
				        sys.exit(3)
				    while mode == "wait":
				        run.check_cancel()
				        run.progress(1, 10)
				        time.sleep(0.2)
				    run.metric("train.ce", 1, 0.5)
				    run.result({"test.accuracy": 0.9})
				""");
		StringBuilder values = new StringBuilder();
		for (String m : modes) {
			values.append(values.length() == 0 ? "" : ", ").append('"').append(m).append('"');
		}
		return TestSupport.parse("{\"name\": \"" + name + "\", \"external\": {\"command\": [\"" + PythonSupport.PYTHON
				+ "\", \"" + script + "\"]}, \"seeds\": [1], \"sweep\": {\"description\": [" + values + "]}}");
	}

	private static SlurmExecutor executor(SlurmOptions options, RunListener listener) {
		SandboxRunner runner = SandboxRunner.builder().classpath(TestSupport.childClasspath()).maxHeapMb(128).build();
		return new SlurmExecutor(runner, true, options, null, listener, new Slurm(SlurmSupport.environment()));
	}

	private static SlurmOptions options(String time) {
		return new SlurmOptions(null, time, 1, null, List.of());
	}

	@Test
	void aSweepRunsAsOneJobArrayAndEveryEndIsRecordedWithSlurmsAccount() throws Exception {
		// a cancelled sweep runs meanwhile
		CompletableFuture<String> cancelled = CompletableFuture.supplyAsync(() -> {
			try {
				return cancelledSweep();
			} catch (Exception e) {
				throw new IllegalStateException(e);
			}
		});
		List<SandboxEvent> events = new CopyOnWriteArrayList<>();
		Experiment e = pythonSweep("mixed", "ok", "fail", "wait");
		SweepResult result = executor(options("1"), events::add).runAll(e, tmp.resolve("runs"));

		RunResult ok = result.runs().get(0);
		RunResult failed = result.runs().get(1);
		RunResult timedOut = result.runs().get(2);
		assertEquals(RunStatus.SUCCEEDED, ok.status(), ok.message());
		assertEquals(0.9, ok.metrics().get("test.accuracy"));
		assertEquals(RunStatus.FAILED, failed.status(), failed.message());
		assertEquals("exit", failed.failureKind());
		assertEquals(3, failed.exitCode());
		assertTrue(failed.message().contains("FAILED") && failed.message().contains("failing on purpose"),
				failed.message());
		assertEquals(2.5, failed.metrics().get("train.ce"), "partial metrics kept");
		assertEquals(RunStatus.TIMED_OUT, timedOut.status(), timedOut.message());
		assertTrue(timedOut.message().contains("TIMEOUT"), timedOut.message());
		// live events came through as from local children, with the run ids
		assertTrue(events.stream().anyMatch(ev -> ev.runId().equals(ok.runId()) && ev.type().equals("progress")));
		assertTrue(events.stream().anyMatch(ev -> ev.type().equals("log") && ev.data().toString().contains("Slurm job")));
		// the launch is recorded as a local one is: summaries, curves, the job id
		LaunchDirectory launch = new LaunchDirectory(result.directory());
		assertEquals(List.of("SUCCEEDED", "FAILED", "TIMED_OUT"),
				launch.summary().runs().stream().map(LaunchDirectory.RunEntry::status).toList());
		assertEquals(2, launch.run(ok.runId()).curve("train.ce").size());
		assertTrue(Files.isRegularFile(result.directory().resolve("slurm/job.json")));

		String job = cancelled.get(120, TimeUnit.SECONDS);
		assertEquals("", SlurmSupport.run(List.of("squeue", "-h", "-j", job), 30).strip(),
				"nothing of the cancelled job is left in squeue");
	}

	/** Starts a sweep of waiting tasks, cancels it once they run, checks the records; returns the job id. */
	private String cancelledSweep() throws Exception {
		CountDownLatch running = new CountDownLatch(2);
		SlurmExecutor[] executor = new SlurmExecutor[1];
		executor[0] = executor(options("5"), ev -> {
			if (ev.type().equals("progress")) {
				running.countDown();
			}
		});
		Experiment e = pythonSweep("cancel", "wait", "wait");
		Thread canceller = new Thread(() -> {
			try {
				running.await(90, TimeUnit.SECONDS);
			} catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			executor[0].cancel();
		});
		canceller.start();
		SweepResult result = executor[0].runAll(e, tmp.resolve("cancel-runs"));
		canceller.join();
		for (RunResult r : result.runs()) {
			assertEquals(RunStatus.CANCELLED, r.status(), r.message());
			assertTrue(r.message().contains("Slurm: CANCELLED"), r.message());
		}
		return JsonParser.parseString(Files.readString(result.directory().resolve("slurm/job.json")))
				.getAsJsonObject().get("job").getAsString();
	}

	@Test
	void builtInRunsRunOnTheClusterAndAKilledParentIsFollowedAgain() throws Exception {
		Path file = tmp.resolve("tiny.moe.json");
		Files.writeString(file, TinyExperiment.json("tiny").replace("\"seeds\": [7]", "\"seeds\": [7, 8]"));
		String cp = String.join(java.io.File.pathSeparator,
				TestSupport.childClasspath().stream().map(Path::toString).toList());
		// the launch process as the workbench starts it, killed (SIGKILL) once its job is submitted
		List<String> cmd = new ArrayList<>(List.of(SandboxRunner.currentJava().toString(), "-cp", cp,
				"org.scriptorium.sandbox.internal.launch.LaunchMain", file.toString(), "--json", "--out",
				tmp.resolve("runs").toString(), "--classpath", cp, "--executor", "slurm", "--time", "5"));
		ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
		pb.environment().putAll(SlurmSupport.environment());
		Process launch = pb.start();
		java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(launch.getInputStream(),
				StandardCharsets.UTF_8));
		String first = lines.readLine();
		Path dir = Path.of(JsonParser.parseString(first).getAsJsonObject().get("directory").getAsString());
		Path job = dir.resolve("slurm/job.json");
		// the launch process tells each run its Slurm job once the job id is kept in the launch directory
		String line;
		while ((line = lines.readLine()) != null && !line.contains("Slurm job ")) {
			// progress of the launch before the submission
		}
		assertTrue(line != null, "the launch process submitted the job");
		launch.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		assertTrue(Files.isRegularFile(job), "the job id is kept in the launch directory");
		assertTrue(!Files.isRegularFile(dir.resolve(LaunchDirectory.SUMMARY)), "the killed parent recorded nothing");

		// the workbench, reopened, starts the launch process again on the launch directory
		List<String> again = new ArrayList<>(cmd.subList(0, 4));
		again.addAll(List.of("--attach", dir.toString(), "--json"));
		ProcessBuilder attach = new ProcessBuilder(again).redirectErrorStream(true);
		attach.environment().putAll(SlurmSupport.environment());
		Process follower = attach.start();
		String printed = new String(follower.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(follower.waitFor(120, TimeUnit.SECONDS));
		assertEquals(0, follower.exitValue(), printed);
		LaunchDirectory.Summary summary = new LaunchDirectory(dir).summary();
		assertEquals(List.of("SUCCEEDED", "SUCCEEDED"), summary.runs().stream().map(LaunchDirectory.RunEntry::status)
				.toList(), printed);
		RunDirectory run = new LaunchDirectory(dir).run("s7");
		assertEquals(2, run.curve("train.ce").size(), "each metric once, though the events were read twice");
		assertTrue(run.lastMetrics().containsKey("test.accuracy"));
		assertTrue(printed.contains("\"event\":\"summary\""), printed);
	}
}
