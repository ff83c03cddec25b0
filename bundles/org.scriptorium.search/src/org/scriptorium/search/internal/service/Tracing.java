package org.scriptorium.search.internal.service;

import org.eclipse.osgi.service.debug.DebugOptions;
import org.eclipse.osgi.service.debug.DebugOptionsListener;
import org.eclipse.osgi.service.debug.DebugTrace;

/**
 * Eclipse tracing of the search service: the options are listed in this bundle's {@code .options} and switched on with
 * {@code -debug} or in Preferences &gt; General &gt; Tracing. Registered as a {@link DebugOptionsListener} by the
 * bundle's activator, so the options are read when they change, not at every trace.
 */
public final class Tracing implements DebugOptionsListener {

	/** The symbolic name of the search bundle, the prefix of its options. */
	public static final String PLUGIN_ID = "org.scriptorium.search"; //$NON-NLS-1$

	/** Opening, updating and reopening the paper indexes. */
	public static final String INDEX = "/debug/index"; //$NON-NLS-1$

	private static volatile DebugTrace trace;
	private static volatile boolean index;

	@Override
	public void optionsChanged(DebugOptions options) {
		trace = options.newDebugTrace(PLUGIN_ID, Tracing.class);
		index = options.isDebugEnabled() && options.getBooleanOption(PLUGIN_ID + INDEX, false);
	}

	/** Writes {@code message} to the trace if {@link #INDEX} is on. */
	public static void index(String message) {
		DebugTrace t = trace;
		if (index && t != null) {
			t.trace(INDEX, message);
		}
	}
}
