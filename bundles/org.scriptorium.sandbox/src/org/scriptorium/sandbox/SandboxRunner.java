package org.scriptorium.sandbox;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.scriptorium.sandbox.internal.runner.ChildMain;
import org.scriptorium.sandbox.internal.runner.ChildRun;
import org.scriptorium.sandbox.internal.runner.ExternalGuard;
import org.scriptorium.sandbox.internal.runner.ExternalRuns;
import org.scriptorium.sandbox.internal.runner.Worker;
import org.scriptorium.sandbox.internal.runner.WorkerMain;

import com.google.gson.Gson;

/**
 * Runs experiments in isolated child JVMs with a wall-clock timeout per run, a heap limit and a CPU thread count;
 * sweeps run several children in parallel (bounded by cores) and produce one summary table. The training runs of a
 * sweep share worker JVMs, one per parallel slot, each running its runs one after another
 * ({@link Builder#sharedChildren(boolean)}); the workbench's JVM never trains. External commands named by an experiment run only when {@link Builder#allowExternal(boolean)}
 * is set: an experiment file alone can never start a program. Thread-safe; {@link #cancel()} may be
 * called from any thread.
 */
public final class SandboxRunner {

	private static final System.Logger LOG = System.getLogger(SandboxRunner.class.getName());

	private final Builder b;
	private final Set<ChildRun> active = ConcurrentHashMap.newKeySet();
	private volatile boolean cancelled;

	private SandboxRunner(Builder b) {
		this.b = b;
	}

	public static Builder builder() {
		return new Builder();
	}

	/** Options. Every setter returns the builder. */
	public static final class Builder {
		private List<Path> classpath;
		private Path javaExecutable;
		private Duration timeout = Duration.ofMinutes(30);
		private Duration cancelGrace = Duration.ofSeconds(3);
		private int maxHeapMb = 512;
		private Integer cpuThreads;
		private int parallelism = Math.max(1, Runtime.getRuntime().availableProcessors());
		private boolean allowExternal;
		private Path outputDirectory = Path.of("runs");
		private RunListener listener = e -> {
		};
		private String mainClass = ChildMain.class.getName();
		private List<String> extraJvmArgs = List.of();
		private boolean sharedChildren = true;

		/**
		 * Classpath of the child (the sandbox bundle's jar or class folder and Gson's jar). By default it is
		 * found from the classes' CodeSource; inside OSGi the launching bundle should pass its own.
		 */
		public Builder classpath(List<Path> entries) {
			this.classpath = List.copyOf(entries);
			return this;
		}

		/** The java binary for children; default: the parent's own. */
		public Builder javaExecutable(Path java) {
			this.javaExecutable = java;
			return this;
		}

		public Builder timeout(Duration timeout) {
			this.timeout = timeout;
			return this;
		}

		/** Time a child gets after a polite cancel, and again after SIGTERM, before it is killed. */
		public Builder cancelGrace(Duration grace) {
			this.cancelGrace = grace;
			return this;
		}

		/** Child heap limit ({@code -Xmx}) in MiB. */
		public Builder maxHeapMb(int mb) {
			this.maxHeapMb = mb;
			return this;
		}

		/**
		 * CPUs the child JVM sees ({@code -XX:ActiveProcessorCount}). Default: 1 for training, which is
		 * single-threaded; all of them for a task experiment (tasks such as embedding use every core).
		 */
		public Builder cpuThreads(int threads) {
			this.cpuThreads = threads;
			return this;
		}

		/** Children run at the same time during a sweep (default: available processors). */
		public Builder parallelism(int n) {
			this.parallelism = Math.max(1, n);
			return this;
		}

		/** Allows experiments that name an external command. Off by default. */
		public Builder allowExternal(boolean allow) {
			this.allowExternal = allow;
			return this;
		}

		public Builder outputDirectory(Path dir) {
			this.outputDirectory = dir;
			return this;
		}

		public Builder listener(RunListener listener) {
			this.listener = listener;
			return this;
		}

