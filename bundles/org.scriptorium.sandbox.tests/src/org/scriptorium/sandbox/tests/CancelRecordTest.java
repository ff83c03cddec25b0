package org.scriptorium.sandbox.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.sandbox.RunStatus;
import org.scriptorium.sandbox.SandboxRunner;
import org.scriptorium.sandbox.SweepResult;
import org.scriptorium.sandbox.internal.launch.ExperimentLaunch;
import org.scriptorium.sandbox.internal.launch.LaunchMain;
import org.scriptorium.sandbox.internal.launch.Stopper;
import org.scriptorium.tests.common.TinyExperiment;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A launch that is stopped records its end: cancelled through the CLI's stopper or its stdin, stopped by SIGTERM, or
 * timed out, every run's and the launch's summary.json say so with the partial metrics; a launch whose process was
 * killed before it could is recorded afterwards by {@link SandboxRunner#recordInterrupted}.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CancelRecordTest {

	@TempDir
	Path tmp;

	/** A tiny experiment that trains for minutes: many short epochs, each ending with a train.ce metric. */
	private Path longExperiment(String name) throws Exception {
		Path f = tmp.resolve(name + ".moe.json");
		Files.writeString(f, TinyExperiment.json(name).replace("\"epochs\": 2", "\"epochs\": 100000"));
		return f;
	}

	private List<String> runArgs(Path file, String... extra) {
		List<String> args = new ArrayList<>(List.of(file.toString(), "--json", "--out", tmp.resolve("runs").toString(),
				"--classpath",
				String.join(File.pathSeparator, TestSupport.childClasspath().stream().map(Path::toString).toList())));
		args.addAll(List.of(extra));
		return args;
	}

	/** Collects output and opens a latch once the output holds {@code text}. */
	private static final class Watched extends ByteArrayOutputStream {
		private final String text;
		final CountDownLatch seen = new CountDownLatch(1);

		Watched(String text) {
			this.text = text;
		}

		@Override
		public synchronized void write(int b) {
			super.write(b);
			check();
		}

		@Override
		public synchronized void write(byte[] b, int off, int len) {
			super.write(b, off, len);
			check();
		}

		private void check() {
			if (seen.getCount() > 0 && toString(StandardCharsets.UTF_8).contains(text)) {
				seen.countDown();
			}
		}
	}

	private Path onlyLaunch(String experiment) throws Exception {
		try (Stream<Path> s = Files.list(tmp.resolve("runs").resolve(experiment))) {
			List<Path> launches = s.toList();
			assertEquals(1, launches.size(), launches.toString());
			return launches.get(0);
		}
	}

	private static JsonObject json(Path file) throws Exception {
		return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
	}

	/** The launch's and the run's summary.json record {@code status} with the partial train.ce. */
	private static void assertRecorded(Path launch, String run, String status) throws Exception {
		JsonObject summary = json(launch.resolve("summary.json"));
		assertFalse(summary.get("complete").getAsBoolean());
		JsonObject r = summary.getAsJsonArray("runs").get(0).getAsJsonObject();
		assertEquals(run, r.get("run").getAsString());
		assertEquals(status, r.get("status").getAsString(), r.toString());
		assertTrue(r.getAsJsonObject("metrics").has("train.ce"), "partial metrics: " + r);
		JsonObject runSummary = json(launch.resolve(run).resolve("summary.json"));
		assertEquals(status, runSummary.get("status").getAsString());
		assertFalse(runSummary.get("complete").getAsBoolean());
		assertTrue(runSummary.getAsJsonObject("metrics").get("train.ce").getAsDouble() > 0, runSummary.toString());
	}

	@Test
	void cancelledLaunchRecordsCancelledWithPartialMetrics() throws Exception {
		Path file = longExperiment("cancel-me");
		Watched out = new Watched("\"name\":\"train.ce\"");
		PrintStream printer = new PrintStream(out, true, StandardCharsets.UTF_8);
		Stopper stopper = new Stopper();
		int[] code = {-1};
		Thread cli = new Thread(() -> code[0] = LaunchMain.run(runArgs(file).toArray(String[]::new), printer,
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), stopper));
		cli.start();
		assertTrue(out.seen.await(120, TimeUnit.SECONDS), "timed out waiting until a train.ce metric arrives");
		String first = out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
		assertEquals("launch", JsonParser.parseString(first).getAsJsonObject().get("event").getAsString(),
				"the launch's directory is announced first: " + first);

		stopper.cancel();
		cli.join(TimeUnit.SECONDS.toMillis(60));

		assertEquals(ExperimentLaunch.CANCELLED, code[0], out.toString(StandardCharsets.UTF_8));
		Path launch = onlyLaunch("cancel-me");
		assertEquals(launch.toAbsolutePath().toString(),
				JsonParser.parseString(first).getAsJsonObject().get("directory").getAsString());
		assertRecorded(launch, "s7", "CANCELLED");
		assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"kind\":\"cancelled\""),
				"the child said it was cancelled");
	}

	@Test
	void sigtermAndCancelOnStdinStopTheCliPolitely() throws Exception {
		for (boolean viaStdin : new boolean[]{false, true}) {
			String name = viaStdin ? "stdin-cancel" : "sigterm";
			Path file = longExperiment(name);
			List<String> cmd = new ArrayList<>(List.of(SandboxRunner.currentJava().toString(), "-cp",
					String.join(File.pathSeparator, TestSupport.childClasspath().stream().map(Path::toString).toList()),
					LaunchMain.class.getName()));
			cmd.addAll(runArgs(file));
			Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
			try (BufferedReader r = new BufferedReader(
					new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = r.readLine()) != null && !line.contains("\"name\":\"train.ce\"")) {
					// wait for the first metric
				}
				if (viaStdin) {
					p.getOutputStream().write("cancel\n".getBytes(StandardCharsets.UTF_8));
					p.getOutputStream().flush();
				} else {
					p.toHandle().destroy(); // SIGTERM; Process.destroy would also close our end of its pipes
				}
				String last = null;
				while ((line = r.readLine()) != null) {
					last = line;
				}
				assertTrue(last != null && last.contains("\"event\":\"summary\""), "the summary is printed: " + last);
			}
			assertTrue(p.waitFor(60, TimeUnit.SECONDS));
			assertEquals(viaStdin ? ExperimentLaunch.CANCELLED : 128 + 15, p.exitValue(), name);
			assertRecorded(onlyLaunch(name), "s7", "CANCELLED");
		}
	}

	@Test
	void timedOutRunRecordsTimedOutWithPartialMetrics() throws Exception {
		Path file = longExperiment("slow");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int code = LaunchMain.run(runArgs(file, "--timeout", "4").toArray(String[]::new),
				new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new Stopper());
		assertEquals(ExperimentLaunch.TIMEOUT, code, out.toString(StandardCharsets.UTF_8));
		assertRecorded(onlyLaunch("slow"), "s7", "TIMED_OUT");
	}

	@Test
	void interruptedLaunchIsRecordedByTheParent() throws Exception {
		// a launch as left by a sandbox process killed forcibly: run p0000-s1 running with two metrics (the last line
		// cut), run p0001-s1 never started, no launch summary
		Path launch = tmp.resolve("runs/killed/20261128-100000");
		Path running = launch.resolve("p0000-s1");
		Files.createDirectories(running);
		Files.writeString(launch.resolve("experiment.json"), TinyExperiment.json("killed")
				.replace("\"seeds\": [7]", "\"seeds\": [1], \"sweep\": { \"strategy.k\": [1, 2] }"));
		Files.writeString(running.resolve("summary.json"),
				"{\"runId\":\"p0000-s1\",\"seed\":1,\"status\":\"RUNNING\"}\n");
		Files.writeString(running.resolve("metrics.jsonl"),
				"{\"event\":\"metric\",\"name\":\"train.ce\",\"step\":1,\"value\":1.25}\n"
						+ "{\"event\":\"metric\",\"name\":\"train.ce\",\"step\":2,\"value\":1.5}\n{\"event\":\"metric\",\"na");
		Files.writeString(running.resolve("stderr.log"), "loading\nstep 2\n");

		SweepResult recorded = SandboxRunner.recordInterrupted(launch, RunStatus.CANCELLED, "cancelled",
				"cancelled by the user; the sandbox process was killed");

		assertEquals(2, recorded.runs().size());
		JsonObject summary = json(launch.resolve("summary.json"));
		JsonObject first = summary.getAsJsonArray("runs").get(0).getAsJsonObject();
		assertEquals("CANCELLED", first.get("status").getAsString());
		assertEquals(1.5, first.getAsJsonObject("metrics").get("train.ce").getAsDouble(), "the last complete value");
		assertEquals("cancelled by the user; the sandbox process was killed", first.get("message").getAsString());
		JsonObject run = json(running.resolve("summary.json"));
		assertEquals("CANCELLED", run.get("status").getAsString());
		assertEquals("step 2", run.getAsJsonArray("stderrTail").get(1).getAsString());
		JsonObject second = summary.getAsJsonArray("runs").get(1).getAsJsonObject();
		assertEquals("p0001-s1", second.get("run").getAsString());
		assertEquals("CANCELLED", second.get("status").getAsString());
		assertTrue(second.get("message").getAsString().contains("had not started"), second.toString());
		assertTrue(Files.readString(launch.resolve("summary.csv")).contains("CANCELLED(cancelled)"));

		assertNull(SandboxRunner.recordInterrupted(launch, RunStatus.FAILED, "killed", "again"),
				"a launch that recorded its end is left alone");
		assertEquals("CANCELLED", json(running.resolve("summary.json")).get("status").getAsString());
	}
}
