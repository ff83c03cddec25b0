package org.scriptorium.sandbox.ui.internal.launching;

import java.util.function.Consumer;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.swt.widgets.Display;
import org.scriptorium.launching.ExperimentExamples;
import org.scriptorium.sandbox.ui.SandboxUI;

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
		WorkspaceJob job = new WorkspaceJob(name) {
			@Override
			public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
				IProject project = ExperimentExamples.createProject(monitor);
				Display.getDefault().asyncExec(() -> onUiThread.accept(project));
				return Status.OK_STATUS;
			}

			@Override
			public boolean belongsTo(Object family) {
				return SandboxUI.EXAMPLES_JOB_FAMILY.equals(family);
			}
		};
		job.setUser(true);
		job.schedule();
	}
}
