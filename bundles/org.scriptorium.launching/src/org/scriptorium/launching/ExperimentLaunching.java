package org.scriptorium.launching;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.osgi.util.NLS;
import org.eclipse.debug.core.model.IProcess;
import org.scriptorium.launching.internal.ExperimentProcess;
import org.scriptorium.launching.internal.Messages;
import org.scriptorium.sandbox.Experiment;
import org.scriptorium.sandbox.ExperimentException;
import org.scriptorium.sandbox.Problem;
import org.scriptorium.sandbox.SandboxEvent;

/**
 * Identifiers and attributes of the "Routing Experiment" launch configuration type, and the validation of an
 * experiment file in the workspace as the launch performs it. An attribute that is absent means "use the
 * Scriptorium preference" (see {@link SandboxPreferences}) or "as the file says".
 *
 * @noinstantiate This class is not intended to be instantiated by clients.
 */
public final class ExperimentLaunching {

	/** The symbolic name of this bundle. */
	public static final String PLUGIN_ID = "org.scriptorium.launching"; //$NON-NLS-1$

	/** The id of the "Routing Experiment" launch configuration type. */
	public static final String LAUNCH_CONFIGURATION_TYPE_ID = PLUGIN_ID + ".routingExperiment"; //$NON-NLS-1$

	/** The only launch mode the type supports. */
	public static final String MODE_RUN = "run"; //$NON-NLS-1$

	/** String: the workspace path of the experiment file, e.g. {@code /project/e1.moe.json}. Required. */
	public static final String ATTR_EXPERIMENT_FILE = PLUGIN_ID + ".experimentFile"; //$NON-NLS-1$

	/** Integer: wall-clock limit of each run in seconds; absent: the sandbox timeout preference. */
	public static final String ATTR_TIMEOUT_SECONDS = PLUGIN_ID + ".timeoutSeconds"; //$NON-NLS-1$

	/** Integer: heap of each run's child JVM in MiB; absent: the sandbox heap preference. */
	public static final String ATTR_HEAP_MB = PLUGIN_ID + ".heapMb"; //$NON-NLS-1$

	/** Integer: runs of a sweep that may run at once; absent: the sandbox parallel-runs preference. */
	public static final String ATTR_PARALLEL_RUNS = PLUGIN_ID + ".parallelRuns"; //$NON-NLS-1$

	/** Integer: run only this seed instead of the file's seeds; absent: the file's seeds. */
	public static final String ATTR_SEED = PLUGIN_ID + ".seed"; //$NON-NLS-1$

	/** Map of String to String: JSON path to JSON value overrides, e.g. {@code training.epochs} to {@code 2}. */
	public static final String ATTR_OVERRIDES = PLUGIN_ID + ".overrides"; //$NON-NLS-1$

	/**
	 * String: workspace path of the folder that receives the run directories; absent: the folder
	 * {@value #DEFAULT_OUTPUT_FOLDER} in the experiment file's project.
	 */
	public static final String ATTR_OUTPUT_FOLDER = PLUGIN_ID + ".outputFolder"; //$NON-NLS-1$

	/** Name of the default output folder in the experiment file's project. */
	public static final String DEFAULT_OUTPUT_FOLDER = "runs"; //$NON-NLS-1$

	/** The content type of experiment files ({@code *.moe.json}), which open in the Generic Editor. */
	public static final String CONTENT_TYPE_ID = PLUGIN_ID + ".experiment"; //$NON-NLS-1$

	/** String: where the runs go: {@value #EXECUTOR_LOCAL} (also when absent) or {@value #EXECUTOR_SLURM}. */
	public static final String ATTR_EXECUTOR = PLUGIN_ID + ".executor"; //$NON-NLS-1$

	/** Value of {@link #ATTR_EXECUTOR}: the runs are child processes of this machine. */
	public static final String EXECUTOR_LOCAL = "local"; //$NON-NLS-1$

	/** Value of {@link #ATTR_EXECUTOR}: the launch is one Slurm job array (README, "Running on a Slurm cluster"). */
	public static final String EXECUTOR_SLURM = "slurm"; //$NON-NLS-1$

