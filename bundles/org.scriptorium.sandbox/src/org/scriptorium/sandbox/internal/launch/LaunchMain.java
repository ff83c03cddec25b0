package org.scriptorium.sandbox.internal.launch;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scriptorium.sandbox.internal.slurm.SlurmOptions;

/**
 * The process the workbench's launch starts (and what {@code scriptorium run} does, without its parser):
 * {@code LaunchMain FILE [--seed N] [--out DIR] [--json] [--timeout S] [--allow-external] [--set PATH=VALUE]...
 * [--heap MB] [--parallel N] [--classpath CP] [--executor local|slurm [--partition P] [--time T] [--cpus C] [--mem M]
 * [--sbatch-arg A]...]}, or {@code LaunchMain --attach LAUNCH_DIR [--json]} to follow a Slurm launch again. It runs with the sandbox and Gson alone on its class path, so it
 * parses its fixed options itself. SIGTERM, Ctrl+C or a line {@code cancel} on stdin stop the launch politely and
 * let it record its end. Exit codes: those of {@link ExperimentLaunch}.
 */
public final class LaunchMain {

	private LaunchMain() {
	}

	public static void main(String[] args) {
		Stopper stopper = new Stopper().onShutdownAndCancelLine(System.in);
		int code;
		try {
			code = run(args, System.out, System.err, stopper);
		} finally {
			stopper.done();
		}
		System.exit(code);
	}

	/** Parses {@code args} and runs the launch; {@code stopper} may cancel it from another thread. */
	public static int run(String[] args, PrintStream out, PrintStream err, Stopper stopper) {
		LaunchOptions o;
		try {
			o = parse(args);
		} catch (IllegalArgumentException e) {
			err.println("error: " + e.getMessage());
			return ExperimentLaunch.USAGE;
		}
		return ExperimentLaunch.run(o, out, err, stopper);
	}

	private static LaunchOptions parse(String[] args) {
		Path file = null;
		Long seed = null;
		Path out = LaunchOptions.DEFAULT_OUT;
		boolean json = false;
		Long timeout = null;
		boolean allowExternal = false;
		Map<String, String> sets = new LinkedHashMap<>();
		Integer heap = null;
		Integer parallel = null;
		List<Path> classpath = null;
		String executor = "local";
		String partition = null;
		String time = null;
		Integer cpus = null;
		String mem = null;
		List<String> sbatchArgs = new java.util.ArrayList<>();
		Path attach = null;
		for (int i = 0; i < args.length; i++) {
			String a = args[i];
			switch (a) {
				case "--seed" -> seed = parseLong(a, value(args, ++i, a));
				case "--out" -> out = Path.of(value(args, ++i, a));
				case "--json" -> json = true;
				case "--timeout" -> {
					timeout = (long) inRange(a, value(args, ++i, a), 1, Integer.MAX_VALUE);
				}
				case "--allow-external" -> allowExternal = true;
				case "--set" -> {
					String kv = value(args, ++i, a);
					int eq = kv.indexOf('=');
					if (eq <= 0) {
						throw new IllegalArgumentException("--set needs PATH=VALUE, got \"" + kv + "\"");
					}
					sets.put(kv.substring(0, eq), kv.substring(eq + 1));
				}
				case "--heap" -> heap = inRange(a, value(args, ++i, a), 1, LaunchOptions.MAX_HEAP_MB);
				case "--parallel" -> parallel = inRange(a, value(args, ++i, a), 1, LaunchOptions.MAX_PARALLEL);
				case "--executor" -> {
					executor = value(args, ++i, a);
					if (!executor.equals("local") && !executor.equals("slurm")) {
						throw new IllegalArgumentException(
								"--executor must be local or slurm, got \"" + executor + "\"");
					}
				}
				case "--partition" -> partition = value(args, ++i, a);
				case "--time" -> time = value(args, ++i, a);
				case "--cpus" -> cpus = inRange(a, value(args, ++i, a), 1, LaunchOptions.MAX_PARALLEL);
				case "--mem" -> mem = value(args, ++i, a);
				case "--sbatch-arg" -> sbatchArgs.add(value(args, ++i, a));
				case "--attach" -> attach = Path.of(value(args, ++i, a));
				case "--classpath" -> classpath = Arrays.stream(value(args, ++i, a).split(File.pathSeparator))
						.map(Path::of).toList();
				default -> {
					if (a.startsWith("--")) {
						throw new IllegalArgumentException("unknown option " + a);
					}
					if (file != null) {
						throw new IllegalArgumentException("only one FILE may be given");
					}
					file = Path.of(a);
				}
			}
		}
		if (file == null && attach == null) {
			throw new IllegalArgumentException("missing FILE");
		}
		boolean slurm = executor.equals("slurm") || attach != null;
		if (!slurm && (partition != null || time != null || cpus != null || mem != null || !sbatchArgs.isEmpty())) {
			throw new IllegalArgumentException(
					"--partition, --time, --cpus, --mem and --sbatch-arg need --executor slurm");
		}
		return new LaunchOptions(file, seed, out, json, timeout, allowExternal, sets, heap, parallel, classpath,
				slurm ? new SlurmOptions(partition, time, cpus, mem, sbatchArgs) : null, attach);
	}

	private static String value(String[] args, int i, String opt) {
		if (i >= args.length) {
			throw new IllegalArgumentException(opt + " needs a value");
		}
		return args[i];
	}

	/** A whole number in [min, max], or an error naming the option and the range (never a wrapped value). */
	private static int inRange(String opt, String v, int min, int max) {
		long n = parseLong(opt, v);
		if (n < min || n > max) {
			throw new IllegalArgumentException(opt + " must be between " + min + " and " + max + ", got " + v);
		}
		return (int) n;
	}

	private static long parseLong(String opt, String v) {
		try {
			return Long.parseLong(v);
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException(opt + " needs an integer, got \"" + v + "\"");
		}
	}
}
