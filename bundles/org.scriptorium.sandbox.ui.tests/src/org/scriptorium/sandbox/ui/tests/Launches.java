package org.scriptorium.sandbox.ui.tests;

import java.util.Arrays;
import java.util.Objects;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.scriptorium.launching.ExperimentLaunching;
import org.scriptorium.sandbox.ui.internal.launching.RoutingExperimentShortcut;
import org.scriptorium.sandbox.ui.internal.results.ResultsView;
import org.scriptorium.tests.common.ui.UiWait;

/** Clean-up shared by the sandbox UI tests: no launch of one test may outlive it. */
final class Launches {

	private Launches() {
	}

	/** Runs the file through Run As &gt; Routing Experiment and waits for the launch's child process. */
	static IProcess runAs(IFile file) throws CoreException {
		new RoutingExperimentShortcut().launch(new StructuredSelection(file), ILaunchManager.RUN_MODE);
		ILaunchConfiguration configuration = RoutingExperimentShortcut.configurationsOf(file).get(0);
		IProcess[] process = new IProcess[1];
		UiWait.until("the launch has a process", () -> { //$NON-NLS-1$
			process[0] = Arrays.stream(DebugPlugin.getDefault().getLaunchManager().getLaunches())
					.filter(l -> configuration.equals(l.getLaunchConfiguration()))
					.flatMap(l -> Arrays.stream(l.getProcesses()))
					.findFirst().orElse(null);
			return process[0] != null;
		});
		return Objects.requireNonNull(process[0]);
	}

	/** Terminates every running launch and deletes every Routing Experiment launch configuration. */
	static void terminateAllAndDeleteConfigurations() throws CoreException {
		ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
		for (ILaunch launch : manager.getLaunches()) {
			if (!launch.isTerminated()) {
				launch.terminate();
			}
		}
		for (ILaunchConfiguration c : manager.getLaunchConfigurations(
				manager.getLaunchConfigurationType(ExperimentLaunching.LAUNCH_CONFIGURATION_TYPE_ID))) {
			c.delete();
		}
	}

	/**
	 * The clean-up of a Results view test: terminates the launches, deletes their configurations, closes the Results
	 * view and deletes the test's project (if it made one).
	 */
	static void cleanUpResultsTest(IProject project) throws CoreException {
		terminateAllAndDeleteConfigurations();
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		var view = page.findView(ResultsView.ID);
		if (view != null) {
			page.hideView(view);
		}
		if (project != null) {
			project.delete(true, true, null);
		}
	}
}