	/** String: Slurm partition ({@code sbatch --partition}); absent: the cluster's default. */
	public static final String ATTR_SLURM_PARTITION = PLUGIN_ID + ".slurm.partition"; //$NON-NLS-1$

	/** String: Slurm time limit of each run ({@code sbatch --time}); absent: the run timeout in minutes. */
	public static final String ATTR_SLURM_TIME = PLUGIN_ID + ".slurm.time"; //$NON-NLS-1$

	/** Integer: CPUs of each run ({@code sbatch --cpus-per-task}); absent: the cluster's default. */
	public static final String ATTR_SLURM_CPUS = PLUGIN_ID + ".slurm.cpus"; //$NON-NLS-1$

	/** String: memory of each run ({@code sbatch --mem}, e.g. {@code 2G}); absent: the cluster's default. */
	public static final String ATTR_SLURM_MEMORY = PLUGIN_ID + ".slurm.memory"; //$NON-NLS-1$

	/** List of String: further {@code sbatch} arguments. */
	public static final String ATTR_SLURM_ARGS = PLUGIN_ID + ".slurm.sbatchArgs"; //$NON-NLS-1$

	/**
	 * String: the local path of a launch directory submitted to Slurm earlier, to follow again instead of starting a
	 * launch (the workbench does this at start for the launches still running).
	 */
	public static final String ATTR_ATTACH = PLUGIN_ID + ".slurm.attach"; //$NON-NLS-1$

	/** Process attribute: {@value #EXECUTOR_SLURM} for a launch that runs on Slurm. */
	public static final String PROCESS_ATTR_EXECUTOR = PLUGIN_ID + ".executor"; //$NON-NLS-1$

	/** Status code of the question whether an experiment may run its external command (an IStatusHandler asks). */
	public static final int TRUST_EXTERNAL = 104;

	/** Answers of the {@link #TRUST_EXTERNAL} handler. */
	public enum Trust {
		/** Do not run the command. */
		NO,
		/** Run it this time. */
		ONCE,
		/** Run it, and do not ask again for this file while its command stays the same. */
		ALWAYS
	}

	/** Value of {@link org.eclipse.debug.core.model.IProcess#ATTR_PROCESS_TYPE} of an experiment's process. */
	public static final String PROCESS_TYPE = PLUGIN_ID + ".experimentProcess"; //$NON-NLS-1$

	/** Process attribute: the local file system path of the output folder of the launch. */
	public static final String PROCESS_ATTR_OUTPUT_FOLDER = PLUGIN_ID + ".outputFolderLocation"; //$NON-NLS-1$

	/** Family of the job that refreshes the output folder after a launch's process has terminated. */
	public static final Object REFRESH_JOB_FAMILY = PLUGIN_ID + ".refresh"; //$NON-NLS-1$

	/**
	 * Family of the job that shows a running experiment in the Progress view; cancelling it terminates the process.
	 */
	public static final Object EXPERIMENT_JOB_FAMILY = PLUGIN_ID + ".experiment"; //$NON-NLS-1$

	/** Status code of a status that reports an invalid experiment file; its children are the problems. */
	public static final int INVALID_EXPERIMENT = 100;

	/** Status code of a status that reports a missing or unreadable experiment file or a bad configuration. */
	public static final int BAD_CONFIGURATION = 101;

	/** Status code of a status that reports an unsupported launch mode. */
	public static final int UNSUPPORTED_MODE = 102;

	/** Status code of a status that reports that the child process could not be started. */
	public static final int EXEC_FAILED = 103;

	private ExperimentLaunching() {
	}

	/**
	 * Adds a listener to the events of an experiment's process; the events received so far are replayed to it first.
	 *
	 * @return a handle that removes the listener, or null if {@code process} is not an experiment's process
	 */
	public static Runnable addEventListener(IProcess process, ExperimentEventListener listener) {
		if (!(process instanceof ExperimentProcess p)) {
			return null;
		}
		Consumer<SandboxEvent> consumer = e -> listener.eventReceived(process, e);
		p.addEventListener(consumer);
		return () -> p.removeEventListener(consumer);
	}

