package org.scriptorium.launching.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.osgi.util.NLS;
import org.scriptorium.launching.ExperimentLaunching;
import org.scriptorium.sandbox.LaunchDirectory;
import org.scriptorium.sandbox.internal.slurm.SlurmExecutor;

/**
 * The workbench's side of the Slurm executor: the launch process' Slurm arguments from a configuration, the command
 * that follows a submitted launch again, and finding the launches of the workspace whose job was left running when
 * the workbench closed.
 */
public final class SlurmLaunches {

	private SlurmLaunches() {
	}

	/** The launch process' arguments for the configuration's executor (none for a local launch). */
	public static List<String> arguments(ILaunchConfiguration configuration) throws CoreException {
		List<String> out = new ArrayList<>();
		if (!ExperimentLaunching.EXECUTOR_SLURM.equals(configuration.getAttribute(ExperimentLaunching.ATTR_EXECUTOR,
				ExperimentLaunching.EXECUTOR_LOCAL))) {
			return out;
		}
		out.add("--executor"); //$NON-NLS-1$
		out.add(ExperimentLaunching.EXECUTOR_SLURM);
		option(out, "--partition", configuration.getAttribute(ExperimentLaunching.ATTR_SLURM_PARTITION, "")); //$NON-NLS-1$ //$NON-NLS-2$
		option(out, "--time", configuration.getAttribute(ExperimentLaunching.ATTR_SLURM_TIME, "")); //$NON-NLS-1$ //$NON-NLS-2$
		if (configuration.hasAttribute(ExperimentLaunching.ATTR_SLURM_CPUS)) {
			option(out, "--cpus", //$NON-NLS-1$
					Integer.toString(configuration.getAttribute(ExperimentLaunching.ATTR_SLURM_CPUS, 1)));
		}
		option(out, "--mem", configuration.getAttribute(ExperimentLaunching.ATTR_SLURM_MEMORY, "")); //$NON-NLS-1$ //$NON-NLS-2$
		for (String arg : configuration.getAttribute(ExperimentLaunching.ATTR_SLURM_ARGS, List.of())) {
			if (!arg.isBlank()) {
				out.add("--sbatch-arg"); //$NON-NLS-1$
				out.add(arg.strip());
			}
		}
		return out;
	}

	private static void option(List<String> out, String name, String value) {
		if (value != null && !value.isBlank()) {
			out.add(name);
			out.add(value.strip());
		}
	}

	/** The command line that follows the submitted launch in {@code directory} again. */
	static List<String> attachCommand(Path directory) throws CoreException {
		String classpath = String.join(File.pathSeparator,
				ChildCommand.classpath().stream().map(Path::toString).toList());
		return List.of(ChildCommand.javaExecutable().toString(), ChildCommand.CLI_HEAP, "-Dfile.encoding=UTF-8", //$NON-NLS-1$
				"-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8", "-cp", classpath, ChildCommand.MAIN_CLASS, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				"--attach", directory.toString(), "--json"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/**
	 * The launch directories under the {@value ExperimentLaunching#DEFAULT_OUTPUT_FOLDER} folders of the open projects
	 * that were submitted to Slurm and have not recorded their end, and that no process of this workbench follows.
	 */
	public static List<Path> unfinished() {
		List<Path> out = new ArrayList<>();
		List<String> followed = new ArrayList<>();
		for (var launch : DebugPlugin.getDefault().getLaunchManager().getLaunches()) {
			for (IProcess p : launch.getProcesses()) {
				if (!p.isTerminated() && launch.getLaunchConfiguration() != null) {
					try {
						followed.add(launch.getLaunchConfiguration().getAttribute(ExperimentLaunching.ATTR_ATTACH, "")); //$NON-NLS-1$
					} catch (CoreException e) {
						// a configuration that cannot be read follows nothing
					}
				}
			}
		}
		for (IProject project : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
			IFolder runs = project.isOpen() ? project.getFolder(ExperimentLaunching.DEFAULT_OUTPUT_FOLDER) : null;
			if (runs == null || runs.getLocation() == null || !Files.isDirectory(runs.getLocation().toPath())) {
				continue;
			}
			try (Stream<Path> jobs = Files.find(runs.getLocation().toPath(), 4,
					(p, a) -> p.endsWith(Path.of(SlurmExecutor.FOLDER, SlurmExecutor.JOB)))) {
				for (Path job : jobs.toList()) {
					Path dir = job.getParent().getParent();
					if (!new LaunchDirectory(dir).isRecorded() && !followed.contains(dir.toString())) {
						out.add(dir);
					}
				}
			} catch (IOException e) {
				org.eclipse.core.runtime.ILog.of(SlurmLaunches.class).warn(e.getMessage(), e);
			}
		}
		return out;
	}

	/** Starts following the submitted launch in {@code directory} again, as a launch of its own. */
	public static void attach(Path directory, IProgressMonitor monitor) throws CoreException {
		ILaunchConfigurationType type = DebugPlugin.getDefault().getLaunchManager()
				.getLaunchConfigurationType(ExperimentLaunching.LAUNCH_CONFIGURATION_TYPE_ID);
		ILaunchConfigurationWorkingCopy wc = type.newInstance(null, NLS.bind(Messages.Launch_attachName,
				directory.getParent().getFileName(), directory.getFileName()));
		wc.setAttribute(ExperimentLaunching.ATTR_ATTACH, directory.toString());
		wc.launch(ExperimentLaunching.MODE_RUN, monitor);
	}

	/** The workspace folder holding the launch's experiment folder (what to refresh), or null. */
	static IContainer outputFolder(Path directory) {
		return ResourcesPlugin.getWorkspace().getRoot()
				.getContainerForLocation(IPath.fromOSString(directory.getParent().getParent().toString()));
	}
}
