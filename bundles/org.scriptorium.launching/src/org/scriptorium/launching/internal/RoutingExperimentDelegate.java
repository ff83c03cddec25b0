package org.scriptorium.launching.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.preferences.IPreferencesService;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.LaunchConfigurationDelegate;
import org.eclipse.osgi.util.NLS;
import org.scriptorium.launching.ExperimentLaunching;
import org.scriptorium.launching.SandboxPreferences;
import org.scriptorium.sandbox.Experiment;
import org.scriptorium.sandbox.ExperimentException;
import org.scriptorium.sandbox.LaunchDirectory;
import org.scriptorium.sandbox.internal.slurm.SlurmExecutor;

/**
 * Launches a routing experiment: validates the file with the engine (an invalid file fails the launch with the
 * engine's messages), then starts the sandbox CLI through {@link DebugPlugin#exec} and registers it with
 * {@link DebugPlugin#newProcess}, so it shows in the Debug view, its JSON-lines output in a Console, and Terminate
 * stops it and its child JVMs. When it ends, the output folder is refreshed.
 */
public final class RoutingExperimentDelegate extends LaunchConfigurationDelegate {

	@Override
	public void launch(ILaunchConfiguration configuration, String mode, ILaunch launch, IProgressMonitor monitor)
			throws CoreException {
		if (!ExperimentLaunching.MODE_RUN.equals(mode)) {
			throw new CoreException(ExperimentLaunching.error(ExperimentLaunching.UNSUPPORTED_MODE,
					NLS.bind(Messages.Launch_unsupportedMode, mode)));
		}
		SubMonitor sub = SubMonitor.convert(monitor, NLS.bind(Messages.Launch_task, configuration.getName()), 3);
		String attach = configuration.getAttribute(ExperimentLaunching.ATTR_ATTACH, ""); //$NON-NLS-1$
		if (!attach.isBlank()) {
			attach(Path.of(attach), configuration, launch);
			return;
		}
		IFile file = ExperimentLaunching.experimentFile(configuration);
		Map<String, String> overrides = new LinkedHashMap<>(
				configuration.getAttribute(ExperimentLaunching.ATTR_OVERRIDES, Map.of()));
		Experiment experiment = ExperimentLaunching.validate(file, overrides);
		sub.worked(1);
		if (sub.isCanceled()) {
			return;
		}

		IContainer outputFolder = outputFolder(configuration, file);
		IPreferencesService prefs = Platform.getPreferencesService();
		int timeout = positive(configuration, ExperimentLaunching.ATTR_TIMEOUT_SECONDS,
				prefs.getInt(SandboxPreferences.QUALIFIER, SandboxPreferences.SANDBOX_TIMEOUT,
						SandboxPreferences.DEFAULT_SANDBOX_TIMEOUT, null));
		int heap = positive(configuration, ExperimentLaunching.ATTR_HEAP_MB,
				prefs.getInt(SandboxPreferences.QUALIFIER, SandboxPreferences.SANDBOX_HEAP,
						SandboxPreferences.DEFAULT_SANDBOX_HEAP, null));
		int parallel = positive(configuration, ExperimentLaunching.ATTR_PARALLEL_RUNS,
				prefs.getInt(SandboxPreferences.QUALIFIER, SandboxPreferences.SANDBOX_PARALLEL,
						SandboxPreferences.DEFAULT_SANDBOX_PARALLEL, null));
		Integer seed = configuration.hasAttribute(ExperimentLaunching.ATTR_SEED)
				? Integer.valueOf(configuration.getAttribute(ExperimentLaunching.ATTR_SEED, 0))
				: null;
		boolean allowExternal = prefs.getBoolean(SandboxPreferences.QUALIFIER,
				SandboxPreferences.SANDBOX_ALLOW_EXTERNAL,
				SandboxPreferences.DEFAULT_SANDBOX_ALLOW_EXTERNAL, null)
				|| experiment.isExternal() && ExternalTrust.allowed(file, experiment);
		Path output = outputFolder.getLocation().toPath();
		ChildCommand command = new ChildCommand(file.getLocation().toPath(), output, timeout, heap, parallel, seed,
				overrides, allowExternal);
		List<String> cmdLine = new ArrayList<>(command.toCommandLine());
		List<String> slurm = SlurmLaunches.arguments(configuration);
		cmdLine.addAll(slurm);
		sub.worked(1);

		File workingDirectory = file.getLocation().toFile().getParentFile();
		String[] environment = DebugPlugin.getDefault().getLaunchManager().getEnvironment(configuration);
		Process process = DebugPlugin.exec(cmdLine.toArray(String[]::new), workingDirectory, environment);
		if (process == null) {
			throw new CoreException(
					ExperimentLaunching.error(ExperimentLaunching.EXEC_FAILED, String.join(" ", cmdLine))); //$NON-NLS-1$
		}
		Map<String, String> attributes = new HashMap<>();
		attributes.put(IProcess.ATTR_PROCESS_TYPE, ExperimentLaunching.PROCESS_TYPE);
		attributes.put(ExperimentLaunching.PROCESS_ATTR_OUTPUT_FOLDER, output.toString());
		attributes.put(ExperimentLaunching.PROCESS_ATTR_EXECUTOR,
				slurm.isEmpty() ? ExperimentLaunching.EXECUTOR_LOCAL : ExperimentLaunching.EXECUTOR_SLURM);
		String label = NLS.bind(Messages.Launch_processLabel, experiment.name(),
				DateFormat.getDateTimeInstance(DateFormat.MEDIUM, DateFormat.MEDIUM).format(new Date()));
		// what DebugPlugin.newProcess does, with the RuntimeProcess that reads the events
		ExperimentProcess iprocess = new ExperimentProcess(launch, process, label, attributes);
		iprocess.setAttribute(IProcess.ATTR_CMDLINE, DebugPlugin.renderArguments(cmdLine.toArray(String[]::new), null));
		refreshWhenTerminated(iprocess, outputFolder);
		new ExperimentJob(iprocess, experiment.name(), runCount(experiment, seed)).schedule();
		sub.worked(1);
	}

