package org.scriptorium.search;

/**
 * Progress and cancellation of a long operation (indexing, evaluation). The UI wraps an Eclipse
 * {@code SubMonitor} in it; all methods may be called from a background thread.
 */
public interface ProgressMonitor {

	/** A monitor that reports nothing and is never canceled. */
	ProgressMonitor NONE = new ProgressMonitor() {
	};

	/** Starts a task of {@code totalWork} units (-1 when unknown). */
	default void begin(String task, int totalWork) {
	}

	/** Reports {@code units} more units done. */
	default void worked(int units) {
	}

	/** Whether the user asked to stop; the operation then ends with a {@link java.util.concurrent.CancellationException}. */
	default boolean isCanceled() {
		return false;
	}
}
