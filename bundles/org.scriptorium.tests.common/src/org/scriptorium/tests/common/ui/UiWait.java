package org.scriptorium.tests.common.ui;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;

/**
 * Waits on the UI thread for a condition while dispatching events, like SWTBot's {@code waitUntil}: no fixed
 * sleeps; a timer wakes the event loop so the condition is checked often.
 */
public final class UiWait {

	/** Default time a condition may take before the test fails. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

	private UiWait() {
	}

	/** Dispatches events until {@code condition} holds; fails with {@code description} after {@code timeout}. */
	public static void until(String description, BooleanSupplier condition, Duration timeout) {
		Display display = Display.getCurrent();
		if (display == null) {
			throw new IllegalStateException("UiWait must run on the UI thread"); //$NON-NLS-1$
		}
		long deadline = System.nanoTime() + timeout.toNanos();
		boolean[] tick = {false};
		Runnable wake = () -> tick[0] = true;
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting until " + description); //$NON-NLS-1$ //$NON-NLS-2$
			}
			display.timerExec(20, wake);
			if (!display.readAndDispatch()) {
				display.sleep();
			}
		}
		display.timerExec(-1, wake);
	}

	/** {@link #until(String, BooleanSupplier, Duration)} with the {@link #DEFAULT_TIMEOUT}. */
	public static void until(String description, BooleanSupplier condition) {
		until(description, condition, DEFAULT_TIMEOUT);
	}

	/** Waits until no job of {@code family} is waiting or running, dispatching events meanwhile. */
	public static void jobs(Object family) {
		until("jobs of " + family + " are done", () -> Job.getJobManager().find(family).length == 0); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** Dispatches all pending events. */
	public static void flush() {
		Display display = Display.getCurrent();
		while (display.readAndDispatch()) {
			// keep dispatching
		}
	}
}