	/** Follows again a launch submitted to Slurm earlier (its process records it as a launch started now would). */
	private static void attach(Path directory, ILaunchConfiguration configuration, ILaunch launch)
			throws CoreException {
		LaunchDirectory dir = new LaunchDirectory(directory);
		Experiment experiment;
		try {
			experiment = dir.experiment();
		} catch (java.io.IOException | ExperimentException e) {
			throw new CoreException(ExperimentLaunching.error(ExperimentLaunching.BAD_CONFIGURATION,
					NLS.bind(Messages.Launch_attachMissing, directory)));
		}
		if (!Files.isRegularFile(directory.resolve(SlurmExecutor.FOLDER).resolve(SlurmExecutor.JOB))) {
			throw new CoreException(ExperimentLaunching.error(ExperimentLaunching.BAD_CONFIGURATION,
					NLS.bind(Messages.Launch_attachMissing, directory)));
		}
		List<String> cmdLine = SlurmLaunches.attachCommand(directory);
		String[] environment = DebugPlugin.getDefault().getLaunchManager().getEnvironment(configuration);
		Process process = DebugPlugin.exec(cmdLine.toArray(String[]::new), directory.toFile(), environment);
		if (process == null) {
			throw new CoreException(
					ExperimentLaunching.error(ExperimentLaunching.EXEC_FAILED, String.join(" ", cmdLine))); //$NON-NLS-1$
		}
		Map<String, String> attributes = new HashMap<>();
		attributes.put(IProcess.ATTR_PROCESS_TYPE, ExperimentLaunching.PROCESS_TYPE);
		attributes.put(ExperimentLaunching.PROCESS_ATTR_OUTPUT_FOLDER, directory.getParent().getParent().toString());
		attributes.put(ExperimentLaunching.PROCESS_ATTR_EXECUTOR, ExperimentLaunching.EXECUTOR_SLURM);
		ExperimentProcess iprocess = new ExperimentProcess(launch, process, configuration.getName(), attributes);
		iprocess.setAttribute(IProcess.ATTR_CMDLINE, DebugPlugin.renderArguments(cmdLine.toArray(String[]::new), null));
		IContainer folder = SlurmLaunches.outputFolder(directory);
		if (folder != null) {
			refreshWhenTerminated(iprocess, folder);
		}
		new ExperimentJob(iprocess, experiment.name(), experiment.runs().size()).schedule();
	}

