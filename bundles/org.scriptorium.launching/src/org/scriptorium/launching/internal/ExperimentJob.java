package org.scriptorium.launching.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.osgi.util.NLS;
import org.scriptorium.launching.ExperimentLaunching;
import org.scriptorium.sandbox.SandboxEvent;

/**
 * Shows a running experiment in the Progress view and the status line (its runs' training steps as work) until its
 * process ends; cancelling the job terminates the process and its child JVMs.
 */
final class ExperimentJob extends Job {

	private static final SandboxEvent END = new SandboxEvent("", "", null); //$NON-NLS-1$ //$NON-NLS-2$
	private static final int PER_RUN = 100;

	private final ExperimentProcess process;
	private final int runs;

	ExperimentJob(ExperimentProcess process, String experimentName, int runs) {
		super(NLS.bind(Messages.Job_name, experimentName));
		this.process = process;
		this.runs = Math.max(1, runs);
		setPriority(LONG);
	}

	@Override
	public boolean belongsTo(Object family) {
		return ExperimentLaunching.EXPERIMENT_JOB_FAMILY.equals(family);
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		BlockingQueue<SandboxEvent> queue = new LinkedBlockingQueue<>();
		Consumer<SandboxEvent> listener = queue::add;
		IDebugEventSetListener terminated = events -> {
			for (DebugEvent e : events) {
				if (e.getSource() == process && e.getKind() == DebugEvent.TERMINATE) {
					queue.add(END);
				}
			}
		};
		DebugPlugin.getDefault().addDebugEventListener(terminated);
		process.addEventListener(listener);
		if (process.isTerminated()) {
			queue.add(END);
		}
		monitor.beginTask(getName(), runs * PER_RUN);
		Map<String, Integer> done = new HashMap<>();
		int finished = 0;
		try {
			while (true) {
				SandboxEvent e = queue.take();
				if (e == END) {
					break;
				}
				switch (e.type()) {
					case "started" -> monitor.subTask(NLS.bind(Messages.Job_run, e.runId(), finished + 1, runs)); //$NON-NLS-1$
					case "progress" -> { //$NON-NLS-1$
						long step = e.data().has("step") ? e.data().get("step").getAsLong() : 0; //$NON-NLS-1$ //$NON-NLS-2$
						long total = Math.max(1, e.data().has("total") ? e.data().get("total").getAsLong() : 1); //$NON-NLS-1$ //$NON-NLS-2$
						int percent = (int) Math.min(PER_RUN, PER_RUN * step / total);
						int before = done.getOrDefault(e.runId(), 0);
						if (percent > before) {
							done.put(e.runId(), percent);
							monitor.worked(percent - before);
						}
					}
					case "result", "error" -> { //$NON-NLS-1$ //$NON-NLS-2$
						finished++;
						int before = done.getOrDefault(e.runId(), 0);
						done.put(e.runId(), PER_RUN);
						monitor.worked(PER_RUN - before);
					}
					default -> {
						// other events do not move the progress
					}
				}
			}
		} catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		} finally {
			process.removeEventListener(listener);
			DebugPlugin.getDefault().removeDebugEventListener(terminated);
			monitor.done();
		}
		return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
	}

	@Override
	protected void canceling() {
		// called on the thread that cancels (often the UI thread): terminating waits for the children, so not here
		Thread t = new Thread(() -> {
			try {
				process.terminate();
			} catch (DebugException e) {
				org.eclipse.core.runtime.ILog.of(ExperimentJob.class).log(e.getStatus());
			}
		}, getName() + " cancel"); //$NON-NLS-1$
		t.setDaemon(true);
		t.start();
	}
}
