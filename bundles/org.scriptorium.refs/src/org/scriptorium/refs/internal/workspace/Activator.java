package org.scriptorium.refs.internal.workspace;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Starts the reference checks of the workspace with the bundle and stops them with it. */
public final class Activator implements BundleActivator {

	@Override
	public void start(BundleContext context) {
		ReferenceChecks.start();
	}

	@Override
	public void stop(BundleContext context) {
		ReferenceChecks.stop();
	}
}
