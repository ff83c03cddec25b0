package org.scriptorium.tests.common.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Tree;

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
				String message = "Timed out after " + timeout.toSeconds() + " s waiting until " + description; //$NON-NLS-1$ //$NON-NLS-2$
				System.err.println(message + "; the shells, threads and jobs then:\n" + shells(display) //$NON-NLS-1$
						+ threadsAndJobs());
				throw new AssertionError(message);
			}
			display.timerExec(20, wake);
			if (!display.readAndDispatch()) {
				display.sleep();
			}
		}
		display.timerExec(-1, wake);
	}

	/** The visible shells with the rows of their tables and trees (the first 40 each): what the user saw. */
	static String shells(Display display) {
		StringBuilder out = new StringBuilder();
		for (Shell shell : display.getShells()) {
			if (shell.isDisposed() || !shell.isVisible()) {
				continue;
			}
			out.append("shell '").append(shell.getText()).append("' ").append(shell.getBounds()).append('\n'); //$NON-NLS-1$
			for (Table table : Widgets.all(shell, Table.class)) {
				if (table.isVisible()) {
					out.append("  table, ").append(table.getItemCount()).append(" rows:\n"); //$NON-NLS-1$ //$NON-NLS-2$
					for (int i = 0; i < Math.min(40, table.getItemCount()); i++) {
						out.append("    ").append(table.getItem(i).getText()).append('\n'); //$NON-NLS-1$
					}
				}
			}
			for (Tree tree : Widgets.all(shell, Tree.class)) {
				if (tree.isVisible()) {
					out.append("  tree, ").append(tree.getItemCount()).append(" top rows:\n"); //$NON-NLS-1$ //$NON-NLS-2$
					for (int i = 0; i < Math.min(40, tree.getItemCount()); i++) {
						out.append("    ").append(tree.getItem(i).getText()).append('\n'); //$NON-NLS-1$
					}
				}
			}
		}
		return out.toString();
	}

	/** What every thread is doing and which jobs are waiting or running: why a wait timed out. */
	static String threadsAndJobs() {
		StringBuilder out = new StringBuilder();
		for (Job job : Job.getJobManager().find(null)) {
			out.append("job '").append(job.getName()).append("' ").append(switch (job.getState()) { //$NON-NLS-1$ //$NON-NLS-2$
				case Job.RUNNING -> "running"; //$NON-NLS-1$
				case Job.WAITING -> "waiting"; //$NON-NLS-1$
				case Job.SLEEPING -> "sleeping"; //$NON-NLS-1$
				default -> "none"; //$NON-NLS-1$
			}).append('\n');
		}
		for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
			out.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState()); //$NON-NLS-1$
			if (thread.getLockName() != null) {
				out.append(" on ").append(thread.getLockName()); //$NON-NLS-1$
			}
			if (thread.getLockOwnerName() != null) {
				out.append(" owned by \"").append(thread.getLockOwnerName()).append('"'); //$NON-NLS-1$
			}
			out.append('\n');
			for (StackTraceElement frame : thread.getStackTrace()) {
				out.append("\tat ").append(frame).append('\n'); //$NON-NLS-1$
			}
		}
		return out.toString();
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
