package org.scriptorium.cli.internal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.cli.internal.ExitCode;
import org.scriptorium.cli.internal.hostile.ChildCli;
import org.scriptorium.sandbox.LaunchDirectory;
import org.scriptorium.tests.common.SlurmSupport;
import org.scriptorium.tests.common.TinyExperiment;

import com.google.gson.JsonParser;

/**
 * {@code scriptorium run --attach DIR} against a real single-node Slurm ({@link SlurmSupport}; skipped where it cannot
 * start): the tool that submitted a launch is killed (kill -9) once its job is submitted, and a new tool follows the
 * job to its end, records the launch and exits as the submitting tool would have.
 */
class RunAttachTest {

	@TempDir
	Path tmp;

	@Test
	void aLaunchWhoseToolWasKilledIsFollowedToItsEnd() throws Exception {
		SlurmSupport.assumeRunning();
		ChildCli cli = new ChildCli(tmp);
		cli.environment(SlurmSupport.environment());
		Files.writeString(cli.work().resolve("tiny.moe.json"), TinyExperiment.json("tiny"));

		ChildCli.Running submitting = cli.start("run", "tiny.moe.json", "--executor", "slurm", "--time", "5", "--json",
				"--out", "runs");
		String printed;
		try {
			printed = submitting.awaitOutput("Slurm job ", Duration.ofSeconds(60));
		} finally {
			submitting.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		Path dir = Path.of(JsonParser.parseString(printed.lines().findFirst().orElseThrow()).getAsJsonObject()
				.get("directory").getAsString());
		assertTrue(Files.isRegularFile(dir.resolve("slurm/job.json")), "the job id is kept in the launch directory");
		assertFalse(Files.isRegularFile(dir.resolve(LaunchDirectory.SUMMARY)), "the killed tool recorded nothing");

		ChildCli.Result attached = cli.run("run", "--attach", dir.toString());
		assertEquals(ExitCode.OK, attached.exit(), attached.out() + attached.err());
		attached.noStackTrace();
		assertTrue(attached.out().startsWith("following tiny: 1 run(s) as a Slurm job array"), attached.out());
		assertTrue(attached.out().contains("s7") && attached.out().contains("SUCCEEDED")
				&& attached.out().contains("results: " + dir), attached.out());
		LaunchDirectory launch = new LaunchDirectory(dir);
		assertEquals(List.of("SUCCEEDED"),
				launch.summary().runs().stream().map(LaunchDirectory.RunEntry::status).toList());
		assertTrue(launch.run("s7").lastMetrics().containsKey("test.accuracy"), "the run's metrics are recorded");
	}
}
