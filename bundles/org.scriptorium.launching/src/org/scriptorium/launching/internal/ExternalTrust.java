package org.scriptorium.launching.internal;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.QualifiedName;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IStatusHandler;
import org.scriptorium.launching.ExperimentLaunching;
import org.scriptorium.sandbox.Experiment;

/**
 * Whether a launch may run the external command its experiment names when the preference does not allow external
 * commands: the same trust as {@code --allow-external}, given by the user for one launch or for the file as long as
 * its command stays the same (kept as a persistent property of the file). The question goes to the
 * {@link IStatusHandler} registered for {@link ExperimentLaunching#TRUST_EXTERNAL} (the workbench's confirmation
 * dialog); without one (headless), the command does not run.
 */
final class ExternalTrust {

	/** The command the user trusted for the file, joined by spaces. */
	static final QualifiedName TRUSTED = new QualifiedName(ExperimentLaunching.PLUGIN_ID, "trustedCommand"); //$NON-NLS-1$

	private ExternalTrust() {
	}

	static boolean allowed(IFile file, Experiment experiment) throws CoreException {
		String command = String.join(" ", experiment.externalCommand()); //$NON-NLS-1$
		if (command.equals(file.getPersistentProperty(TRUSTED))) {
			return true;
		}
		IStatus question = new Status(IStatus.INFO, ExperimentLaunching.PLUGIN_ID, ExperimentLaunching.TRUST_EXTERNAL,
				command, null);
		IStatusHandler handler = DebugPlugin.getDefault().getStatusHandler(question);
		if (handler == null) {
			return false;
		}
		Object answer = handler.handleStatus(question, new Object[]{file, command});
		if (answer == ExperimentLaunching.Trust.ALWAYS) {
			file.setPersistentProperty(TRUSTED, command);
		}
		return answer == ExperimentLaunching.Trust.ALWAYS || answer == ExperimentLaunching.Trust.ONCE;
	}
}
