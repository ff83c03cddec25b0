package org.scriptorium.sandbox.ui.internal.launching;

import org.eclipse.debug.core.model.IProcess;
import org.eclipse.ui.console.ConsolePlugin;
import org.eclipse.ui.console.IConsole;
import org.eclipse.ui.console.IConsoleListener;
import org.scriptorium.launching.ExperimentLaunching;

/**
 * Shows an experiment's Console once, when its launch starts. Whether later output brings the Console to the front
 * again is the user's choice: the debug UI's preferences <i>Show when program writes to standard out / error</i>
 * (off in the Scriptorium IDE, so a running experiment does not take the Progress or Results view away every few
 * seconds).
 */
public final class ExperimentConsoles implements IConsoleListener {

	/** Listens to the console manager from now on. */
	public static void install() {
		ConsolePlugin.getDefault().getConsoleManager().addConsoleListener(new ExperimentConsoles());
	}

	@Override
	public void consolesAdded(IConsole[] consoles) {
		for (IConsole console : consoles) {
			if (console instanceof org.eclipse.debug.ui.console.IConsole c && isExperiment(c.getProcess())) {
				ConsolePlugin.getDefault().getConsoleManager().showConsoleView(console);
			}
		}
	}

	private static boolean isExperiment(IProcess process) {
		return process != null
				&& ExperimentLaunching.PROCESS_TYPE.equals(process.getAttribute(IProcess.ATTR_PROCESS_TYPE));
	}

	@Override
	public void consolesRemoved(IConsole[] consoles) {
		// nothing to forget
	}
}
