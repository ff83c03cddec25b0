package org.scriptorium.cite.internal.check;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/**
 * The headless application {@code org.scriptorium.cite.check}: runs {@link CiteCheck} inside an installed Eclipse, so
 * citeproc-java and the shipped CSL styles load through OSGi's class loaders as Copy As does; exits with its code.
 * Run: {@code java -jar plugins/org.eclipse.equinox.launcher_*.jar -nosplash -consoleLog -application
 * org.scriptorium.cite.check}.
 */
public final class CheckApplication implements IApplication {

	@Override
	public Object start(IApplicationContext context) {
		context.applicationRunning();
		return Integer.valueOf(CiteCheck.run(System.out, System.err));
	}

	@Override
	public void stop() {
		// the check ends by itself within seconds
	}
}
