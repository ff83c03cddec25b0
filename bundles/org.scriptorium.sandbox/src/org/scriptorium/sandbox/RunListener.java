package org.scriptorium.sandbox;

/** Receives events of running children. Called from reader threads; implementations must be thread-safe. */
@FunctionalInterface
public interface RunListener {

    void onEvent(SandboxEvent event);

    /** Called once per run when it has finished and its directory is written. */
    default void onFinished(RunResult result) {
    }
}
