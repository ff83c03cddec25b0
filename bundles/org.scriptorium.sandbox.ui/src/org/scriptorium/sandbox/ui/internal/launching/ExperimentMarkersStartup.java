package org.scriptorium.sandbox.ui.internal.launching;

import org.eclipse.ui.IStartup;
import org.scriptorium.launching.ExperimentMarkers;

/**
 * Installs the validation of experiment files on save, so their problems show in the Problems view, and shows an
 * experiment's Console when its launch starts ({@link ExperimentConsoles}).
 */
public final class ExperimentMarkersStartup implements IStartup {

	@Override
	public void earlyStartup() {
		ExperimentMarkers.install();
		ExperimentConsoles.install();
	}
}
