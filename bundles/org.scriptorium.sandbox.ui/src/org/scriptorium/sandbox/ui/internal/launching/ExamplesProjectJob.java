package org.scriptorium.sandbox.ui.internal.launching;

import java.util.function.Consumer;

import org.eclipse.core.resources.IProject;
import org.eclipse.swt.widgets.Display;
import org.scriptorium.launching.ExperimentExamples;
import org.scriptorium.sandbox.ui.SandboxUI;
import org.scriptorium.ui.internal.jobs.JobUtil;

/**
 * Creates (or reopens) the Scriptorium Examples project in a user-visible workspace job and then hands it to the UI
 * thread. The one way the sandbox UI gets at the shipped examples.
 */
public final class ExamplesProjectJob {

	private ExamplesProjectJob() {
	}

	/**
	 * @param name the job's name, shown in the Progress view
	 * @param onUiThread what to do with the project once it exists; runs on the UI thread
	 */
	public static void schedule(String name, Consumer<IProject> onUiThread) {
		JobUtil.scheduleUserWorkspace(name, SandboxUI.EXAMPLES_JOB_FAMILY, monitor -> {
			IProject project = ExperimentExamples.createProject(monitor);
			Display.getDefault().asyncExec(() -> onUiThread.accept(project));
		});
	}
}
