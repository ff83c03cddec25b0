package org.scriptorium.launching.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.Launch;
import org.eclipse.debug.core.model.IProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.service.prefs.BackingStoreException;
import org.scriptorium.launching.ExperimentLaunching;
import org.scriptorium.launching.SandboxPreferences;
import org.scriptorium.launching.internal.RoutingExperimentDelegate;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.TinyExperiment;
import org.scriptorium.tests.common.launch.ExperimentProjects;

/** Launches experiment files through the launch manager, headless, as the workbench's Run As does. */
@ExtendWith(NoErrorLoggedExtension.class)
class RoutingExperimentLaunchTest {

	private IProject project;

	@BeforeEach
	void setUp() throws CoreException {
		project = ExperimentProjects.project("launching-tests"); //$NON-NLS-1$
	}

	@AfterEach
	void tearDown() throws CoreException, BackingStoreException {
		ExperimentProjects.terminateAll(true);
		var node = InstanceScope.INSTANCE.getNode(SandboxPreferences.QUALIFIER);
		node.remove(SandboxPreferences.SANDBOX_HEAP);
		node.flush();
	}

	@Test
	void tinyExperimentRunsToExitZeroAndStreamsItsResult() throws Exception {
		IFile file = ExperimentProjects.write(project, "tiny.moe.json", TinyExperiment.json("tiny")); //$NON-NLS-1$ //$NON-NLS-2$
		var node = InstanceScope.INSTANCE.getNode(SandboxPreferences.QUALIFIER);
		node.putInt(SandboxPreferences.SANDBOX_HEAP, 300); // the preference applies when the configuration says nothing
		ILaunchConfigurationWorkingCopy wc = Experiments.configuration(file);
		wc.setAttribute(ExperimentLaunching.ATTR_TIMEOUT_SECONDS, 90); // the configuration wins over the preference

		ILaunch launch = wc.launch(ILaunchManager.RUN_MODE, null);

		IProcess[] processes = launch.getProcesses();
		assertEquals(1, processes.length);
		IProcess process = processes[0];
		assertEquals(ExperimentLaunching.PROCESS_TYPE, process.getAttribute(IProcess.ATTR_PROCESS_TYPE));
		String cmdline = process.getAttribute(IProcess.ATTR_CMDLINE);
		assertTrue(cmdline.contains("--timeout 90"), cmdline); //$NON-NLS-1$
		assertTrue(cmdline.contains("--heap 300"), cmdline); //$NON-NLS-1$
		assertTrue(List.of(DebugPlugin.getDefault().getLaunchManager().getLaunches()).contains(launch));

		ExperimentProjects.awaitTermination(process, Experiments.TIMEOUT);
		String out = process.getStreamsProxy().getOutputStreamMonitor().getContents();
		String err = process.getStreamsProxy().getErrorStreamMonitor().getContents();
		assertEquals(0, process.getExitValue(), out + err);
		// the output shows the events readably, not as JSON
		assertTrue(out.contains("[s7] started (seed 7"), out); //$NON-NLS-1$
		assertTrue(out.contains("[s7] 100% (step "), out); //$NON-NLS-1$
		assertTrue(out.contains("[s7] result: ") && out.contains("test.accuracy = "), out); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(out.contains("[s7] SUCCEEDED") && out.contains("results: "), out); //$NON-NLS-1$ //$NON-NLS-2$
		assertFalse(out.contains("\"event\""), out); //$NON-NLS-1$
		// and the events themselves reach listeners (replayed to late ones)
		List<String> types = new CopyOnWriteArrayList<>();
		Runnable remove = ExperimentLaunching.addEventListener(process, (p, e) -> types.add(e.type()));
		assertNotNull(remove);
		remove.run();
		assertEquals(List.of("launch", "started"), types.subList(0, 2), "the launch's directory first"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertTrue(types.containsAll(List.of("progress", "metric", "result", "summary")), types.toString()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$

		// the run directory lands in the project's runs folder, which is refreshed
		Job.getJobManager().join(ExperimentLaunching.REFRESH_JOB_FAMILY, null);
		assertTrue(project.getFolder(ExperimentLaunching.DEFAULT_OUTPUT_FOLDER).exists());
		assertTrue(project.getFolder(ExperimentLaunching.DEFAULT_OUTPUT_FOLDER).members().length > 0);
	}

	@Test
	void invalidFileFailsTheLaunchWithLineAndField() throws Exception {
		IFile file = ExperimentProjects.write(project, "bad.moe.json", //$NON-NLS-1$
				"{\n  \"name\": \"bad\",\n  \"strategy\": {\"type\": \"switch\", \"capacityFactor\": -1}\n}\n"); //$NON-NLS-1$
		ILaunchConfigurationWorkingCopy wc = Experiments.configuration(file);
		int before = DebugPlugin.getDefault().getLaunchManager().getLaunches().length;

		CoreException e = assertThrows(CoreException.class, () -> wc.launch(ILaunchManager.RUN_MODE, null));

		IStatus status = e.getStatus();
		assertEquals(ExperimentLaunching.INVALID_EXPERIMENT, status.getCode());
		String message = status.getMessage();
		assertTrue(message.contains("/launching-tests/bad.moe.json"), message); //$NON-NLS-1$
		assertTrue(message.contains("strategy.capacityFactor"), message); //$NON-NLS-1$
		assertTrue(message.contains("line 3"), message); //$NON-NLS-1$
		assertTrue(status.isMultiStatus() && status.getChildren().length >= 1);
		assertEquals(before, DebugPlugin.getDefault().getLaunchManager().getLaunches().length,
				"a failed launch leaves no launch behind"); //$NON-NLS-1$
	}

	@Test
	void missingFileAndUnsupportedModeAreRejected() throws Exception {
		ILaunchConfigurationWorkingCopy wc = Experiments.configuration(project.getFile("none.moe.json")); //$NON-NLS-1$
		CoreException missing = assertThrows(CoreException.class, () -> wc.launch(ILaunchManager.RUN_MODE, null));
		assertEquals(ExperimentLaunching.BAD_CONFIGURATION, missing.getStatus().getCode());
		assertTrue(missing.getMessage().contains("/launching-tests/none.moe.json"), missing.getMessage()); //$NON-NLS-1$

		assertFalse(wc.getType().supportsMode(ILaunchManager.DEBUG_MODE));
		IFile file = ExperimentProjects.write(project, "ok.moe.json", TinyExperiment.json("ok")); //$NON-NLS-1$ //$NON-NLS-2$
		ILaunchConfigurationWorkingCopy ok = Experiments.configuration(file);
		ILaunch launch = new Launch(ok, ILaunchManager.DEBUG_MODE, null);
		CoreException debug = assertThrows(CoreException.class,
				() -> new RoutingExperimentDelegate().launch(ok, ILaunchManager.DEBUG_MODE, launch, null));
		assertEquals(ExperimentLaunching.UNSUPPORTED_MODE, debug.getStatus().getCode());
		assertEquals(0, launch.getProcesses().length);
	}

	@Test
	void aRunOutOfMemoryFailsWithAnActionableMessage() throws Exception {
		IFile file = ExperimentProjects.write(project, "oom.moe.json", TinyExperiment.json("oom")); //$NON-NLS-1$ //$NON-NLS-2$
		ILaunchConfigurationWorkingCopy wc = Experiments.configuration(file);
		wc.setAttribute(ExperimentLaunching.ATTR_HEAP_MB, 16);
		wc.setAttribute(ExperimentLaunching.ATTR_OVERRIDES, Map.of("data.train", "2000000")); //$NON-NLS-1$ //$NON-NLS-2$

		ILaunch launch = wc.launch(ILaunchManager.RUN_MODE, null);
		IProcess process = launch.getProcesses()[0];
		ExperimentProjects.awaitTermination(process, Experiments.TIMEOUT);

		String out = process.getStreamsProxy().getOutputStreamMonitor().getContents();
		String err = process.getStreamsProxy().getErrorStreamMonitor().getContents();
		assertEquals(8, process.getExitValue(), "the exit code of a failed run (README, Exit codes): " + out + err); //$NON-NLS-1$
		assertTrue(out.contains("[s7] FAILED"), out); //$NON-NLS-1$
		assertTrue(err.contains("oom") && err.contains("oom.moe.json"), err); //$NON-NLS-1$ //$NON-NLS-2$
		assertFalse(out.contains("result:"), out); //$NON-NLS-1$
	}

	@Test
	void cancellingTheProgressJobTerminatesTheRun() throws Exception {
		IProcess process = Experiments.start(project, "cancel", //$NON-NLS-1$
				Map.of("data.train", "400000", "training.epochs", "50"), "% (step"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
		Job[] jobs = Job.getJobManager().find(ExperimentLaunching.EXPERIMENT_JOB_FAMILY);
		assertEquals(1, jobs.length, "one job shows the experiment in the Progress view"); //$NON-NLS-1$
		assertTrue(jobs[0].getName().contains("cancel"), jobs[0].getName()); //$NON-NLS-1$

		jobs[0].cancel();

		ExperimentProjects.awaitTermination(process, Experiments.TIMEOUT);
		assertNotEquals(0, process.getExitValue());
		assertTrue(jobs[0].join(Experiments.TIMEOUT.toMillis(), null), "the job ends with the process"); //$NON-NLS-1$
		assertEquals(IStatus.CANCEL, jobs[0].getResult().getSeverity());
	}

	@Test
	void terminateStopsALongRunAndItsChildJvm() throws Exception {
		IProcess process = Experiments.start(project, "long", //$NON-NLS-1$
				Map.of("data.train", "400000", "training.epochs", "50"), "% (step"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
		ProcessHandle cli = ProcessHandle.of(Long.parseLong(process.getAttribute(IProcess.ATTR_PROCESS_ID)))
				.orElseThrow();
		List<ProcessHandle> children = cli.descendants().toList();
		assertFalse(children.isEmpty(), "the run's child JVM is running"); //$NON-NLS-1$
		assertTrue(process.canTerminate());

		process.terminate();

		ExperimentProjects.awaitTermination(process, Experiments.TIMEOUT);
		assertTrue(process.getLaunch().isTerminated());
		assertNotEquals(0, process.getExitValue());
		assertFalse(process.getStreamsProxy().getOutputStreamMonitor().getContents().contains("result:")); //$NON-NLS-1$
		for (ProcessHandle child : children) {
			child.onExit().get(Experiments.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			assertFalse(child.isAlive(), "child JVM " + child.pid() + " is gone"); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}
}