		/** Main class of the child JVM (tests use misbehaving ones); default {@link ChildMain}. */
		public Builder childMainClass(String className) {
			this.mainClass = className;
			return this;
		}

		public Builder extraJvmArgs(List<String> args) {
			this.extraJvmArgs = List.copyOf(args);
			return this;
		}

		/**
		 * Whether the training runs of a sweep share worker JVMs, one per parallel slot, each running its runs one after
		 * another (default), or each run gets a child JVM of its own. Either way a run has its own directory, events,
		 * timeout and cancel, and gives the same results; sharing saves each run the JVM's start and the JIT's warm-up.
		 * A worker that crashes or is stopped (timeout, cancel) takes only its current run with it: the next run starts a
		 * fresh worker. Runs of task experiments, external commands and other main classes always get their own child.
		 */
		public Builder sharedChildren(boolean shared) {
			this.sharedChildren = shared;
			return this;
		}

		public SandboxRunner build() {
			return new SandboxRunner(this);
		}
	}

	/** Stops all running children (politely, then by force) and skips runs not yet started. */
	public void cancel() {
		cancelled = true;
		active.forEach(ChildRun::cancel);
	}

	/**
	 * Runs every run of the experiment and writes {@code summary.csv}/{@code summary.json} into a new
	 * directory {@code <output>/<name>/<timestamp>}.
	 */
	public SweepResult runAll(Experiment experiment) throws IOException {
		LaunchDirectory launch = LaunchDirectory.create(b.outputDirectory, experiment.name());
		Path dir = launch.path();
		launch.writeExperiment(experiment);
		List<RunSpec> runs = experiment.runs();
		try {
			b.listener.onLaunch(dir, runs);
		} catch (RuntimeException e) {
			LOG.log(System.Logger.Level.WARNING, "run listener failed on the launch of " + dir, e);
		}
		List<RunResult> results = new ArrayList<>();
		int threads = Math.min(b.parallelism, Math.max(1, runs.size()));
		BlockingQueue<Worker> workers = new ArrayBlockingQueue<>(threads);
		List<Worker> all = new ArrayList<>();
		if (sharesChildren(experiment)) {
			try {
				List<String> command = workerCommand(experiment);
				for (int i = 0; i < threads; i++) {
					Worker w = new Worker(command, dir, "scriptorium-worker-" + (i + 1));
					all.add(w);
					workers.add(w);
				}
			} catch (IllegalStateException e) {
				// no class path: each run fails with the reason, as without workers
				workers.clear();
				all.clear();
			}
		}
		ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
			Thread t = new Thread(r, "scriptorium-sweep");
			t.setDaemon(true);
			return t;
		});
		try {
			List<Future<RunResult>> futures = new ArrayList<>();
			for (RunSpec spec : runs) {
				futures.add(pool.submit(() -> {
					Worker w = workers.poll(); // at most as many tasks at once as workers
					try {
						return run(experiment, spec, launch.run(spec.runId()).path(), w);
					} finally {
						if (w != null) {
							workers.add(w);
						}
					}
				}));
			}
			for (int i = 0; i < futures.size(); i++) {
				try {
					results.add(futures.get(i).get());
				} catch (ExecutionException e) {
					RunSpec spec = runs.get(i);
					results.add(ChildRun.notStarted(spec, launch.run(spec.runId()).path(), RunStatus.FAILED, "launch",
							"runner error: " + e.getCause()));
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					cancel();
					RunSpec spec = runs.get(i);
					results.add(
							ChildRun.notStarted(spec, launch.run(spec.runId()).path(), RunStatus.CANCELLED, "cancelled",
									"interrupted"));
				}
			}
		} finally {
			pool.shutdownNow();
			all.forEach(Worker::close);
		}
		String table = launch.writeSummaries(experiment, results);
		return new SweepResult(experiment.name(), dir, results, table);
	}

	/**
	 * Records the end of a launch (a directory written by {@link #runAll}) whose process was stopped before it could,
	 * e.g. killed forcibly: each run still marked {@code RUNNING} and each run not started gets {@code status},
	 * {@code failureKind} and {@code message}, with its partial metrics; then the launch's summaries are written.
	 *
	 * @return the recorded launch, or null if the launch had recorded its end itself
	 * @throws IOException if the launch's files cannot be read or written
	 */
	public static SweepResult recordInterrupted(Path launchDirectory, RunStatus status, String failureKind,
			String message) throws IOException {
		return org.scriptorium.sandbox.internal.runner.RunRecords.recordInterrupted(launchDirectory, status,
				failureKind,
				message);
	}

	/** Runs one run in a child and writes its directory. Never throws for child misbehaviour. */
	public RunResult run(Experiment experiment, RunSpec spec, Path runDir) {
		return run(experiment, spec, runDir, null);
	}

	/** Whether the runs of this experiment go to worker JVMs that run one after another. */
	private boolean sharesChildren(Experiment experiment) {
		return b.sharedChildren && !experiment.isExternal() && !experiment.isTask()
				&& ChildMain.class.getName().equals(b.mainClass);
	}

	/** Runs one run in {@code worker}, or in a child of its own if it is null. */
	private RunResult run(Experiment experiment, RunSpec spec, Path runDir, Worker worker) {
		if (cancelled) {
			return ChildRun.notStarted(spec, runDir, RunStatus.CANCELLED, "cancelled", "cancelled before start");
		}
		Path configFile = new RunDirectory(runDir).file(RunDirectory.CONFIG).toAbsolutePath();
		List<String> command;
		Path workDir = runDir;
		if (experiment.isExternal()) {
			if (!b.allowExternal) {
				return ChildRun.notStarted(spec, runDir, RunStatus.FAILED, "external-not-allowed",
						"the experiment names an external command (" + String.join(" ", experiment.externalCommand())
								+ "); external commands run only when explicitly allowed (--allow-external)");
			}
			List<String> external = new ArrayList<>(experiment.externalCommand());
			external.add(configFile.toString());
			try {
				// under a guard, so that it dies with the launch even if the launch is killed (kill -9)
				command = ExternalGuard.wrap(b.javaExecutable != null ? b.javaExecutable : currentJava(),
						defaultClasspath(), external);
			} catch (IllegalStateException e) {
				return ChildRun.notStarted(spec, runDir, RunStatus.FAILED, "launch", e.getMessage());
			}
			try {
				ExternalRuns.prepare(spec, runDir);
			} catch (IOException e) {
				return ChildRun.notStarted(spec, runDir, RunStatus.FAILED, "launch", e.getMessage());
			}
		} else if (worker != null) {
			command = worker.command();
		} else {
			try {
				command = javaCommand(experiment, spec, configFile);
			} catch (IllegalStateException e) {
				return ChildRun.notStarted(spec, runDir, RunStatus.FAILED, "launch", e.getMessage());
			}
		}
		Map<String, String> env = new LinkedHashMap<>();
		env.put("SCRIPTORIUM_CONFIG", configFile.toString());
		env.put("SCRIPTORIUM_RUN_DIR", runDir.toAbsolutePath().toString());
		env.put("SCRIPTORIUM_RUN_ID", spec.runId());
		if (experiment.isExternal()) {
			env.putAll(ExternalRuns.environment(runDir, System.getenv("PYTHONPATH")));
			env.put("SCRIPTORIUM_CANCEL_ON_EOF", "1");
		}
		ChildRun child = worker != null
				? new ChildRun(spec, worker.command(), runDir, worker.workDir(), Map.of(),
						new ChildRun.Limits(b.timeout, b.cancelGrace), b.listener, worker)
				: new ChildRun(spec, command, runDir, workDir, env, new ChildRun.Limits(b.timeout, b.cancelGrace),
						b.listener);
		active.add(child);
		try {
			if (cancelled) {
				child.cancel();
			}
			return child.execute();
		} finally {
			active.remove(child);
		}
	}

	private static final String VECTOR_MODULE = "jdk.incubator.vector";

	/** Whether this Java runtime (whose java binary starts the children by default) has the Vector API module. */
	private static final boolean VECTOR_MODULE_PRESENT = java.lang.module.ModuleFinder.ofSystem().find(VECTOR_MODULE)
			.isPresent();

	/**
	 * The command line of the built-in child JVM of a run: the runner's java, limits, class path and main class, with
	 * the run's configuration file and id.
	 *
	 * @throws IllegalStateException if the class path cannot be found
	 */
	public List<String> javaCommand(Experiment experiment, RunSpec spec, Path configFile) {
		List<String> command = jvmCommand(experiment, b.mainClass);
		command.add(configFile.toString());
		command.add(spec.runId());
		return command;
	}

	/**
	 * The command line of a worker JVM ({@link WorkerMain}) of the experiment's runs: as {@link #javaCommand} without
	 * a run's configuration and id.
	 */
	List<String> workerCommand(Experiment experiment) {
		return jvmCommand(experiment, WorkerMain.class.getName());
	}

	private List<String> jvmCommand(Experiment experiment, String mainClass) {
		List<Path> cp = b.classpath != null
				? b.classpath
				: experiment.isTask() ? taskClasspath() : defaultClasspath();
		List<String> command = new ArrayList<>();
		command.add((b.javaExecutable != null ? b.javaExecutable : currentJava()).toString());
		command.add("-Xmx" + b.maxHeapMb + "m");
		int cpus = b.cpuThreads != null
				? b.cpuThreads
				: experiment.isTask() ? Runtime.getRuntime().availableProcessors() : 1;
		command.add("-XX:ActiveProcessorCount=" + cpus);
		command.add("-XX:+UseSerialGC");
		command.add("-XX:-CreateCoredumpOnCrash");
		command.add("-Djava.awt.headless=true");
		command.add("-Dscriptorium.cancelOnStdinEof=true");
		if (VECTOR_MODULE_PRESENT && !b.extraJvmArgs.contains(VECTOR_MODULE)) {
			// the Vector API kernels (Kernels.backend()); without the module the child uses the plain ones
			command.add("--add-modules");
			command.add(VECTOR_MODULE);
		}
		command.addAll(b.extraJvmArgs);
		command.add("-cp");
		command.add(String.join(File.pathSeparator, cp.stream().map(p -> p.toAbsolutePath().toString()).toList()));
		command.add(mainClass);
		return command;
	}

	/** Classpath of the sandbox classes and Gson, from their CodeSource. */
	public static List<Path> defaultClasspath() {
		List<Path> out = new ArrayList<>();
		for (Class<?> c : new Class<?>[]{SandboxRunner.class, Gson.class}) {
			CodeSource cs = c.getProtectionDomain().getCodeSource();
			if (cs == null || cs.getLocation() == null || !"file".equals(cs.getLocation().getProtocol())) {
				throw new IllegalStateException("cannot find the jar of " + c.getName() + " (code source "
						+ (cs == null ? "unknown" : cs.getLocation()) + "); pass the classpath explicitly");
			}
			try {
				Path p = Path.of(cs.getLocation().toURI());
				if (!out.contains(p)) {
					out.add(p);
				}
			} catch (URISyntaxException | IllegalArgumentException e) {
				throw new IllegalStateException("bad code source " + cs.getLocation() + " for " + c.getName(), e);
			}
		}
		return out;
	}

	/**
	 * Classpath of a task experiment's child when none is given: {@link #defaultClasspath()} plus this JVM's own
	 * class path, where the command-line tools find the task providers (the workbench passes the bundles that provide
	 * tasks and what they are wired to instead).
	 */
	public static List<Path> taskClasspath() {
		List<Path> out = new ArrayList<>(defaultClasspath());
		for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
			if (!entry.isBlank()) {
				Path p = Path.of(entry).toAbsolutePath();
				if (!out.contains(p)) {
					out.add(p);
				}
			}
		}
		return out;
	}

	/** The java binary running this JVM. */
	public static Path currentJava() {
		var cmd = ProcessHandle.current().info().command();
		if (cmd.isPresent() && Path.of(cmd.get()).getFileName().toString().startsWith("java")) {
			return Path.of(cmd.get());
		}
		return Path.of(System.getProperty("java.home"), "bin", "java");
	}
}
