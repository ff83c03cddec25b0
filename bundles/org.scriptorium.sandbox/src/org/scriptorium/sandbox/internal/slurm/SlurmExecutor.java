package org.scriptorium.sandbox.internal.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scriptorium.core.io.AtomicFile;
import org.scriptorium.sandbox.Experiment;
import org.scriptorium.sandbox.ExperimentException;
import org.scriptorium.sandbox.LaunchDirectory;
import org.scriptorium.sandbox.RunDirectory;
import org.scriptorium.sandbox.RunListener;
import org.scriptorium.sandbox.RunResult;
import org.scriptorium.sandbox.RunSpec;
import org.scriptorium.sandbox.RunStatus;
import org.scriptorium.sandbox.SandboxEvent;
import org.scriptorium.sandbox.SandboxRunner;
import org.scriptorium.sandbox.SweepResult;
import org.scriptorium.sandbox.internal.runner.ChildRun;
import org.scriptorium.sandbox.internal.runner.EventWriter;
import org.scriptorium.sandbox.internal.runner.ExternalRuns;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Runs a launch as one Slurm job array (README, "Running on a Slurm cluster"): one task per run (sweep point and
 * seed), each running the run's child (the built-in JVM or the external command) in its run directory, which must be
 * on a file system the nodes share. The child's events go to {@code events.jsonl} there and are followed live, so
 * the listener sees them as from a local child; states come from Slurm's commands ({@link Slurm}). {@link #cancel()}
 * runs {@code scancel}. The job's id is kept in {@code <launch>/slurm/job.json}, so that {@link #attach(Path)} can
 * follow a launch again after the parent was closed.
 */
public final class SlurmExecutor {

	/** The folder of a launch with the job's files. */
	public static final String FOLDER = "slurm";
	/** The job's id and runs, written once it is submitted. */
	public static final String JOB = "job.json";
	/** The script of one task in its run directory. */
	static final String TASK_SCRIPT = "slurm-task.sh";

	private static final Duration POLL = Duration.ofMillis(250);
	private static final Duration STATE_EVERY = Duration.ofMillis(1000);
	private static final Duration CANCEL_WAIT = Duration.ofSeconds(60);
	private static final int MISSING_LIMIT = 30;

	private final SandboxRunner runner;
	private final boolean allowExternal;
	private final SlurmOptions options;
	private final Long timeoutSeconds;
	private final RunListener listener;
	private final Slurm slurm;
	private volatile boolean cancelled;

	/**
	 * @param runner         gives the built-in child's command line (java, heap, class path)
	 * @param timeoutSeconds the run timeout, the task's time limit when {@code options} names none; may be null
	 */
	public SlurmExecutor(SandboxRunner runner, boolean allowExternal, SlurmOptions options, Long timeoutSeconds,
			RunListener listener, Slurm slurm) {
		this.runner = runner;
		this.allowExternal = allowExternal;
		this.options = options;
		this.timeoutSeconds = timeoutSeconds;
		this.listener = listener;
		this.slurm = slurm;
	}

	/** Cancels the job ({@code scancel}) once it is submitted, or before. */
	public void cancel() {
		cancelled = true;
	}

