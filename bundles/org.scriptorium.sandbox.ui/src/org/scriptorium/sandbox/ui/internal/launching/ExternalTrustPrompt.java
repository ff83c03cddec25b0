package org.scriptorium.sandbox.ui.internal.launching;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.debug.core.IStatusHandler;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;
import org.scriptorium.launching.ExperimentLaunching;

/**
 * Asks the user whether an experiment may run the external command it names (the workbench's
 * {@code --allow-external}): Run Once, Always for This File (remembered while the command stays the same) or Don't
 * Run. Registered for {@link ExperimentLaunching#TRUST_EXTERNAL}.
 */
public final class ExternalTrustPrompt implements IStatusHandler {

	@Override
	public Object handleStatus(IStatus status, Object source) {
		Object[] args = source instanceof Object[] a ? a : new Object[]{null, status.getMessage()};
		String file = args[0] instanceof IFile f ? f.getFullPath().toString() : ""; //$NON-NLS-1$
		String command = String.valueOf(args[1]);
		ExperimentLaunching.Trust[] answer = {ExperimentLaunching.Trust.NO};
		Display display = PlatformUI.isWorkbenchRunning() ? PlatformUI.getWorkbench().getDisplay() : null;
		if (display == null) {
			return answer[0];
		}
		display.syncExec(() -> {
			MessageDialog dialog = new MessageDialog(display.getActiveShell(), Messages.Trust_title, null,
					NLS.bind(Messages.Trust_message, file, command), MessageDialog.WARNING, 2, Messages.Trust_once,
					Messages.Trust_always, IDialogConstants.CANCEL_LABEL);
			int choice = dialog.open();
			answer[0] = choice == 0
					? ExperimentLaunching.Trust.ONCE
					: choice == 1 ? ExperimentLaunching.Trust.ALWAYS : ExperimentLaunching.Trust.NO;
		});
		return answer[0];
	}
}
