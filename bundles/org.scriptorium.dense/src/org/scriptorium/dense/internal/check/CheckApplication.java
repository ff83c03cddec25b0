package org.scriptorium.dense.internal.check;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/**
 * The headless application {@code org.scriptorium.dense.check}: runs {@link ModelCheck} inside the installed Eclipse,
 * so the bundled models, ONNX Runtime and the tokenizer load through OSGi's class loaders as the search does; exits
 * with {@link ModelCheck}'s code. Run: {@code java -jar plugins/org.eclipse.equinox.launcher_*.jar -nosplash
 * -consoleLog -application org.scriptorium.dense.check [MODEL...]}.
 */
public final class CheckApplication implements IApplication {

	@Override
	public Object start(IApplicationContext context) {
		Object args = context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
		context.applicationRunning();
		return Integer.valueOf(ModelCheck.run(args instanceof String[] a ? a : new String[0], System.out, System.err));
	}

	@Override
	public void stop() {
		// the check ends by itself within seconds
	}
}
