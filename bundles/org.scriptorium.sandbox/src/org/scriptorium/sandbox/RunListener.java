package org.scriptorium.sandbox;

/** Receives events of running children. Called from reader threads; implementations must be thread-safe. */
@FunctionalInterface
public interface RunListener {

	void onEvent(SandboxEvent event);

	/**
	 * Called once per launch before its first run starts, with the launch's directory (where {@code summary.json}
	 * will be written) and its runs.
	 */
	default void onLaunch(java.nio.file.Path directory, java.util.List<RunSpec> runs) {
	}

	/** Called once per run when it has finished and its directory is written. */
	default void onFinished(RunResult result) {
	}
}
