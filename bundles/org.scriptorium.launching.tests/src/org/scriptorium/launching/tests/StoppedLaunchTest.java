package org.scriptorium.launching.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.model.IProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.launch.ExperimentProjects;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A launch that is stopped is recorded as such in its summary.json: by the sandbox CLI when Terminate stops it
 * politely, by the workbench when the CLI was killed before it could.
 */
@ExtendWith(NoErrorLoggedExtension.class)
class StoppedLaunchTest {

	private IProject project;

	@BeforeEach
	void setUp() throws CoreException {
		project = ExperimentProjects.project("stopped-launch-tests"); //$NON-NLS-1$
	}

	@AfterEach
	void tearDown() throws CoreException {
		ExperimentProjects.terminateAll(true);
		project.delete(true, true, null);
	}

	/** Launches a tiny experiment made to train for minutes and waits for its first training metric. */
	private IProcess startLong(String name) throws Exception {
		return Experiments.start(project, name, Map.of("training.epochs", "100000"), "train.ce ="); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	/** The only launch directory of the experiment, and its first run as recorded in the launch's summary.json. */
	private JsonObject recordedRun(String name) throws Exception {
		Path runs = project.getLocation().toPath().resolve("runs").resolve(name); //$NON-NLS-1$
		List<Path> launches;
		try (Stream<Path> s = Files.list(runs)) {
			launches = s.toList();
		}
		assertEquals(1, launches.size(), launches.toString());
		JsonObject summary = JsonParser.parseString(Files.readString(launches.get(0).resolve("summary.json"))) //$NON-NLS-1$
				.getAsJsonObject();
		assertFalse(summary.get("complete").getAsBoolean()); //$NON-NLS-1$
		JsonObject run = summary.getAsJsonArray("runs").get(0).getAsJsonObject(); //$NON-NLS-1$
		JsonObject runSummary = JsonParser.parseString(Files.readString(launches.get(0).resolve("s7/summary.json"))) //$NON-NLS-1$
				.getAsJsonObject();
		assertEquals(run.get("status").getAsString(), runSummary.get("status").getAsString(), //$NON-NLS-1$ //$NON-NLS-2$
				"the run's own summary agrees"); //$NON-NLS-1$
		assertTrue(run.getAsJsonObject("metrics").has("train.ce"), "partial metrics: " + run); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		return run;
	}

	@Test
	void terminateRecordsTheRunAsCancelledWithItsPartialMetrics() throws Exception {
		IProcess process = startLong("terminated"); //$NON-NLS-1$

		process.terminate();

		ExperimentProjects.awaitTermination(process, Experiments.TIMEOUT);
		assertEquals(10, process.getExitValue(),
				"the launch stopped by itself with the cancelled code (README, Exit codes)"); //$NON-NLS-1$
		assertEquals("CANCELLED", recordedRun("terminated").get("status").getAsString()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		String out = process.getStreamsProxy().getOutputStreamMonitor().getContents();
		assertTrue(out.contains("[s7] CANCELLED"), out); //$NON-NLS-1$
	}

	@Test
	void aKilledSandboxProcessIsRecordedByTheWorkbench() throws Exception {
		IProcess process = startLong("killed"); //$NON-NLS-1$
		ProcessHandle cli = ProcessHandle.of(Long.parseLong(process.getAttribute(IProcess.ATTR_PROCESS_ID)))
				.orElseThrow();
		List<ProcessHandle> children = cli.descendants().toList();

		cli.destroyForcibly(); // as the OOM killer or kill -9 would
		children.forEach(ProcessHandle::destroyForcibly);

		ExperimentProjects.awaitTermination(process, Experiments.TIMEOUT);
		JsonObject run = recordedRun("killed"); //$NON-NLS-1$
		assertEquals("FAILED", run.get("status").getAsString()); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("killed", run.get("failureKind").getAsString()); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(run.get("message").getAsString().contains("exit code 137"), run.toString()); //$NON-NLS-1$ //$NON-NLS-2$
		String out = process.getStreamsProxy().getOutputStreamMonitor().getContents();
		assertTrue(out.contains("the workbench recorded it as FAILED"), out); //$NON-NLS-1$
	}

	@Test
	void aCliThatDoesNotStopIsKilledAndTheRunRecordedAsCancelled() throws Exception {
		IProcess process = startLong("frozen"); //$NON-NLS-1$
		long pid = Long.parseLong(process.getAttribute(IProcess.ATTR_PROCESS_ID));
		// freeze the CLI: it can neither read the cancel line nor run its shutdown hook
		assertEquals(0, new ProcessBuilder("kill", "-STOP", Long.toString(pid)).start().waitFor()); //$NON-NLS-1$ //$NON-NLS-2$
		List<ProcessHandle> children = ProcessHandle.of(pid).orElseThrow().descendants().toList();

		process.terminate();

		ExperimentProjects.awaitTermination(process, Experiments.TIMEOUT);
		for (ProcessHandle child : children) {
			child.onExit().get(Experiments.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
		JsonObject run = recordedRun("frozen"); //$NON-NLS-1$
		assertEquals("CANCELLED", run.get("status").getAsString()); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(run.get("message").getAsString().contains("stopped forcibly"), run.toString()); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
