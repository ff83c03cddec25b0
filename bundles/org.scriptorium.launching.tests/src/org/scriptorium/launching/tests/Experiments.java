package org.scriptorium.launching.tests;

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
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.model.IProcess;
import org.scriptorium.launching.ExperimentLaunching;

/**
 * Fixtures: projects with experiment files (the tiny one is {@link org.scriptorium.tests.common.TinyExperiment}),
 * launch configurations, waiting for processes.
 */
public final class Experiments {

	/** Time a tiny experiment (two JVM starts and a sub-second training) may take on a slow machine. */
	public static final Duration TIMEOUT = Duration.ofSeconds(120);

	private Experiments() {
	}

	/** An open project, created if needed. */
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

	/** Writes a file in the project (replacing it). */
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

	/** A new (unsaved) Routing Experiment configuration for the file. */
	public static ILaunchConfigurationWorkingCopy configuration(IFile file) throws CoreException {
		ILaunchConfigurationType type = DebugPlugin.getDefault().getLaunchManager()
				.getLaunchConfigurationType(ExperimentLaunching.LAUNCH_CONFIGURATION_TYPE_ID);
		ILaunchConfigurationWorkingCopy wc = type.newInstance(null, "test-" + file.getName()); //$NON-NLS-1$
		wc.setAttribute(ExperimentLaunching.ATTR_EXPERIMENT_FILE, file.getFullPath().toPortableString());
		return wc;
	}

	/**
	 * Blocks until the process has terminated; fails after {@code timeout}. Uses the debug framework's TERMINATE
	 * event, no polling.
	 */
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
						+ process.getStreamsProxy().getOutputStreamMonitor().getContents()
						+ process.getStreamsProxy().getErrorStreamMonitor().getContents());
			}
		} finally {
			DebugPlugin.getDefault().removeDebugEventListener(listener);
		}
	}

	/** Blocks until the process' standard output contains {@code text}; fails after {@code timeout}. */
	public static void awaitOutput(IProcess process, String text, Duration timeout) throws InterruptedException {
		CountDownLatch seen = new CountDownLatch(1);
		var monitor = process.getStreamsProxy().getOutputStreamMonitor();
		var listener = (org.eclipse.debug.core.IStreamListener) (t, m) -> {
			if (m.getContents().contains(text)) {
				seen.countDown();
			}
		};
		monitor.addListener(listener);
		try {
			if (!monitor.getContents().contains(text) && !seen.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new AssertionError("the output did not show " + text + " within " + timeout.toSeconds() + " s: " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						+ monitor.getContents() + process.getStreamsProxy().getErrorStreamMonitor().getContents());
			}
		} finally {
			monitor.removeListener(listener);
		}
	}
}
