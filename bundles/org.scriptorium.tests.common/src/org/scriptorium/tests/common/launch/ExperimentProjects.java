package org.scriptorium.tests.common.launch;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.IStreamListener;
import org.eclipse.debug.core.model.IProcess;

/**
 * Launch fixtures shared by the launching tests (headless) and the sandbox UI tests: a project with experiment files,
 * waiting for a launch's process on the debug framework's events (no polling), and the clean-up that no launch of one
 * test outlives. (On the UI thread, wait with {@code UiWait} instead: it dispatches events meanwhile.)
 */
public final class ExperimentProjects {

	private ExperimentProjects() {
	}

	/** An open project of the workspace, created if needed. */
	public static IProject project(String name) throws CoreException {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
		if (!project.exists()) {
			project.create(null);
		}
		if (!project.isOpen()) {
			project.open(null);
		}
		return project;
	}

	/** Writes a file in the project (replacing it), in UTF-8. */
	public static IFile write(IProject project, String name, String content) throws CoreException {
		IFile file = project.getFile(name);
		var in = new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
		if (file.exists()) {
			file.setContents(in, IResource.FORCE, null);
		} else {
			file.create(in, IResource.FORCE, null);
		}
		return file;
	}

	/** Blocks until the process has terminated (its TERMINATE event); fails after {@code timeout} with its output. */
	public static void awaitTermination(IProcess process, Duration timeout) throws InterruptedException {
		CountDownLatch done = new CountDownLatch(1);
		IDebugEventSetListener listener = events -> {
			for (DebugEvent e : events) {
				if (e.getSource() == process && e.getKind() == DebugEvent.TERMINATE) {
					done.countDown();
				}
			}
		};
		DebugPlugin.getDefault().addDebugEventListener(listener);
		try {
			if (!process.isTerminated() && !done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new AssertionError("the process did not terminate within " + timeout.toSeconds() + " s: " //$NON-NLS-1$ //$NON-NLS-2$
						+ output(process));
			}
		} finally {
			DebugPlugin.getDefault().removeDebugEventListener(listener);
		}
	}

	/** Blocks until the process' standard output contains {@code text}; fails after {@code timeout}. */
	public static void awaitOutput(IProcess process, String text, Duration timeout) throws InterruptedException {
		CountDownLatch seen = new CountDownLatch(1);
		var monitor = process.getStreamsProxy().getOutputStreamMonitor();
		IStreamListener listener = (t, m) -> {
			if (m.getContents().contains(text)) {
				seen.countDown();
			}
		};
		monitor.addListener(listener);
		try {
			if (!monitor.getContents().contains(text) && !seen.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new AssertionError("the output did not show " + text + " within " + timeout.toSeconds() + " s: " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						+ output(process));
			}
		} finally {
			monitor.removeListener(listener);
		}
	}

	/** What the process printed so far: its standard output, then its standard error. */
	public static String output(IProcess process) {
		return process.getStreamsProxy().getOutputStreamMonitor().getContents()
				+ process.getStreamsProxy().getErrorStreamMonitor().getContents();
	}

	/** Terminates every launch that still runs; {@code remove}: removes every launch from the launch manager too. */
	public static void terminateAll(boolean remove) throws CoreException {
		ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
		for (ILaunch launch : manager.getLaunches()) {
			if (!launch.isTerminated()) {
				launch.terminate();
			}
			if (remove) {
				manager.removeLaunch(launch);
			}
		}
	}
}
