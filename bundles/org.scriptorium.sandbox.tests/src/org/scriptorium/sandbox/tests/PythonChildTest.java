package org.scriptorium.sandbox.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.sandbox.Experiment;
import org.scriptorium.sandbox.RunDirectory;
import org.scriptorium.sandbox.RunListener;
import org.scriptorium.sandbox.RunResult;
import org.scriptorium.sandbox.RunSpec;
import org.scriptorium.sandbox.RunStatus;
import org.scriptorium.sandbox.SandboxEvent;
import org.scriptorium.sandbox.SandboxRunner;
import org.scriptorium.sandbox.internal.runner.ExternalRuns;

/**
 * A Python child using the shipped package {@code scriptorium_sandbox}, run by the Java parent: its events, files,
 * data inputs and cancel are handled as the Java child's. The package reaches the child through {@code PYTHONPATH}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PythonChildTest {

	@TempDir
	Path tmp;

	@BeforeEach
	void python() {
		PythonSupport.assumePython(null);
	}

	private Path script(String body) throws Exception {
		Path script = tmp.resolve("child.py");
		Files.writeString(script, "import sys, time\nfrom scriptorium_sandbox import Run, RoutingStats, "
				+ "load_synth_domains\n" + body);
		return script;
	}

	private Experiment experiment(Path script, String extra) {
		return TestSupport.parse("{\"name\": \"py\", \"external\": {\"command\": [\"" + PythonSupport.PYTHON + "\", \""
				+ script + "\"]" + extra + "}, \"seeds\": [4]}");
	}

	private static SandboxRunner.Builder runner(Path out, RunListener listener) {
		return SandboxRunner.builder().allowExternal(true).outputDirectory(out).timeout(Duration.ofSeconds(60))
				.cancelGrace(Duration.ofSeconds(5)).listener(listener);
	}

	@Test
	void eventsMetricsArtifactsAndResultArriveAsFromTheJavaChild() throws Exception {
		assertNotNull(ExternalRuns.pythonPackageRoot(), "the shipped Python package is found");
		Path script = script("""
				with Run() as run:
				    print("stray")
				    for step in range(1, 4):
				        run.check_cancel()
				        run.progress(step, 3)
				        run.metric("train.ce", step, 1.0 / step)
				    stats = RoutingStats(experts=2, domains=1, sequence_length=1)
				    stats.add([0], 1, 0, 0, True, 0.1, [0.8, 0.2])
				    stats.add([1], 1, 0, 2, False, 0.9, [0.4, 0.6])
				    m = stats.emit(run, 3)
				    run.result({"test.accuracy": m["test.accuracy"], "seed": run.seed})
				""");
		List<SandboxEvent> events = new CopyOnWriteArrayList<>();
		Experiment e = experiment(script, "");
		RunSpec spec = e.runs().get(0);
		RunResult r = runner(tmp.resolve("runs"), events::add).build().run(e, spec, tmp.resolve("run"));

		assertEquals(RunStatus.SUCCEEDED, r.status(), r.message() + " " + r.stderrTail());
		assertEquals(0.5, r.metrics().get("test.accuracy"));
		assertEquals(4.0, r.metrics().get("seed"));
		assertEquals(0, r.garbageLines(), "the stray print went to stderr");
		assertTrue(r.stderrTail().contains("stray"), r.stderrTail().toString());
		assertEquals(List.of("started", "progress", "metric"), events.stream().map(SandboxEvent::type)
				.filter(t -> !t.equals("stderr")).distinct().limit(3).toList(), "the protocol's events, in order");
		RunDirectory dir = new RunDirectory(r.runDirectory());
		assertEquals(3, dir.curve("train.ce").size());
		assertEquals(0.0, dir.lastMetrics().get("test.loadCv"));
		double[][] frequency = dir.domainExpertFrequency();
		assertEquals(0.5, frequency[0][0]);
		assertTrue(Files.isRegularFile(dir.file("per_difficulty.csv")));
	}

	@Test
	void theSandboxWritesTheDataTheJavaTrainerUses() throws Exception {
		Path script = script("""
				with Run() as run:
				    meta, splits = load_synth_domains()
				    train = splits["train"]
				    run.result({"rows": train.rows, "features": train.features, "x0": train.x[0],
				                "label5": train.label[5], "domains": meta["domains"]})
				""");
		Experiment e = TestSupport.parse("{\"name\": \"py\", \"external\": {\"command\": [\"" + PythonSupport.PYTHON
				+ "\", \"" + script + "\"], \"inputs\": [\"synth-domains\"]}, \"seeds\": [4], "
				+ "\"data\": {\"train\": 64, \"test\": 32, \"domains\": 3}, \"strategy\": {\"type\": \"top-k\"}}");
		RunSpec spec = e.runs().get(0);
		RunResult r = runner(tmp.resolve("runs"), ev -> {
		}).build().run(e, spec, tmp.resolve("run"));

		assertEquals(RunStatus.SUCCEEDED, r.status(), r.message() + " " + r.stderrTail());
		var java = org.scriptorium.sandbox.internal.data.SynthDomainsFiles.generate(
				Experiment.bindResolved(spec.config(), "x").data(), 4)[0];
		assertEquals(java.size(), r.metrics().get("rows").intValue());
		assertEquals(java.x()[0].length, r.metrics().get("features").intValue());
		assertEquals(java.x()[0][0], r.metrics().get("x0"), 0.0, "bit-identical features");
		assertEquals(java.label()[5], r.metrics().get("label5").intValue());
		assertEquals(3.0, r.metrics().get("domains"));
	}

	@Test
	void cancelStopsThePythonChildPolitely() throws Exception {
		Path script = script("""
				with Run() as run:
				    step = 0
				    while True:
				        run.check_cancel("step %d" % step)
				        step += 1
				        run.progress(step, 1000000)
				        time.sleep(0.01)
				""");
		CountDownLatch progress = new CountDownLatch(1);
		SandboxRunner runner = runner(tmp.resolve("runs"), ev -> {
			if (ev.type().equals("progress")) {
				progress.countDown();
			}
		}).build();
		Experiment e = experiment(script, "");
		Thread canceller = new Thread(() -> {
			try {
				progress.await(60, TimeUnit.SECONDS);
			} catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			runner.cancel();
		});
		canceller.start();
		RunResult r = runner.run(e, e.runs().get(0), tmp.resolve("run"));
		canceller.join();

		assertEquals(RunStatus.CANCELLED, r.status(), r.message());
		assertEquals(130, r.exitCode(), "the child ended itself on the cancel line: " + r.stdoutTail());
		assertTrue(r.stdoutTail().get(r.stdoutTail().size() - 1).contains("\"cancelled\""), r.stdoutTail().toString());
	}

	@Test
	void pytestSuiteOfThePackagePasses() throws Exception {
		PythonSupport.assumePython("pytest");
		Path python = sourceTree();
		Process p = new ProcessBuilder(PythonSupport.PYTHON.toString(), "-m", "pytest", "-q", "-p", "no:cacheprovider",
				"tests").directory(python.toFile()).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		assertTrue(p.waitFor(110, TimeUnit.SECONDS));
		assertEquals(0, p.exitValue(), out);
		assertTrue(out.contains(" passed"), out);
	}

	/** The package's source folder with its pytest suite (the tests run next to the sandbox bundle's sources). */
	private static Path sourceTree() {
		for (Path c = Path.of("").toAbsolutePath(); c != null; c = c.getParent()) {
			for (Path p : new Path[]{c.resolve("org.scriptorium.sandbox/python"),
					c.resolve("bundles/org.scriptorium.sandbox/python")}) {
				if (Files.isDirectory(p.resolve("tests"))) {
					return p;
				}
			}
		}
		throw new AssertionError("cannot find bundles/org.scriptorium.sandbox/python/tests from "
				+ Path.of("").toAbsolutePath());
	}
}
