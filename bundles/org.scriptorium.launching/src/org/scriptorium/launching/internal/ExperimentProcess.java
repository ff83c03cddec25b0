package org.scriptorium.launching.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.eclipse.core.runtime.ILog;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IStreamsProxy;
import org.eclipse.debug.core.model.RuntimeProcess;
import org.eclipse.osgi.util.NLS;
import org.scriptorium.sandbox.LaunchDirectory;
import org.scriptorium.sandbox.RunStatus;
import org.scriptorium.sandbox.SandboxEvent;
import org.scriptorium.sandbox.SandboxRunner;

/**
 * The process of an experiment launch: a {@link RuntimeProcess} (Debug view, Console, Terminate of the process and
 * its child JVMs) whose output is the readable form of the sandbox events, and whose events reach listeners. It
 * reports its termination only once its output has been read to the end.
 */
public final class ExperimentProcess extends RuntimeProcess {

	/** How long termination waits for the rest of the output (a grandchild may keep the pipes open). */
	private static final long DRAIN_MILLIS = 10_000;

	public ExperimentProcess(ILaunch launch, Process process, String name, Map<String, String> attributes) {
		super(launch, process, name, attributes);
	}

	@Override
	protected IStreamsProxy createStreamsProxy() {
		// called from the super constructor: no fields of this class are set yet
		return new EventStreamsProxy(getSystemProcess(), getLabel());
	}

	private EventStreamsProxy proxy() {
		return getStreamsProxy() instanceof EventStreamsProxy p ? p : null;
	}

	/** Adds an event listener; the events received so far are replayed to it first. */
	public void addEventListener(Consumer<SandboxEvent> listener) {
		EventStreamsProxy p = proxy();
		if (p != null) {
			p.addListener(listener);
		}
	}

	public void removeEventListener(Consumer<SandboxEvent> listener) {
		EventStreamsProxy p = proxy();
		if (p != null) {
			p.removeListener(listener);
		}
	}

	/** Time the run JVMs get to stop by themselves before they are killed (as in the sandbox protocol). */
	static final long GRACE_MILLIS = 3_000;

	/**
	 * Time the sandbox CLI gets after a {@code cancel} line to stop its runs and record their end: a run's own polite
	 * stop, SIGTERM and SIGKILL take at most two grace periods, then it writes the summaries.
	 */
	static final long CLI_GRACE_MILLIS = 3 * GRACE_MILLIS + 2_000;

	private volatile boolean terminateRequested;
	private volatile boolean detached;

	/**
	 * Stops following a Slurm launch and leaves its job running: the launch process is killed (SIGKILL, so it cannot
	 * cancel the job) and nothing is recorded; {@link org.scriptorium.launching.ExperimentLaunching#ATTR_ATTACH}
	 * follows it again later.
	 */
	public void detach() {
		detached = true;
		Process cli = getSystemProcess();
		if (cli != null) {
			cli.toHandle().destroyForcibly();
		}
	}

	/**
	 * Stops politely, then forcibly, as the sandbox protocol does with a run: a {@code cancel} line on the CLI's stdin
	 * (it stops its runs and records them as CANCELLED with their partial metrics), then SIGTERM (its shutdown hook
	 * does the same), then SIGKILL; run JVMs still alive a grace period after the CLI ended are killed.
	 */
	@Override
	public void terminate() throws DebugException {
		if (detached) {
			super.terminate();
			return;
		}
		terminateRequested = true;
		Process cli = getSystemProcess();
		if (cli != null && cli.isAlive()) {
			List<ProcessHandle> runs = cli.descendants().toList();
			EventStreamsProxy p = proxy();
			try {
				if (p != null) {
					p.write("cancel\n"); //$NON-NLS-1$
				}
			} catch (IOException e) {
				// stdin closed: SIGTERM below
			}
			if (!awaitExit(cli.toHandle(), CLI_GRACE_MILLIS)) {
				cli.toHandle().destroy(); // SIGTERM without closing our end of the pipes (Process.destroy would)
				if (!awaitExit(cli.toHandle(), GRACE_MILLIS)) {
					// the platform's termination only sends SIGTERM
					cli.toHandle().destroyForcibly();
					awaitExit(cli.toHandle(), GRACE_MILLIS);
				}
			}
			for (ProcessHandle run : runs) {
				if (!awaitExit(run, cli.isAlive() ? 0 : GRACE_MILLIS)) {
					run.descendants().forEach(ProcessHandle::destroyForcibly);
					run.destroyForcibly();
				}
			}
		}
		super.terminate();
	}

	private static boolean awaitExit(ProcessHandle process, long millis) {
		try {
			process.onExit().get(millis, TimeUnit.MILLISECONDS);
			return true;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return !process.isAlive();
		} catch (ExecutionException | TimeoutException e) {
			return !process.isAlive();
		}
	}

	/**
	 * Records the end of the launch when the sandbox CLI could not (killed forcibly or crashed): its runs still marked
	 * RUNNING become CANCELLED if the user terminated it, else FAILED ({@code killed}), with their partial metrics.
	 */
	private void recordIfInterrupted() {
		EventStreamsProxy p = proxy();
		Path directory = p == null ? null : p.launchDirectory();
		if (detached || directory == null || new LaunchDirectory(directory).isRecorded()) {
			return;
		}
		int exit;
		try {
			exit = getSystemProcess().exitValue();
		} catch (IllegalThreadStateException e) {
			exit = -1;
		}
		RunStatus status = terminateRequested ? RunStatus.CANCELLED : RunStatus.FAILED;
		String message = terminateRequested
				? Messages.Process_cancelled
				: NLS.bind(Messages.Process_killed, Integer.valueOf(exit));
		try {
			if (SandboxRunner.recordInterrupted(directory, status, terminateRequested ? "cancelled" : "killed", //$NON-NLS-1$ //$NON-NLS-2$
					message) != null) {
				p.note(NLS.bind(Messages.Process_recorded, new Object[]{Integer.valueOf(exit), status, directory}));
			}
		} catch (IOException | RuntimeException e) {
			ILog.of(ExperimentProcess.class).warn(NLS.bind(Messages.Process_recordFailed, directory), e);
		}
	}

	@Override
	protected void terminated() {
		EventStreamsProxy p = proxy();
		if (p != null) {
			try {
				p.awaitClosed(DRAIN_MILLIS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		recordIfInterrupted();
		super.terminated();
	}
}