	/** Submits every run of the experiment as one job array under {@code output} and follows it to its end. */
	public SweepResult runAll(Experiment experiment, Path output) throws IOException {
		LaunchDirectory launch = LaunchDirectory.create(output, experiment.name());
		launch.writeExperiment(experiment);
		List<RunSpec> runs = experiment.runs();
		listener.onLaunch(launch.path(), runs);
		List<TaskFollower> followers = new ArrayList<>();
		List<RunResult> refused = new ArrayList<>();
		for (int i = 0; i < runs.size(); i++) {
			RunSpec spec = runs.get(i);
			Path runDir = launch.run(spec.runId()).path().toAbsolutePath();
			String problem = prepare(experiment, spec, runDir);
			if (problem != null) {
				refused.add(ChildRun.notStarted(spec, runDir, RunStatus.FAILED,
						problem.startsWith("external") ? "external-not-allowed" : "launch", problem));
			} else {
				followers.add(new TaskFollower(spec, followers.size(), runDir, listener));
			}
		}
		List<RunResult> results = new ArrayList<>(refused);
		if (!followers.isEmpty()) {
			if (cancelled) {
				for (TaskFollower f : followers) {
					results.add(ChildRun.notStarted(f.spec, launch.run(f.spec.runId()).path(), RunStatus.CANCELLED,
							"cancelled", "cancelled before submission"));
				}
			} else {
				String job;
				try {
					job = submit(experiment, launch, followers);
				} catch (IOException e) {
					// nothing runs: every run says why, and the launch is recorded as a local one would be
					for (TaskFollower f : followers) {
						results.add(ChildRun.notStarted(f.spec, launch.run(f.spec.runId()).path(), RunStatus.FAILED,
								"launch", e.getMessage()));
					}
					return finish(experiment, launch, runs, results);
				}
				results.addAll(follow(job, followers));
			}
		}
		return finish(experiment, launch, runs, results);
	}

	/** Follows again a launch submitted earlier (its {@value #JOB}); runs already recorded are taken as they are. */
	public SweepResult attach(Path launchDirectory) throws IOException {
		LaunchDirectory launch = new LaunchDirectory(launchDirectory.toAbsolutePath());
		Path jobFile = launch.path().resolve(FOLDER).resolve(JOB);
		if (!Files.isRegularFile(jobFile)) {
			throw new IOException(jobFile + ": no such file (not a launch submitted to Slurm)");
		}
		JsonObject job = JsonParser.parseString(Files.readString(jobFile, StandardCharsets.UTF_8)).getAsJsonObject();
		Experiment experiment;
		try {
			experiment = launch.experiment();
		} catch (ExperimentException e) {
			throw new IOException(launch.file(LaunchDirectory.EXPERIMENT) + ": " + e.getMessage(), e);
		}
		List<RunSpec> runs = experiment.runs();
		Map<String, RunSpec> byId = new LinkedHashMap<>();
		runs.forEach(r -> byId.put(r.runId(), r));
		listener.onLaunch(launch.path(), runs);
		List<RunResult> results = new ArrayList<>();
		List<TaskFollower> followers = new ArrayList<>();
		JsonArray tasks = job.getAsJsonArray("tasks");
		for (int i = 0; i < tasks.size(); i++) {
			RunSpec spec = byId.get(tasks.get(i).getAsString());
			if (spec == null) {
				continue;
			}
			RunDirectory dir = launch.run(spec.runId());
			RunResult recorded = dir.recorded(spec);
			if (recorded != null) {
				results.add(recorded);
			} else {
				followers.add(new TaskFollower(spec, i, dir.path(), listener));
			}
		}
		for (RunSpec spec : runs) {
			boolean known = results.stream().anyMatch(r -> r.runId().equals(spec.runId()))
					|| followers.stream().anyMatch(f -> f.spec.runId().equals(spec.runId()));
			if (!known) {
				RunResult r = launch.run(spec.runId()).recorded(spec);
				results.add(r != null
						? r
						: ChildRun.notStarted(spec, launch.run(spec.runId()).path(),
								RunStatus.FAILED, "launch", "not part of Slurm job " + job.get("job").getAsString()));
			}
		}
		results.addAll(follow(job.get("job").getAsString(), followers));
		return finish(experiment, launch, runs, results);
	}

	private SweepResult finish(Experiment experiment, LaunchDirectory launch, List<RunSpec> runs,
			List<RunResult> results) throws IOException {
		Map<String, RunResult> byId = new LinkedHashMap<>();
		results.forEach(r -> byId.put(r.runId(), r));
		List<RunResult> ordered = new ArrayList<>();
		for (RunSpec spec : runs) {
			ordered.add(byId.get(spec.runId()));
		}
		String table = launch.writeSummaries(experiment, ordered);
		return new SweepResult(experiment.name(), launch.path(), ordered, table);
	}

