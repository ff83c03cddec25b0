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
import picocli.CommandLine.Parameters;

/**
 * {@code scriptorium run FILE [OPTIONS]}, or {@code scriptorium run --attach DIR [--json]} to follow a Slurm launch
 * again: the options parsed here, the launch run by the sandbox ({@link ExperimentLaunch}), as the workbench's launch
 * process runs it.
 */
@Command(name = "run", description = {"Run a routing experiment in isolated child JVMs.",
		"Runs each run of the experiment file in a child JVM of its own: progress and a summary table on standard "
				+ "output (or, with --json, every event as a JSON line), the results in a run directory under --out.",
		"Ctrl+C, SIGTERM or a line 'cancel' on standard input stop the runs and record them as cancelled with their "
				+ "partial metrics.",
		"--attach DIR follows again a launch submitted to Slurm (--executor slurm) whose tool was stopped or killed: "
				+ "its runs' events, then the summary table and the exit code, as if it had never been left."})
public final class RunCommand extends CliCommand {

	@Parameters(paramLabel = "FILE", arity = "0..1", description = ExperimentOptions.FILE_DESCRIPTION
			+ " Not with --attach.")
	Path file;

	@Mixin
	ExperimentOptions experiment;

	@Option(names = "--attach", paramLabel = "DIR", description = "Follow again the Slurm launch in DIR (the launch "
			+ "directory printed by the run that submitted it; it holds slurm/job.json) until its runs end, and record "
			+ "it; instead of FILE, with no option of the submission.")
	Path attach;

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

	/** What only a new launch takes: the launch that --attach follows keeps what it was submitted with. */
	private static final List<String> SUBMISSION_OPTIONS = List.of("--set", "--seed", "--out", "--timeout",
			"--allow-external", "--heap", "--parallel", "--classpath", "--executor", "--partition", "--time", "--cpus",
			"--mem", "--sbatch-arg");

	@Override
	public Integer call() {
		if (attach != null) {
			if (file != null) {
				throw usage("give FILE or --attach DIR, not both");
			}
			List<String> given = SUBMISSION_OPTIONS.stream()
					.filter(spec.commandLine().getParseResult()::hasMatchedOption).toList();
			if (!given.isEmpty()) {
				throw usage(String.join(", ", given) + ": not with --attach (the launch keeps the options it was "
						+ "submitted with)");
			}
		} else if (file == null) {
			throw usage("Missing required parameter: 'FILE'");
		}
		if (!executor.equals("local") && !executor.equals("slurm")) {
			throw usage("--executor must be local or slurm, got '" + executor + "'");
		}
		boolean slurm = executor.equals("slurm") || attach != null;
		if (!slurm && (partition != null || time != null || cpus != null || mem != null || !sbatchArgs.isEmpty())) {
			throw usage("--partition, --time, --cpus, --mem and --sbatch-arg need --executor slurm");
		}
		LaunchOptions o = new LaunchOptions(file, experiment.seed, out, experiment.json,
				timeout == null ? null : timeout.longValue(), allowExternal, experiment.sets, heap, parallel,
				classpath, slurm ? new SlurmOptions(partition, time, cpus, mem, sbatchArgs) : null, attach);
		boolean process = ((ScriptoriumCli) spec.root().userObject()).ownsProcess();
		Stopper stopper = process ? new Stopper().onShutdownAndCancelLine(System.in) : new Stopper();
		try {
			return ExperimentLaunch.run(o, out(), err(), stopper);
		} finally {
			stopper.done();
		}
	}
}
