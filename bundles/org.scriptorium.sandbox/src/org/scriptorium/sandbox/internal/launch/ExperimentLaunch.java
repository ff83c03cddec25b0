package org.scriptorium.sandbox.internal.launch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.scriptorium.core.io.FileProblems;
import org.scriptorium.sandbox.Experiment;
import org.scriptorium.sandbox.ExperimentException;
import org.scriptorium.sandbox.Problem;
import org.scriptorium.sandbox.RunListener;
import org.scriptorium.sandbox.RunResult;
import org.scriptorium.sandbox.RunSpec;
import org.scriptorium.sandbox.RunStatus;
import org.scriptorium.sandbox.SandboxEvent;
import org.scriptorium.sandbox.SandboxRunner;
import org.scriptorium.sandbox.SweepResult;
import org.scriptorium.sandbox.internal.runner.EventWriter;
import org.scriptorium.sandbox.internal.runner.SummaryTable;
import org.scriptorium.sandbox.internal.slurm.Slurm;
import org.scriptorium.sandbox.internal.slurm.SlurmExecutor;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Validates and runs an experiment file, printing data on {@code out} and messages (one line each, never a stack
 * trace) on {@code err}. The exit codes are those of the command-line tool's table (README, "Exit codes"):
 * {@value #OK} success, {@value #USAGE} bad command line, {@value #INVALID} invalid or missing experiment file,
 * {@value #FAILED} a run failed, {@value #TIMEOUT} a run timed out, {@value #CANCELLED} cancelled,
 * {@value #DIVERGED} a run diverged (no run failed),
 * {@value #INTERNAL} internal error.
 */
public final class ExperimentLaunch {

	public static final int OK = 0;
	public static final int USAGE = 2;
	public static final int INVALID = 3;
	public static final int FAILED = 8;
	public static final int TIMEOUT = 9;
	public static final int CANCELLED = 10;
	public static final int DIVERGED = 12;
	public static final int INTERNAL = 70;

	/**
	 * JVM options of a task experiment's runs: a task (retrieval-routing) runs Lucene, whose vectorized code needs the
	 * Vector API module and whose memory-mapped index wants native access; without them Lucene runs scalar code and
	 * warns on the run's standard error. Training runs get only the Vector API module, for their kernels
	 * ({@code SandboxRunner} adds it to every Java child when the runtime has it).
	 */
	static final List<String> TASK_JVM_ARGS = List.of("--add-modules", "jdk.incubator.vector",
			"--enable-native-access=ALL-UNNAMED");

	private static final System.Logger LOG = System.getLogger(ExperimentLaunch.class.getName());

	private ExperimentLaunch() {
	}

	/**
	 * Checks an experiment file with its overrides and seed: prints {@code FILE: valid, N run(s)} (or, with
	 * {@code json}, an object with {@code file}, {@code valid}, {@code runs} or {@code problems}) on {@code out},
	 * one line per problem on {@code err}.
	 */
	public static int validate(Path file, Map<String, String> sets, Long seed, boolean json, PrintStream out,
			PrintStream err) {
		return guarded(err, () -> {
			Loaded loaded = load(file, sets, seed, err);
			if (json) {
				JsonObject o = new JsonObject();
				o.addProperty("file", file.toString());
				o.addProperty("valid", loaded.experiment != null);
				if (loaded.experiment != null) {
					o.addProperty("runs", loaded.experiment.runs().size());
				} else {
					JsonArray problems = new JsonArray();
					for (Problem p : loaded.problems) {
						JsonObject j = new JsonObject();
						j.addProperty("path", p.path());
						j.addProperty("message", p.message());
						j.addProperty("line", p.line());
						j.addProperty("column", p.column());
						problems.add(j);
					}
					o.add("problems", problems);
				}
				out.println(EventWriter.toJson(o, false));
			} else if (loaded.experiment != null) {
				out.println(file + ": valid, " + loaded.experiment.runs().size() + " run(s)");
			}
			return loaded.experiment == null ? INVALID : OK;
		});
	}

	/**
	 * Runs every run of the experiment file in child JVMs; {@code stopper} may cancel it from another thread. Prints
	 * the events as JSON lines (a {@code launch} event first, a {@code summary} last) or readable progress and a
	 * summary table.
	 */
	public static int run(LaunchOptions o, PrintStream out, PrintStream err, Stopper stopper) {
		return guarded(err, () -> execute(o, out, err, stopper));
	}

	private interface Command {
		int run();
	}

	/** Runs {@code c}; a bug is one line on {@code err} and {@link #INTERNAL}. */
	private static int guarded(PrintStream err, Command c) {
		try {
			return c.run();
		} catch (RuntimeException | StackOverflowError e) {
			// the trace is for a debugger: standard error gets one line
			LOG.log(System.Logger.Level.DEBUG, "internal error", e);
			err.println("error: internal error (" + e + "); please report it");
			return INTERNAL;
		}
	}

	/** The experiment with its overrides and seed, or the problems (already printed on {@code err}). */
	private record Loaded(Experiment experiment, List<Problem> problems) {
	}

	private static Loaded load(Path file, Map<String, String> sets, Long seed, PrintStream err) {
		if (Files.isDirectory(file)) {
			err.println("error: " + file + " is a folder: give an experiment file (*.moe.json)");
			return new Loaded(null, List.of(new Problem(file.toString(), "", "a folder, not a file", 0, 0)));
		}
		if (!Files.isRegularFile(file)) {
			err.println("error: " + file + ": no such file");
			return new Loaded(null, List.of(new Problem(file.toString(), "", "no such file", 0, 0)));
		}
		try {
			Experiment exp = Experiment.load(file);
			if (!sets.isEmpty()) {
				exp = exp.withOverrides(sets);
			}
			if (seed != null) {
				exp = exp.withSeeds(List.of(seed));
			}
			return new Loaded(exp, List.of());
		} catch (ExperimentException e) {
			for (Problem p : e.problems()) {
				String where = p.line() > 0 ? " (line " + p.line() + ", col " + p.column() + ")" : "";
				err.println("error: " + file + ": " + p.message() + where);
			}
			return new Loaded(null, e.problems());
		}
	}

	private static int execute(LaunchOptions o, PrintStream out, PrintStream err, Stopper stopper) {
		Experiment exp;
		if (o.attach() != null) {
			try {
				exp = new org.scriptorium.sandbox.LaunchDirectory(o.attach()).experiment();
			} catch (IOException | ExperimentException e) {
				err.println("error: " + o.attach() + ": not a launch directory (" + e.getMessage() + ")");
				return INVALID;
			}
			if (!Files.isRegularFile(o.attach().resolve(SlurmExecutor.FOLDER).resolve(SlurmExecutor.JOB))) {
				err.println("error: " + o.attach() + ": not a launch submitted to Slurm (no " + SlurmExecutor.FOLDER
						+ "/" + SlurmExecutor.JOB + "); only a Slurm launch can be followed again");
				return INVALID;
			}
		} else {
			exp = load(o.file(), o.sets(), o.seed(), err).experiment;
		}
		if (exp == null) {
			return INVALID;
		}
		Path outDir = o.out() == null ? LaunchOptions.DEFAULT_OUT : o.out();
		SandboxRunner.Builder b = SandboxRunner.builder().outputDirectory(outDir).allowExternal(o.allowExternal())
				.listener(listener(o.json(), out));
		if (o.timeoutSeconds() != null) {
			b.timeout(Duration.ofSeconds(o.timeoutSeconds()));
		}
		if (o.heapMb() != null) {
			b.maxHeapMb(o.heapMb());
		}
		if (o.parallel() != null) {
			b.parallelism(o.parallel());
		}
		if (o.classpath() != null) {
			b.classpath(o.classpath());
		}
		if (exp.isTask()) {
			b.extraJvmArgs(TASK_JVM_ARGS);
		}
		SandboxRunner runner = b.build();
		SlurmExecutor slurm = o.slurm() == null
				? null
				: new SlurmExecutor(runner, o.allowExternal(), o.slurm(), o.timeoutSeconds(), listener(o.json(), out),
						new Slurm(java.util.Map.of()));
		if (slurm != null) {
			stopper.attach(slurm::cancel);
		} else {
			stopper.attach(runner);
		}
		if (!o.json()) {
			out.println((o.attach() != null ? "following " : "running ") + exp.name() + ": " + exp.runs().size()
					+ " run(s)" + (slurm != null ? " as a Slurm job array" : "")
					+ (exp.expected().isEmpty() ? "" : "\nexpected: " + exp.expected()));
		}
		SweepResult result;
		try {
			result = slurm == null
					? runner.runAll(exp)
					: o.attach() != null ? slurm.attach(o.attach()) : slurm.runAll(exp, outDir);
		} catch (IOException e) {
			err.println("error: " + (slurm != null
					? e.getMessage()
					: "cannot write results under " + outDir + " (" + FileProblems.describe(e)
							+ "): choose another folder with --out"));
			return FAILED;
		}
		if (o.json()) {
			new EventWriter(out).write(EventWriter.event("summary", "directory", result.directory().toString(), "runs",
					JsonParser.parseString(SummaryTable.json(exp, result.runs())).getAsJsonObject().get("runs")));
		} else {
			printTable(exp, result, out);
		}
		for (RunResult r : result.runs()) {
			if (!r.succeeded()) {
				err.println("error: " + (o.attach() != null ? o.attach() : o.file()) + ": run " + r.runId() + " " + r.status() + " (" + r.failureKind()
						+ "): " + r.message());
				List<String> tail = r.stderrTail();
				for (String line : tail.subList(Math.max(0, tail.size() - 5), tail.size())) {
					err.println("  | " + line);
				}
			}
		}
		if (result.runs().stream().anyMatch(r -> r.status() == RunStatus.TIMED_OUT)) {
			return TIMEOUT;
		}
		if (result.runs().stream().anyMatch(r -> r.status() == RunStatus.CANCELLED)) {
			return CANCELLED;
		}
		if (result.runs().stream().anyMatch(r -> r.status() == RunStatus.FAILED)) {
			return FAILED;
		}
		if (result.runs().stream().anyMatch(r -> r.status() == RunStatus.DIVERGED)) {
			return DIVERGED;
		}
		return OK;
	}

	private static RunListener listener(boolean json, PrintStream out) {
		Map<String, Integer> lastQuarter = new ConcurrentHashMap<>();
		EventWriter events = new EventWriter(out);
		return new RunListener() {
			@Override
			public void onEvent(SandboxEvent e) {
				if (json) {
					if (e.type().equals("artifact")) {
						return;
					}
					JsonObject copy = e.data().deepCopy();
					copy.addProperty("run", e.runId());
					if (!copy.has("event")) {
						copy.addProperty("event", e.type());
					}
					events.write(copy);
					return;
				}
				if (e.type().equals("progress")) {
					long step = e.data().get("step").getAsLong();
					long total = Math.max(1, e.data().get("total").getAsLong());
					int quarter = (int) (4 * step / total);
					Integer prev = lastQuarter.put(e.runId(), quarter);
					if (prev == null || quarter > prev) {
						synchronized (out) {
							out.printf("[%s] %d%% (step %d/%d)%n", e.runId(), 25 * quarter, step, total);
						}
					}
				}
			}

			@Override
			public void onLaunch(Path directory, List<RunSpec> runs) {
				if (json) {
					JsonArray ids = new JsonArray();
					runs.forEach(r -> ids.add(r.runId()));
					events.write(EventWriter.event("launch", "directory", directory.toAbsolutePath().toString(), "runs",
							ids));
				}
			}

			@Override
			public void onFinished(RunResult r) {
				if (!json) {
					synchronized (out) {
						out.printf("[%s] %s in %.1f s%n", r.runId(), r.status(), r.wallTime().toMillis() / 1000.0);
					}
				}
			}
		};
	}

	private static void printTable(Experiment exp, SweepResult result, PrintStream out) {
		List<String> header = SummaryTable.header(exp);
		List<List<String>> rows = new ArrayList<>(SummaryTable.rows(exp, result.runs()));
		int[] w = new int[header.size()];
		for (int i = 0; i < w.length; i++) {
			w[i] = header.get(i).length();
			for (List<String> r : rows) {
				w[i] = Math.max(w[i], r.get(i).length());
			}
		}
		StringBuilder sb = new StringBuilder();
		appendRow(sb, header, w);
		StringBuilder rule = new StringBuilder();
		for (int x : w) {
			rule.append("-".repeat(x)).append("  ");
		}
		sb.append(rule.toString().stripTrailing()).append('\n');
		for (List<String> r : rows) {
			appendRow(sb, r, w);
		}
		out.print(sb);
		out.println("results: " + result.directory());
	}

	private static void appendRow(StringBuilder sb, List<String> cells, int[] w) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			line.append(String.format("%-" + w[i] + "s  ", cells.get(i)));
		}
		sb.append(line.toString().stripTrailing()).append('\n');
	}
}
