package org.scriptorium.launching.tests;

import java.time.Duration;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.scriptorium.launching.ExperimentLaunching;
import org.scriptorium.tests.common.TinyExperiment;
import org.scriptorium.tests.common.launch.ExperimentProjects;

/**
 * Fixtures of the launching tests: Routing Experiment launch configurations and launches of the tiny experiment
 * ({@link TinyExperiment}); projects, files and waiting for processes are {@link ExperimentProjects}, shared with the
 * sandbox UI tests.
 */
public final class Experiments {

	/** Time a tiny experiment (two JVM starts and a sub-second training) may take on a slow machine. */
	public static final Duration TIMEOUT = Duration.ofSeconds(120);

	private Experiments() {
	}

	/** A new (unsaved) Routing Experiment configuration for the file. */
	public static ILaunchConfigurationWorkingCopy configuration(IFile file) throws CoreException {
		ILaunchConfigurationType type = DebugPlugin.getDefault().getLaunchManager()
				.getLaunchConfigurationType(ExperimentLaunching.LAUNCH_CONFIGURATION_TYPE_ID);
		ILaunchConfigurationWorkingCopy wc = type.newInstance(null, "test-" + file.getName()); //$NON-NLS-1$
		wc.setAttribute(ExperimentLaunching.ATTR_EXPERIMENT_FILE, file.getFullPath().toPortableString());
		return wc;
	}

	/**
	 * Launches the tiny experiment {@code name} (written as {@code name.moe.json} in the project) with the overrides
	 * and waits until its process prints {@code text}; returns the process.
	 */
	public static IProcess start(IProject project, String name, Map<String, String> overrides, String text)
			throws CoreException, InterruptedException {
		IFile file = ExperimentProjects.write(project, name + ".moe.json", TinyExperiment.json(name)); //$NON-NLS-1$
		ILaunchConfigurationWorkingCopy wc = configuration(file);
		wc.setAttribute(ExperimentLaunching.ATTR_OVERRIDES, overrides);
		IProcess process = wc.launch(ILaunchManager.RUN_MODE, null).getProcesses()[0];
		ExperimentProjects.awaitOutput(process, text, TIMEOUT);
		return process;
	}
}
