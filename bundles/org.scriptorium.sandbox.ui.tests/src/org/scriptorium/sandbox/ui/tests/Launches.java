package org.scriptorium.sandbox.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.scriptorium.launching.ExperimentLaunching;
import org.scriptorium.sandbox.ui.SandboxUI;
import org.scriptorium.sandbox.ui.internal.launching.RoutingExperimentShortcut;
import org.scriptorium.sandbox.ui.internal.results.LaunchRecord;
import org.scriptorium.sandbox.ui.internal.results.ResultsView;
import org.scriptorium.tests.common.launch.ExperimentProjects;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.tests.common.ui.Widgets;

/**
 * Launching and waiting in the sandbox UI tests, as a user does (Run As, the Results view), and their clean-up: no
 * launch of one test may outlive it. What does not need the workbench (projects, files, waiting off the UI thread,
 * terminating launches) is {@link ExperimentProjects}, shared with the launching tests.
 */
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

	/**
	 * Waits, dispatching events, until the launch's process has ended with exit code 0 and the workspace refresh after
	 * it is done; fails with the process' output otherwise.
	 */
	static void awaitSuccess(IProcess process, Duration timeout) {
		UiWait.until("the experiment's process terminates", process::isTerminated, timeout); //$NON-NLS-1$
		try {
			assertEquals(0, process.getExitValue(), ExperimentProjects.output(process));
		} catch (DebugException e) {
			throw new AssertionError(e);
		}
		UiWait.jobs(ExperimentLaunching.REFRESH_JOB_FAMILY);
	}

	/** Shows the Results view and waits until its refresh is done. */
	static ResultsView showResults() throws PartInitException {
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		ResultsView view = (ResultsView) page.showView(ResultsView.ID);
		UiWait.jobs(ResultsView.JOB_FAMILY);
		return view;
	}

	/** Waits until the Results view lists a launch of {@code experiment}, and returns the first one. */
	static LaunchRecord awaitLaunch(ResultsView view, String experiment) {
		UiWait.until("the Results view lists a launch of " + experiment, //$NON-NLS-1$
				() -> view.shown().stream().anyMatch(l -> experiment.equals(l.experiment())));
		return view.shown().stream().filter(l -> experiment.equals(l.experiment())).findFirst().orElseThrow();
	}

	/**
	 * Selects the launch's row in the Results view's table as SWTBot's {@code SWTBotTable.select} does (keyboard focus
	 * is not reliable in a maximized part under a bare Xvfb without a window manager), waits until the view shows it
	 * as selected, and returns the row.
	 */
	static int select(ResultsView view, LaunchRecord launch) {
		Table table = Widgets.byId(view.getSite().getShell(), SandboxUI.WIDGET_ID_KEY, ResultsView.ID_TABLE,
				Table.class);
		int row = view.shown().indexOf(launch);
		table.setSelection(row);
		Event selection = new Event();
		selection.item = table.getItem(row);
		table.notifyListeners(SWT.Selection, selection);
		UiWait.until("the launch is selected", () -> launch.equals(view.selected())); //$NON-NLS-1$
		return row;
	}

	/** Terminates every running launch and deletes every Routing Experiment launch configuration. */
	static void terminateAllAndDeleteConfigurations() throws CoreException {
		ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
		ExperimentProjects.terminateAll(false);
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
