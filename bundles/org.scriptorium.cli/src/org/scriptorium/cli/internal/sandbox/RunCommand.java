package org.scriptorium.cli.internal.sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.scriptorium.cli.internal.CliCommand;
import org.scriptorium.cli.internal.PositiveInt;
import org.scriptorium.cli.internal.ScriptoriumCli;
import org.scriptorium.sandbox.internal.launch.ExperimentLaunch;
import org.scriptorium.sandbox.internal.launch.LaunchOptions;
import org.scriptorium.sandbox.internal.launch.Stopper;
import org.scriptorium.sandbox.internal.slurm.SlurmOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code scriptorium run FILE [OPTIONS]}: the options parsed here, the launch run by the sandbox
 * ({@link ExperimentLaunch}), as the workbench's launch runs it.
 */
@Command(name = "run", description = {"Run a routing experiment in isolated child JVMs.",
		"Runs each run of the experiment file in a child JVM of its own: progress and a summary table on standard "
				+ "output (or, with --json, every event as a JSON line), the results in a run directory under --out.",
		"Ctrl+C, SIGTERM or a line 'cancel' on standard input stop the runs and record them as cancelled with their "
				+ "partial metrics."})
public final class RunCommand extends CliCommand {

	@Mixin
	ExperimentOptions experiment;

	@Option(names = "--out", paramLabel = "DIR", description = "Where the run directories go (default: ${DEFAULT-VALUE}).")
	Path out = LaunchOptions.DEFAULT_OUT;

	@Option(names = "--timeout", paramLabel = "S", converter = PositiveInt.class, description = "Wall-clock limit of each run, in seconds.")
	Integer timeout;

	@Option(names = "--allow-external", description = "Let an experiment that names an external command run it.")
	boolean allowExternal;

	@Option(names = "--heap", paramLabel = "MB", converter = PositiveInt.HeapMb.class, description = "Heap of each run's JVM, in MB (1 to 1048576).")
	Integer heap;

	@Option(names = "--parallel", paramLabel = "N", converter = PositiveInt.Parallel.class, description = "Runs at once (1 to 1024).")
	Integer parallel;

	@Option(names = "--classpath", paramLabel = "CP", split = "${sys:path.separator}", description = "Class path of the runs' JVMs (default: the sandbox's and Gson's jars, and for task "
			+ "experiments this JVM's class path).")
	List<Path> classpath;

	@Option(names = "--executor", paramLabel = "local|slurm", description = "Where the runs go: this machine "
			+ "(default) or a Slurm cluster, as one job array; --out must then be on a file system the nodes share.")
	String executor = "local";

	@Option(names = "--partition", paramLabel = "P", description = "Slurm partition (sbatch --partition).")
	String partition;

	@Option(names = "--time", paramLabel = "T", description = "Slurm time limit of each run (sbatch --time, e.g. 30 "
			+ "or 2:00:00; default: --timeout rounded up to minutes).")
	String time;

	@Option(names = "--cpus", paramLabel = "C", converter = PositiveInt.class, description = "CPUs of each run "
			+ "(sbatch --cpus-per-task).")
	Integer cpus;

	@Option(names = "--mem", paramLabel = "M", description = "Memory of each run (sbatch --mem, e.g. 2G).")
	String mem;

	@Option(names = "--sbatch-arg", paramLabel = "ARG", description = "A further sbatch argument (e.g. "
			+ "--sbatch-arg=--account=lab); may be repeated.")
	List<String> sbatchArgs = new ArrayList<>();

	@Override
	public Integer call() {
		if (!executor.equals("local") && !executor.equals("slurm")) {
			throw usage("--executor must be local or slurm, got '" + executor + "'");
		}
		boolean slurm = executor.equals("slurm");
		if (!slurm && (partition != null || time != null || cpus != null || mem != null || !sbatchArgs.isEmpty())) {
			throw usage("--partition, --time, --cpus, --mem and --sbatch-arg need --executor slurm");
		}
		LaunchOptions o = new LaunchOptions(experiment.file, experiment.seed, out, experiment.json,
				timeout == null ? null : timeout.longValue(), allowExternal, experiment.sets, heap, parallel,
				classpath, slurm ? new SlurmOptions(partition, time, cpus, mem, sbatchArgs) : null, null);
		boolean process = ((ScriptoriumCli) spec.root().userObject()).ownsProcess();
		Stopper stopper = process ? new Stopper().onShutdownAndCancelLine(System.in) : new Stopper();
		try {
			return ExperimentLaunch.run(o, out(), err(), stopper);
		} finally {
			stopper.done();
		}
	}
}
