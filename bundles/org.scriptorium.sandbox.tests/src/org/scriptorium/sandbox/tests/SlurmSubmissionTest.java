package org.scriptorium.sandbox.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.sandbox.Experiment;
import org.scriptorium.sandbox.LaunchDirectory;
import org.scriptorium.sandbox.RunResult;
import org.scriptorium.sandbox.RunStatus;
import org.scriptorium.sandbox.SandboxRunner;
import org.scriptorium.sandbox.SweepResult;
import org.scriptorium.sandbox.internal.slurm.Slurm;
import org.scriptorium.sandbox.internal.slurm.SlurmExecutor;
import org.scriptorium.sandbox.internal.slurm.SlurmOptions;
import org.scriptorium.tests.common.TinyExperiment;

/**
 * The Slurm executor where nothing can be submitted (Slurm's commands are not installed) or must not be (an
 * external command without permission): every run is recorded with the reason and the launch's summaries are
 * written, as by a local launch. Needs no Slurm.
 */
class SlurmSubmissionTest {

	@TempDir
	Path tmp;

	private SlurmExecutor executor(boolean allowExternal) {
		// a folder without Slurm's commands: as on a machine where Slurm is not installed
		Slurm nowhere = new Slurm(Map.of(), tmp.resolve("no-slurm-here"));
		return new SlurmExecutor(SandboxRunner.builder().classpath(TestSupport.childClasspath()).build(), allowExternal,
				new SlurmOptions("debug", null, 1, "1G", List.of("--nice=0")), 60L, e -> {
				}, nowhere);
	}

	@Test
	void aSweepThatCannotBeSubmittedRecordsEveryRunWithTheReason() throws Exception {
		Experiment e = TestSupport.parse(TinyExperiment.json("nosubmit").replace("\"seeds\": [7]",
				"\"seeds\": [7, 8]"));
		SweepResult result = executor(true).runAll(e, tmp.resolve("runs"));

		assertEquals(2, result.runs().size());
		for (RunResult r : result.runs()) {
			assertEquals(RunStatus.FAILED, r.status());
			assertEquals("launch", r.failureKind());
			assertTrue(r.message().startsWith("cannot submit the sweep to Slurm: sbatch failed (exit 127)")
					&& r.message().contains("on the PATH"), r.message());
		}
		LaunchDirectory launch = new LaunchDirectory(result.directory());
		assertTrue(launch.isRecorded());
		assertEquals(List.of("FAILED", "FAILED"),
				launch.summary().runs().stream().map(LaunchDirectory.RunEntry::status).toList());
		String task = Files.readString(launch.run("s7").path().resolve("slurm-task.sh"));
		assertTrue(task.contains("-Dscriptorium.cancelOnStdinEof=false"), "an empty stdin must not cancel: " + task);
		assertTrue(task.contains("> events.jsonl 2> stderr.log < /dev/null"), task);
		assertFalse(Files.exists(result.directory().resolve("slurm/job.json")), "no job was submitted");
	}

	@Test
	void anExternalCommandWithoutPermissionIsNotSubmitted() throws Exception {
		Experiment e = TestSupport.parse("{\"name\": \"ext\", \"external\": {\"command\": [\"/bin/true\"]}}");
		SweepResult result = executor(false).runAll(e, tmp.resolve("runs"));

		RunResult r = result.runs().get(0);
		assertEquals(RunStatus.FAILED, r.status());
		assertEquals("external-not-allowed", r.failureKind());
		assertTrue(r.message().contains("--allow-external"), r.message());
		assertFalse(Files.exists(result.directory().resolve("slurm")), "nothing was written for Slurm");
	}
}
