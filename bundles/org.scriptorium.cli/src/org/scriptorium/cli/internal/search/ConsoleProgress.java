package org.scriptorium.cli.internal.search;

import java.io.PrintStream;
import java.util.Locale;

import org.scriptorium.search.ProgressMonitor;

/** Progress of long indexing and embedding on the error stream: the task, then every tenth of it. */
final class ConsoleProgress implements ProgressMonitor {

	private final PrintStream err;
	private String task = ""; //$NON-NLS-1$
	private int total = -1;
	private int done;
	private int lastTenth;
	private long start;

	ConsoleProgress(PrintStream err) {
		this.err = err;
	}

	@Override
	public synchronized void begin(String name, int totalWork) {
		task = name;
		total = totalWork;
		done = 0;
		lastTenth = 0;
		start = System.nanoTime();
	}

	@Override
	public synchronized void worked(int units) {
		done += units;
		if (total > 0 && task.startsWith("Embedding")) { //$NON-NLS-1$ only embedding is slow enough to report
			int tenth = (int) (10L * done / total);
			if (tenth > lastTenth) {
				lastTenth = tenth;
				double s = (System.nanoTime() - start) / 1e9;
				err.printf(Locale.ROOT, "%s: %d%% (%.0f s)%n", task, tenth * 10, s); //$NON-NLS-1$
			}
		}
	}
}
