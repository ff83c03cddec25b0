package org.scriptorium.sandbox.ui.internal.papers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.statushandlers.StatusManager;
import org.scriptorium.launching.ExperimentExamples;
import org.scriptorium.sandbox.ui.SandboxUI;
import org.scriptorium.sandbox.ui.internal.launching.ExamplesProjectJob;
import org.scriptorium.sandbox.ui.internal.launching.RoutingExperimentShortcut;

/**
 * Runs a shipped example experiment (the command's parameter: its file name): creates or opens the Scriptorium
 * Examples project in a job, then launches the file as Run As &gt; Routing Experiment does.
 */
public final class RunExampleHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		String example = event.getParameter(SandboxUI.RUN_EXAMPLE_PARAMETER);
		if (example == null || ExperimentExamples.examples().stream()
				.noneMatch(u -> ExperimentExamples.fileName(u).equals(example))) {
			throw new ExecutionException("No shipped example experiment is named " + example); //$NON-NLS-1$
		}
		ExamplesProjectJob.schedule(NLS.bind(Messages.RunExample_job, example),
				project -> launch(project.getFile(example)));
		return null;
	}

	private static void launch(IFile file) {
		try {
			new RoutingExperimentShortcut().launch(file, ILaunchManager.RUN_MODE);
		} catch (CoreException e) {
			StatusManager.getManager().handle(new MultiStatus(SandboxUI.PLUGIN_ID, 0, new IStatus[]{e.getStatus()},
					NLS.bind(Messages.RunExample_failed, file.getName()), e), StatusManager.LOG | StatusManager.SHOW);
		}
	}
}
