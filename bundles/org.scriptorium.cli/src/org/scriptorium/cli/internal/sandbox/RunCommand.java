package org.scriptorium.cli.internal.sandbox;

import java.nio.file.Path;
import java.util.List;

import org.scriptorium.cli.internal.CliCommand;
import org.scriptorium.cli.internal.PositiveInt;
import org.scriptorium.cli.internal.ScriptoriumCli;
import org.scriptorium.sandbox.internal.launch.ExperimentLaunch;
import org.scriptorium.sandbox.internal.launch.LaunchOptions;
import org.scriptorium.sandbox.internal.launch.Stopper;

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

	@Override
	public Integer call() {
		LaunchOptions o = new LaunchOptions(experiment.file, experiment.seed, out, experiment.json,
				timeout == null ? null : timeout.longValue(), allowExternal, experiment.sets, heap, parallel,
				classpath);
		boolean process = ((ScriptoriumCli) spec.root().userObject()).ownsProcess();
		Stopper stopper = process ? new Stopper().onShutdownAndCancelLine(System.in) : new Stopper();
		try {
			return ExperimentLaunch.run(o, out(), err(), stopper);
		} finally {
			stopper.done();
		}
	}
}
