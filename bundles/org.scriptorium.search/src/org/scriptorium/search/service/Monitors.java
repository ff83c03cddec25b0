package org.scriptorium.search.service;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.scriptorium.search.ProgressMonitor;

/** Adapts an Eclipse progress monitor to the search engine's plain-Java {@link ProgressMonitor}. */
final class Monitors {

	private Monitors() {
	}

	static ProgressMonitor of(IProgressMonitor monitor) {
		SubMonitor sub = SubMonitor.convert(monitor);
		return new ProgressMonitor() {
			@Override
			public void begin(String task, int totalWork) {
				sub.setTaskName(task);
				sub.setWorkRemaining(totalWork < 0 ? 0 : totalWork);
			}

			@Override
			public void worked(int units) {
				sub.worked(units);
			}

			@Override
			public boolean isCanceled() {
				return sub.isCanceled();
			}
		};
	}
}
