package org.scriptorium.launching;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.scriptorium.launching.internal.Messages;
import org.scriptorium.sandbox.Experiment;

/**
 * The example experiments shipped with the sandbox engine ({@code experiments/*.moe.json} in its bundle), and the
 * "Scriptorium Examples" project that holds copies of them, so a first-time user can run one right away.
 *
 * @noinstantiate This class is not intended to be instantiated by clients.
 */
public final class ExperimentExamples {

	/** Name of the examples project. */
	public static final String PROJECT_NAME = "Scriptorium Examples"; //$NON-NLS-1$

	private ExperimentExamples() {
	}

	/** The shipped example files, sorted by name. */
	public static List<URL> examples() {
		Bundle sandbox = FrameworkUtil.getBundle(Experiment.class);
		List<URL> out = new ArrayList<>();
		if (sandbox != null) {
			var entries = sandbox.findEntries("experiments", "*" + Experiment.EXTENSION, false); //$NON-NLS-1$ //$NON-NLS-2$
			if (entries != null) {
				out.addAll(Collections.list(entries));
			}
		}
		out.sort((a, b) -> a.getPath().compareTo(b.getPath()));
		return out;
	}

	/** The file name of an example's URL. */
	public static String fileName(URL example) {
		String path = example.getPath();
		return path.substring(path.lastIndexOf('/') + 1);
	}

	/**
	 * Creates (or opens) the {@value #PROJECT_NAME} project and copies every shipped example into it that it does not
	 * have yet; files already there are left as they are (they may have been edited).
	 */
	public static IProject createProject(IProgressMonitor monitor) throws CoreException {
		List<URL> examples = examples();
		SubMonitor sub = SubMonitor.convert(monitor, Messages.Examples_task, examples.size() + 2);
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(PROJECT_NAME);
		if (!project.exists()) {
			project.create(sub.split(1));
		} else {
			sub.worked(1);
		}
		if (!project.isOpen()) {
			project.open(sub.split(1));
		} else {
			sub.worked(1);
		}
		for (URL example : examples) {
			IFile file = project.getFile(fileName(example));
			if (!file.exists()) {
				try (InputStream in = example.openStream()) {
					file.create(in, IResource.NONE, sub.split(1));
				} catch (IOException e) {
					throw new CoreException(ExperimentLaunching.error(ExperimentLaunching.BAD_CONFIGURATION,
							example + ": " + e.getMessage())); //$NON-NLS-1$
				}
			} else {
				sub.worked(1);
			}
		}
		return project;
	}
}
