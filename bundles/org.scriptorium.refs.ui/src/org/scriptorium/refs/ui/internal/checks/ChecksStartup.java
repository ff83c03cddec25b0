package org.scriptorium.refs.ui.internal.checks;

import org.eclipse.ui.IStartup;
import org.scriptorium.refs.internal.workspace.ReferenceChecks;

/**
 * Starts the reference checks of the workspace ({@link ReferenceChecks}) once the workbench has started, so that a
 * saved file is checked whether or not something else loaded the references bundle before (it activates lazily).
 * The workbench runs this in a background job; Preferences &gt; General &gt; Startup and Shutdown lists it.
 */
public final class ChecksStartup implements IStartup {

	private static volatile boolean ran;

	@Override
	public void earlyStartup() {
		ReferenceChecks.start();
		ran = true;
	}

	/** Whether the workbench ran this start-up (tests wait for it). */
	public static boolean ran() {
		return ran;
	}
}