	/**
	 * Stops following the running Slurm launches without cancelling their jobs (the workbench calls this when it
	 * closes): their launch processes are killed, their runs stay marked as running, and the next start follows them
	 * again.
	 */
	public static void detachSlurmLaunches() {
		for (var launch : org.eclipse.debug.core.DebugPlugin.getDefault().getLaunchManager().getLaunches()) {
			for (IProcess process : launch.getProcesses()) {
				if (process instanceof ExperimentProcess p && !p.isTerminated()
						&& EXECUTOR_SLURM.equals(p.getAttribute(PROCESS_ATTR_EXECUTOR))) {
					p.detach();
				}
			}
		}
	}

	/** True if the resource's name ends with {@link Experiment#EXTENSION}. */
	public static boolean isExperimentFile(IResource resource) {
		return resource != null && resource.getType() == IResource.FILE
				&& resource.getName().endsWith(Experiment.EXTENSION);
	}

	/**
	 * The experiment file a configuration names. Fails with {@link #BAD_CONFIGURATION} if the attribute is missing or
	 * the file does not exist.
	 */
	public static IFile experimentFile(ILaunchConfiguration configuration) throws CoreException {
		String path = configuration.getAttribute(ATTR_EXPERIMENT_FILE, ""); //$NON-NLS-1$
		if (path.isBlank()) {
			throw new CoreException(error(BAD_CONFIGURATION, Messages.Launch_noFile));
		}
		IPath p = IPath.fromPortableString(path.strip());
		if (p.segmentCount() < 2) {
			throw new CoreException(error(BAD_CONFIGURATION, NLS.bind(Messages.Launch_fileMissing, path)));
		}
		IFile file = ResourcesPlugin.getWorkspace().getRoot().getFile(p);
		if (!file.exists() || file.getLocation() == null) {
			throw new CoreException(error(BAD_CONFIGURATION, NLS.bind(Messages.Launch_fileMissing, path)));
		}
		return file;
	}

	/**
	 * Loads and validates an experiment file with the engine, applying {@code overrides} (JSON path to JSON value;
	 * may be empty). Fails with a {@link MultiStatus} of code {@link #INVALID_EXPERIMENT} whose message names the
	 * file, the first problem and its line and column, and whose children are all problems.
	 */
	public static Experiment validate(IFile file, Map<String, String> overrides) throws CoreException {
		if (file.getLocation() == null) {
			throw new CoreException(
					error(BAD_CONFIGURATION, NLS.bind(Messages.Launch_fileMissing, file.getFullPath())));
		}
		try {
			Experiment experiment = Experiment.load(file.getLocation().toPath());
			return overrides.isEmpty() ? experiment : experiment.withOverrides(overrides);
		} catch (ExperimentException e) {
			throw new CoreException(toStatus(file, e));
		}
	}

	/** An error status of this bundle with a code. */
	public static IStatus error(int code, String message) {
		return new Status(IStatus.ERROR, PLUGIN_ID, code, message, null);
	}

	/** Turns the engine's problems into a status: message with the first problem, one child per problem. */
	public static IStatus toStatus(IFile file, ExperimentException e) {
		List<IStatus> children = new ArrayList<>();
		for (Problem p : e.problems()) {
			children.add(error(INVALID_EXPERIMENT, describe(file, p)));
		}
		String first = e.problems().isEmpty() ? e.getMessage() : describe(file, e.problems().get(0));
		String message = e.problems().size() > 1
				? NLS.bind(Messages.Launch_invalidMore, new Object[]{first, e.problems().size() - 1})
				: NLS.bind(Messages.Launch_invalid, first);
		return new MultiStatus(PLUGIN_ID, INVALID_EXPERIMENT, children.toArray(IStatus[]::new), message, null);
	}

	/** {@code /p/x.moe.json: strategy.p must be in (0, 1], got 2 (line 12, column 24)}. */
	public static String describe(IFile file, Problem p) {
		String where = p.line() > 0 ? NLS.bind(Messages.Launch_position, p.line(), p.column()) : ""; //$NON-NLS-1$
		return file.getFullPath() + ": " + p.message() + where; //$NON-NLS-1$
	}
}
