package org.scriptorium.sandbox.ui.internal.launching;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.wizards.newresource.BasicNewResourceWizard;

/**
 * Creates the "Scriptorium Examples" project with the shipped example experiments in a job and selects it in the
 * Project Explorer; Run As &gt; Routing Experiment on a file then runs it.
 */
public final class CreateExamplesHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
		ExamplesProjectJob.schedule(Messages.Examples_job, project -> {
			if (window != null && !window.getShell().isDisposed()) {
				BasicNewResourceWizard.selectAndReveal(project, window);
			}
		});
		return null;
	}
}
