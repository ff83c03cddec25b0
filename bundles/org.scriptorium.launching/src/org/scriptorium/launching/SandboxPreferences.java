package org.scriptorium.launching;

import java.util.List;

/**
 * Keys and default values of the preferences of sandbox runs, the limits every routing experiment launch starts with
 * (a launch configuration may set its own). They live in the instance scope node {@link #QUALIFIER}; the defaults are
 * set by this bundle's preference initializer and Preferences &gt; Scriptorium &gt; Sandbox edits them.
 *
 * @noinstantiate This class is not intended to be instantiated by clients.
 */
public final class SandboxPreferences {

	/** The preference node: the launching bundle's symbolic name. */
	public static final String QUALIFIER = "org.scriptorium.launching"; //$NON-NLS-1$

	/** Wall-clock limit of one run, in seconds. */
	public static final String SANDBOX_TIMEOUT = "sandbox.timeoutSeconds"; //$NON-NLS-1$
	public static final int DEFAULT_SANDBOX_TIMEOUT = 600;

	/** Maximum heap of a run's child JVM, in MiB. */
	public static final String SANDBOX_HEAP = "sandbox.maxHeapMb"; //$NON-NLS-1$
	public static final int DEFAULT_SANDBOX_HEAP = 1024;

	/** How many runs of a sweep may run at once. */
	public static final String SANDBOX_PARALLEL = "sandbox.parallelRuns"; //$NON-NLS-1$
	public static final int DEFAULT_SANDBOX_PARALLEL = 2;

	/** Whether experiments may start external commands (e.g. a Python script); off unless allowed. */
	public static final String SANDBOX_ALLOW_EXTERNAL = "sandbox.allowExternal"; //$NON-NLS-1$
	public static final boolean DEFAULT_SANDBOX_ALLOW_EXTERNAL = false;

	/** Every key of this node (what earlier versions kept in the core's node). */
	public static final List<String> KEYS = List.of(SANDBOX_TIMEOUT, SANDBOX_HEAP, SANDBOX_PARALLEL,
			SANDBOX_ALLOW_EXTERNAL);

	private SandboxPreferences() {
	}
}
