package org.scriptorium.launching.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IStreamsProxy;
import org.eclipse.debug.core.model.RuntimeProcess;
import org.scriptorium.sandbox.SandboxEvent;

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
	 * Stops politely, then forcibly: ends the sandbox CLI first, so each run JVM sees the end of its stdin and
	 * cancels itself at its next micro-batch ({@code -Dscriptorium.cancelOnStdinEof=true}); run JVMs still alive after
	 * {@link #GRACE_MILLIS} are killed, and then the platform's termination runs as usual.
	 */
	@Override
	public void terminate() throws DebugException {
		Process cli = getSystemProcess();
		if (cli != null && cli.isAlive()) {
			List<ProcessHandle> runs = cli.descendants().toList();
			cli.destroy();
			long deadline = System.nanoTime() + GRACE_MILLIS * 1_000_000;
			for (ProcessHandle run : runs) {
				try {
					run.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					break;
				} catch (ExecutionException | TimeoutException e) {
					// killed below
				}
			}
			for (ProcessHandle run : runs) {
				run.descendants().forEach(ProcessHandle::destroyForcibly);
				run.destroyForcibly();
			}
		}
		super.terminate();
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
		super.terminated();
	}
}
