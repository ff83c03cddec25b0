package org.scriptorium.ui.internal;

import org.eclipse.osgi.service.debug.DebugOptions;
import org.eclipse.osgi.service.debug.DebugTrace;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.scriptorium.ui.ScriptoriumUI;

/**
 * Eclipse tracing for this bundle: options are listed in {@code .options} and switched on with {@code -debug} or in
 * Preferences &gt; General &gt; Tracing.
 */
public final class Tracing {

	/** What the views show. */
	public static final String VIEWS = "/debug/views"; //$NON-NLS-1$

	private Tracing() {
	}

	/** Writes {@code message} to the trace if {@code option} is on. */
	public static void trace(String option, String message) {
		Bundle bundle = FrameworkUtil.getBundle(Tracing.class);
		BundleContext context = bundle == null ? null : bundle.getBundleContext();
		if (context == null) {
			return;
		}
		ServiceReference<DebugOptions> ref = context.getServiceReference(DebugOptions.class);
		if (ref == null) {
			return;
		}
		DebugOptions options = context.getService(ref);
		try {
			if (options != null && options.isDebugEnabled()
					&& options.getBooleanOption(ScriptoriumUI.PLUGIN_ID + option, false)) {
				DebugTrace trace = options.newDebugTrace(ScriptoriumUI.PLUGIN_ID, Tracing.class);
				trace.trace(option, message);
			}
		} finally {
			context.ungetService(ref);
		}
	}
}
