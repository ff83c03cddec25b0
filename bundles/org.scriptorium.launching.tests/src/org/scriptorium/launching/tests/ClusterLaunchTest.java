package org.scriptorium.launching.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.QualifiedName;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scriptorium.launching.ExperimentLaunching;
import org.scriptorium.tests.common.TinyExperiment;
import org.scriptorium.tests.common.launch.ExperimentProjects;

/**
 * A Routing Experiment configuration with the Slurm executor passes its options to the launch process, and an
 * external command the user trusted for its file runs without the preference (with the shipped Python package).
 */
class ClusterLaunchTest {

	private IProject project;

	@BeforeEach
	void setUp() throws CoreException {
		project = ExperimentProjects.project("cluster-tests"); //$NON-NLS-1$
	}

	@AfterEach
	void tearDown() throws Exception {
		ExperimentProjects.terminateAll(true);
	}

	@Test
	void aSlurmConfigurationPassesItsOptionsToTheLaunchProcess() throws Exception {
		IFile file = ExperimentProjects.write(project, "tiny.moe.json", TinyExperiment.json("tiny")); //$NON-NLS-1$ //$NON-NLS-2$
		ILaunchConfigurationWorkingCopy wc = Experiments.configuration(file);
		wc.setAttribute(ExperimentLaunching.ATTR_EXECUTOR, ExperimentLaunching.EXECUTOR_SLURM);
		wc.setAttribute(ExperimentLaunching.ATTR_SLURM_PARTITION, "debug"); //$NON-NLS-1$
		wc.setAttribute(ExperimentLaunching.ATTR_SLURM_TIME, "7"); //$NON-NLS-1$
		wc.setAttribute(ExperimentLaunching.ATTR_SLURM_CPUS, 1);
		wc.setAttribute(ExperimentLaunching.ATTR_SLURM_MEMORY, "300M"); //$NON-NLS-1$
		wc.setAttribute(ExperimentLaunching.ATTR_SLURM_ARGS, List.of("--nice=0")); //$NON-NLS-1$

		ILaunch launch = wc.launch(ILaunchManager.RUN_MODE, null);

		IProcess process = launch.getProcesses()[0];
		String cmdline = process.getAttribute(IProcess.ATTR_CMDLINE);
		assertTrue(cmdline.contains("--executor slurm --partition debug --time 7 --cpus 1 --mem 300M " //$NON-NLS-1$
				+ "--sbatch-arg --nice=0"), cmdline); //$NON-NLS-1$
		assertEquals(ExperimentLaunching.EXECUTOR_SLURM, process.getAttribute(ExperimentLaunching.PROCESS_ATTR_EXECUTOR));
		ExperimentProjects.awaitTermination(process, Experiments.TIMEOUT);
		assertTrue(process.isTerminated());
	}

	@Test
	void anExternalCommandTrustedForItsFileRunsWithThePythonPackage() throws Exception {
		Path python = Path.of("/usr/bin/python3"); //$NON-NLS-1$
		Assumptions.assumeTrue(Files.isExecutable(python), "skipped: no " + python); //$NON-NLS-1$
		IFile script = ExperimentProjects.write(project, "child.py", //$NON-NLS-1$
				"from scriptorium_sandbox import Run\nwith Run() as run:\n    run.result({\"test.accuracy\": 1.0})\n"); //$NON-NLS-1$
		String command = python + " " + script.getLocation().toOSString(); //$NON-NLS-1$
		IFile file = ExperimentProjects.write(project, "py.moe.json", "{\"name\": \"py\", \"external\": {\"command\": [\"" //$NON-NLS-1$ //$NON-NLS-2$
				+ python + "\", \"" + script.getLocation().toOSString() + "\"]}, \"seeds\": [1]}"); //$NON-NLS-1$ //$NON-NLS-2$
		file.setPersistentProperty(new QualifiedName(ExperimentLaunching.PLUGIN_ID, "trustedCommand"), command); //$NON-NLS-1$

		ILaunch launch = Experiments.configuration(file).launch(ILaunchManager.RUN_MODE, null);

		IProcess process = launch.getProcesses()[0];
		ExperimentProjects.awaitTermination(process, Experiments.TIMEOUT);
		String out = process.getStreamsProxy().getOutputStreamMonitor().getContents();
		String err = process.getStreamsProxy().getErrorStreamMonitor().getContents();
		assertEquals(0, process.getExitValue(), out + err);
		assertTrue(out.contains("[s1] SUCCEEDED"), out); //$NON-NLS-1$
	}
}
