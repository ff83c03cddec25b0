package org.scriptorium.sandbox;

/** Final state of a run. */
public enum RunStatus {
	/** The child sent a result and exited with code 0. */
	SUCCEEDED,
	/** The child crashed, threw, ran out of memory, exited early, or never sent a result. */
	FAILED,
	/** The wall-clock limit was reached; the child was stopped. */
	TIMED_OUT,
	/** Cancelled by the caller; the child was stopped. */
	CANCELLED,
	/**
	 * Training diverged: a loss, a gradient or the logits became NaN or infinite; the message names the optimizer step
	 * and the first non-finite quantity. A result of the experiment, not a crash.
	 */
	DIVERGED
}
