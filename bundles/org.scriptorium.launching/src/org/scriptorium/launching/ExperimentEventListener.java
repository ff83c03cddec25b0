package org.scriptorium.launching;

import org.eclipse.debug.core.model.IProcess;
import org.scriptorium.sandbox.SandboxEvent;

/**
 * Receives the protocol events of a running experiment process (see {@code docs/sandbox-protocol.md}): {@code started},
 * {@code progress}, {@code metric}, {@code log}, {@code artifact}, {@code result}, {@code error} per run, and the
 * final {@code summary} (run id empty). Called on the process' output reader thread; implementations must be quick
 * and thread-safe. Register with {@link ExperimentLaunching#addEventListener(IProcess, ExperimentEventListener)}.
 */
@FunctionalInterface
public interface ExperimentEventListener {

	void eventReceived(IProcess process, SandboxEvent event);
}
