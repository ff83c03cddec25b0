package org.scriptorium.sandbox.ui.internal.launching;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.wizards.newresource.BasicNewResourceWizard;
import org.scriptorium.launching.ExperimentExamples;
import org.scriptorium.sandbox.ui.SandboxUI;

/**
 * Creates the "Scriptorium Examples" project with the shipped example experiments in a job and selects it in the
 * Project Explorer; Run As &gt; Routing Experiment on a file then runs it.
 */
public final class CreateExamplesHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
		WorkspaceJob job = new WorkspaceJob(Messages.Examples_job) {
			@Override
			public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
				IProject project = ExperimentExamples.createProject(monitor);
				if (window != null) {
					Display display = window.getShell().getDisplay();
					display.asyncExec(() -> {
						if (!window.getShell().isDisposed()) {
							BasicNewResourceWizard.selectAndReveal(project, window);
						}
					});
				}
				return Status.OK_STATUS;
			}

			@Override
			public boolean belongsTo(Object family) {
				return SandboxUI.EXAMPLES_JOB_FAMILY.equals(family);
			}
		};
		job.setUser(true);
		job.schedule();
		return null;
	}
}