	/** Writes the run's directory, inputs and task script; returns why it cannot run, or null. */
	private String prepare(Experiment experiment, RunSpec spec, Path runDir) throws IOException {
		RunDirectory dir = new RunDirectory(runDir);
		Files.createDirectories(runDir);
		dir.writeConfig(spec.config());
		Path config = dir.file(RunDirectory.CONFIG).toAbsolutePath();
		List<String> command;
		Map<String, String> env = new LinkedHashMap<>();
		env.put("SCRIPTORIUM_CONFIG", config.toString());
		env.put("SCRIPTORIUM_RUN_DIR", runDir.toString());
		env.put("SCRIPTORIUM_RUN_ID", spec.runId());
		if (experiment.isExternal()) {
			if (!allowExternal) {
				return "external command not allowed: the experiment names an external command ("
						+ String.join(" ", experiment.externalCommand())
						+ "); external commands run only when explicitly allowed (--allow-external)";
			}
			command = new ArrayList<>(experiment.externalCommand());
			command.add(config.toString());
			ExternalRuns.prepare(spec, runDir);
			env.putAll(ExternalRuns.environment(runDir, System.getenv("PYTHONPATH")));
		} else {
			try {
				command = new ArrayList<>(runner.javaCommand(experiment, spec, config));
			} catch (IllegalStateException e) {
				return e.getMessage();
			}
			// a task's standard input is empty: its end must not cancel the child (scancel sends SIGTERM instead)
			command.replaceAll(a -> a.equals("-Dscriptorium.cancelOnStdinEof=true")
					? "-Dscriptorium.cancelOnStdinEof=false"
					: a);
		}
		JsonObject info = new JsonObject();
		info.addProperty("executor", "slurm");
		info.addProperty("seed", spec.seed());
		JsonArray cmd = new JsonArray();
		command.forEach(cmd::add);
		info.add("command", cmd);
		info.addProperty("note", "the run's command as its Slurm task runs it (" + TASK_SCRIPT + ")");
		dir.writeEnvironment(info);
		dir.writeRunningSummary(spec);
		StringBuilder script = new StringBuilder("#!/bin/bash\n# written by Scriptorium: run ").append(spec.runId())
				.append(" as a Slurm array task; its events go to ").append(TaskFollower.EVENTS).append('\n');
		script.append("cd ").append(quote(runDir.toString())).append(" || exit 97\n");
		env.forEach((k, v) -> script.append("export ").append(k).append('=').append(quote(v)).append('\n'));
		script.append("rm -f ").append(TaskFollower.EXIT_CODE).append('\n');
		for (String a : command) {
			script.append(quote(a)).append(' ');
		}
		script.append("> ").append(TaskFollower.EVENTS).append(" 2> ").append(RunDirectory.STDERR_LOG)
				.append(" < /dev/null\ncode=$?\necho \"$code\" > ").append(TaskFollower.EXIT_CODE)
				.append("\nexit \"$code\"\n");
		AtomicFile.write(runDir.resolve(TASK_SCRIPT), script.toString());
		return null;
	}