	private static int runCount(Experiment experiment, Integer seed) {
		try {
			return (seed == null ? experiment : experiment.withSeeds(List.of(seed.longValue()))).runs().size();
		} catch (ExperimentException e) {
			return experiment.runs().size();
		}
	}

	/** The configured output folder, or {@code runs} in the file's project. */
	private static IContainer outputFolder(ILaunchConfiguration configuration, IFile file) throws CoreException {
		String path = configuration.getAttribute(ExperimentLaunching.ATTR_OUTPUT_FOLDER, ""); //$NON-NLS-1$
		IContainer folder;
		if (path.isBlank()) {
			folder = file.getProject().getFolder(ExperimentLaunching.DEFAULT_OUTPUT_FOLDER);
		} else {
			IPath p = IPath.fromPortableString(path.strip());
			folder = p.segmentCount() == 1
					? ResourcesPlugin.getWorkspace().getRoot().getProject(p.segment(0))
					: ResourcesPlugin.getWorkspace().getRoot().getFolder(p);
		}
		if (folder.getLocation() == null) {
			throw new CoreException(ExperimentLaunching.error(ExperimentLaunching.BAD_CONFIGURATION,
					NLS.bind(Messages.Launch_fileMissing, folder.getFullPath())));
		}
		return folder;
	}

	private static int positive(ILaunchConfiguration configuration, String attribute, int preference)
			throws CoreException {
		if (!configuration.hasAttribute(attribute)) {
			return preference;
		}
		int value = configuration.getAttribute(attribute, preference);
		if (value <= 0) {
			throw new CoreException(ExperimentLaunching.error(ExperimentLaunching.BAD_CONFIGURATION,
					NLS.bind(Messages.Launch_badNumber, attribute, value)));
		}
		return value;
	}

	/** Refreshes the output folder once the process has terminated, so the run directories show. */
	private static void refreshWhenTerminated(IProcess process, IContainer folder) {
		DebugPlugin debug = DebugPlugin.getDefault();
		IDebugEventSetListener listener = new IDebugEventSetListener() {
			@Override
			public void handleDebugEvents(DebugEvent[] events) {
				for (DebugEvent event : events) {
					if (event.getSource() == process && event.getKind() == DebugEvent.TERMINATE) {
						debug.removeDebugEventListener(this);
						refresh(folder);
						return;
					}
				}
			}
		};
		debug.addDebugEventListener(listener);
		if (process.isTerminated()) {
			debug.removeDebugEventListener(listener);
			refresh(folder);
		}
	}

	private static void refresh(IContainer folder) {
		WorkspaceJob job = new WorkspaceJob(NLS.bind(Messages.Launch_refreshJob, folder.getFullPath())) {
			@Override
			public IStatus runInWorkspace(IProgressMonitor monitor) {
				try {
					folder.refreshLocal(IResource.DEPTH_INFINITE, monitor);
				} catch (CoreException e) {
					ILog.of(RoutingExperimentDelegate.class).log(e.getStatus());
				}
				return Status.OK_STATUS;
			}

			@Override
			public boolean belongsTo(Object family) {
				return ExperimentLaunching.REFRESH_JOB_FAMILY.equals(family);
			}
		};
		job.setSystem(true);
		job.setRule(ResourcesPlugin.getWorkspace().getRuleFactory().refreshRule(folder));
		job.schedule();
	}
}