	private String submit(Experiment experiment, LaunchDirectory launch, List<TaskFollower> followers)
			throws IOException {
		Path folder = launch.path().toAbsolutePath().resolve(FOLDER);
		Files.createDirectories(folder);
		StringBuilder ids = new StringBuilder();
		followers.forEach(f -> ids.append(f.spec.runId()).append('\n'));
		AtomicFile.write(folder.resolve("runs.txt"), ids.toString());
		String script = "#!/bin/bash\n# written by Scriptorium: one task of this array per run of " + launch.path()
				+ "\nrun=$(sed -n \"$((SLURM_ARRAY_TASK_ID + 1))p\" " + quote(folder.resolve("runs.txt").toString())
				+ ")\nexec /bin/bash " + quote(launch.path().toAbsolutePath().toString()) + "/\"$run\"/" + TASK_SCRIPT
				+ "\n";
		Path jobScript = folder.resolve("job.sh");
		AtomicFile.write(jobScript, script);
		List<String> sbatch = new ArrayList<>();
		sbatch.add("--array=0-" + (followers.size() - 1));
		sbatch.add("--job-name=scriptorium-" + experiment.name());
		sbatch.add("--output=" + folder.resolve("task-%a.log"));
		sbatch.add("--chdir=" + folder);
		sbatch.addAll(options.sbatchOptions(timeoutSeconds));
		String job;
		try {
			job = slurm.submit(sbatch, jobScript);
		} catch (IOException e) {
			throw new IOException("cannot submit the sweep to Slurm: " + e.getMessage(), e);
		}
		JsonObject record = new JsonObject();
		record.addProperty("job", job);
		record.addProperty("submitted", Instant.now().toString());
		JsonArray tasks = new JsonArray();
		followers.forEach(f -> tasks.add(f.spec.runId()));
		record.add("tasks", tasks);
		JsonArray args = new JsonArray();
		sbatch.forEach(args::add);
		record.add("sbatch", args);
		AtomicFile.write(folder.resolve(JOB), EventWriter.toJson(record, true) + "\n");
		for (TaskFollower f : followers) {
			listener.onEvent(new SandboxEvent(f.spec.runId(), "log",
					EventWriter.event("log", "level", "info", "message", "Slurm job " + job + "_" + f.index)));
		}
		return job;
	}

	/** Follows the tasks until each has ended; a cancel request runs scancel and waits for the tasks to stop. */
	private List<RunResult> follow(String job, List<TaskFollower> followers) throws IOException {
		List<RunResult> results = new ArrayList<>();
		List<TaskFollower> open = new ArrayList<>(followers);
		long nextState = 0;
		long cancelDeadline = Long.MAX_VALUE;
		boolean cancelSent = false;
		while (!open.isEmpty()) {
			open.forEach(TaskFollower::poll);
			if (cancelled && !cancelSent) {
				cancelSent = true;
				cancelDeadline = System.nanoTime() + CANCEL_WAIT.toNanos();
				try {
					slurm.cancel(job);
				} catch (IOException e) {
					System.getLogger(SlurmExecutor.class.getName()).log(System.Logger.Level.WARNING, e.getMessage());
				}
				nextState = 0;
			}
			if (System.nanoTime() >= nextState) {
				nextState = System.nanoTime() + STATE_EVERY.toNanos();
				Map<Integer, Slurm.TaskState> queued = slurm.queued(job);
				Map<Integer, Slurm.TaskState> states = null;
				for (TaskFollower f : List.copyOf(open)) {
					Slurm.TaskState q = queued.get(f.index);
					if (q != null && !q.terminal()) {
						if (q.state().equals("RUNNING")) {
							f.running();
						}
						continue;
					}
					if (states == null) {
						states = slurm.states(job);
					}
					Slurm.TaskState s = states.get(f.index);
					if (s == null && q != null) {
						s = q;
					}
					if (s == null || !s.terminal()) {
						if (++f.missing < MISSING_LIMIT) {
							continue; // not yet in the accounting
						}
						Integer code = f.recordedExitCode();
						s = code != null
								? new Slurm.TaskState(code == 0 ? "COMPLETED" : "FAILED", "no state from Slurm", code,
										0)
								: new Slurm.TaskState("UNKNOWN", "Slurm no longer knows the task", null, null);
					}
					results.add(f.finish(s));
					open.remove(f);
				}
			}
			if (cancelSent && System.nanoTime() > cancelDeadline) {
				for (TaskFollower f : open) {
					results.add(f.finish(new Slurm.TaskState("CANCELLED", "scancel sent, no end seen within "
							+ CANCEL_WAIT.toSeconds() + " s", null, null)));
				}
				open.clear();
			}
			if (!open.isEmpty()) {
				try {
					Thread.sleep(POLL.toMillis());
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					cancelled = true;
				}
			}
		}
		return results;
	}

	/** A word for bash, in single quotes. */
	static String quote(String s) {
		return "'" + s.replace("'", "'\\''") + "'";
	}
}
