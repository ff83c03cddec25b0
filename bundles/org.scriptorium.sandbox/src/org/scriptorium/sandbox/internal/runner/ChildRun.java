package org.scriptorium.sandbox.internal.runner;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.scriptorium.sandbox.RunDirectory;
import org.scriptorium.sandbox.RunListener;
import org.scriptorium.sandbox.RunResult;
import org.scriptorium.sandbox.RunSpec;
import org.scriptorium.sandbox.RunStatus;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Runs one child process to completion and contains whatever it does: crashes, exceptions, running out
 * of memory, {@code System.exit}, hanging and garbage output all end as a {@link RunResult} with the last
 * lines of output; the caller's thread never blocks beyond the timeout plus the grace periods.
 */
public final class ChildRun {

	private static final System.Logger LOG = System.getLogger(ChildRun.class.getName());
	private static final int MAX_LINE_CHARS = 4 * 1024 * 1024;
	private static final long MAX_STDERR_LOG = 16L * 1024 * 1024;
	/**
	 * What the JVM prints on stderr when it starts with {@code --add-modules jdk.incubator.vector} (as the runner
	 * starts built-in children, for the Vector API kernels): not the child's output, so neither logged nor shown.
	 */
	static final String VECTOR_MODULE_NOTICE = "WARNING: Using incubator modules: jdk.incubator.vector"; //$NON-NLS-1$
	private static final Duration READER_JOIN = Duration.ofSeconds(5);

	/** Process limits. */
	public record Limits(Duration timeout, Duration cancelGrace) {
	}

	private final RunSpec spec;
	private final List<String> command;
	private final Path runDir;
	private final RunDirectory dir;
	private final Path workDir;
	private final Map<String, String> environment;
	private final Limits limits;
	private final RunListener listener;
	private final Worker worker;

	private final Tail stdoutTail = new Tail(50);
	private final Tail stderrTail = new Tail(50);
	private final EventLines events;
	private volatile boolean cancelRequested;
	private volatile Process process;
	private long startNanos;

	public ChildRun(RunSpec spec, List<String> command, Path runDir, Path workDir, Map<String, String> environment,
			Limits limits, RunListener listener) {
		this(spec, command, runDir, workDir, environment, limits, listener, null);
	}

	/**
	 * A run in a worker JVM that runs the runs of a sweep one after another ({@code command} and {@code workDir} are
	 * the worker's); with a null {@code worker}, a run in a child JVM of its own.
	 */
	public ChildRun(RunSpec spec, List<String> command, Path runDir, Path workDir, Map<String, String> environment,
			Limits limits, RunListener listener, Worker worker) {
		this.worker = worker;
		this.spec = spec;
		this.command = List.copyOf(command);
		this.runDir = runDir;
		this.dir = new RunDirectory(runDir);
		this.workDir = workDir;
		this.environment = environment;
		this.limits = limits;
		this.listener = listener;
		this.events = new EventLines(spec.runId(), dir, listener,
				problem -> LOG.log(System.Logger.Level.WARNING, spec.runId() + ": " + problem));
	}

	/** Asks the child to stop; {@link #execute()} then returns a CANCELLED result. */
	public void cancel() {
		cancelRequested = true;
	}

	/** A result for a run that was refused or never started. */
	public static RunResult notStarted(RunSpec spec, Path runDir, RunStatus status, String kind, String message) {
		RunResult r = new RunResult(spec.runId(), spec.seed(), spec.point(), status, kind, message, null, Map.of(), 0,
				0,
				List.of(), List.of(), runDir, Duration.ZERO, null);
		try {
			if (runDir != null) {
				new RunDirectory(runDir).writeSummary(r);
			}
		} catch (IOException e) {
			LOG.log(System.Logger.Level.WARNING, "cannot write summary of " + spec.runId(), e);
		}
		return r;
	}

	public RunResult execute() {
		startNanos = System.nanoTime();
		try {
			Files.createDirectories(runDir);
			dir.writeConfig(spec.config());
			dir.writeEnvironment(environmentInfo());
			dir.writeRunningSummary(spec);
		} catch (IOException e) {
			return finish(RunStatus.FAILED, "launch", "cannot prepare run directory " + runDir + ": " + e.getMessage(),
					null);
		}
		if (cancelRequested) {
			return finish(RunStatus.CANCELLED, "cancelled", "cancelled before start", null);
		}
		if (worker != null) {
			return executeInWorker();
		}
		ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
		pb.environment().putAll(environment);
		Process p;
		try {
			p = pb.start();
		} catch (IOException e) {
			return finish(RunStatus.FAILED, "launch", "cannot start " + command.get(0) + ": " + e.getMessage(), null);
		}
		process = p;
		Thread out = reader("stdout", p.getInputStream(), this::onStdout);
		BufferedWriter errLog = openStderrLog();
		long[] errBytes = {0};
		Thread err = reader("stderr", p.getErrorStream(), line -> onStderr(line, errLog, errBytes));
		Wait wait;
		try {
			wait = await(millis -> p.waitFor(millis, TimeUnit.MILLISECONDS));
			if (wait != Wait.ENDED) {
				stop(p);
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			wait = Wait.CANCELLED;
			stop(p);
		}
		join(out, p.getInputStream());
		join(err, p.getErrorStream());
		closeQuietly(errLog);
		return finish(wait, p.isAlive() ? null : p.exitValue());
	}

	/** How waiting for a run's end ended. */
	private enum Wait {
		ENDED, CANCELLED, TIMED_OUT
	}

	/** Whether the run ended within {@code millis}. */
	@FunctionalInterface
	private interface Ended {
		boolean within(long millis) throws InterruptedException;
	}

	/** Waits until the run ends, the user cancels it or its timeout passes. */
	private Wait await(Ended ended) throws InterruptedException {
		long deadline = limits.timeout() == null ? Long.MAX_VALUE : startNanos + limits.timeout().toNanos();
		while (!ended.within(100)) {
			if (cancelRequested) {
				return Wait.CANCELLED;
			}
			if (System.nanoTime() > deadline) {
				return Wait.TIMED_OUT;
			}
		}
		return Wait.ENDED;
	}

	/** The result of a run whose process ended with {@code exit} (null: still alive) after {@code wait}. */
	private RunResult finish(Wait wait, Integer exit) {
		return switch (wait) {
			case CANCELLED -> finish(RunStatus.CANCELLED, "cancelled", "cancelled by the user", exit);
			case TIMED_OUT -> finish(RunStatus.TIMED_OUT, "timeout",
					"timed out after " + limits.timeout().toSeconds() + " s; the child was stopped", exit);
			case ENDED -> classify(exit);
		};
	}

	/** Gives {@code p} the cancel grace to exit, then stops it. */
	private void stopAfterGrace(Process p) throws InterruptedException {
		if (!p.waitFor(limits.cancelGrace().toMillis(), TimeUnit.MILLISECONDS)) {
			stop(p);
		}
	}

	private void onStderr(String line, BufferedWriter errLog, long[] errBytes) {
		if (line.equals(VECTOR_MODULE_NOTICE)) {
			return;
		}
		stderrTail.add(line);
		if (errLog != null && errBytes[0] < MAX_STDERR_LOG) {
			try {
				errLog.write(line);
				errLog.newLine();
				errLog.flush();
				errBytes[0] += line.length() + 1;
			} catch (IOException e) {
				LOG.log(System.Logger.Level.DEBUG, "stderr.log write failed", e);
			}
		}
		JsonObject o = new JsonObject();
		o.addProperty("line", line);
		events.forward("stderr", o);
	}

	/**
	 * The run in the worker JVM: its events and standard error lines are the run's until the worker says the run
	 * ended. A timeout or cancel stops the worker (the next run starts a fresh one); a worker that dies during the run
	 * is classified by its exit as a child of this run alone would be.
	 */
	private RunResult executeInWorker() {
		BufferedWriter errLog = openStderrLog();
		long[] errBytes = {0};
		Worker.Run run;
		try {
			run = worker.begin(dir.file(RunDirectory.CONFIG), spec.runId(), this::onStdout,
					line -> onStderr(line, errLog, errBytes));
		} catch (IOException e) {
			closeQuietly(errLog);
			return finish(RunStatus.FAILED, "launch", "cannot start " + command.get(0) + ": " + e.getMessage(), null);
		}
		Process p = run.process();
		process = p;
		Wait wait;
		try {
			wait = await(run::awaitEnd);
			if (wait != Wait.ENDED) {
				stop(p);
			}
			Integer reported = run.reportedExit();
			if (reported != null && wait == Wait.ENDED) {
				run.awaitStderr();
				closeQuietly(errLog);
				if (reported == WorkerMain.EXIT_AFTER) {
					// the worker ends itself after running out of memory: gone before the next run is given to it
					stopAfterGrace(p);
				}
				return classify(reported);
			}
			// the worker died, or was stopped: the rest of its output, then its exit
			stopAfterGrace(p);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			wait = Wait.CANCELLED;
			stop(p);
		}
		worker.joinReaders();
		closeQuietly(errLog);
		return finish(wait, p.isAlive() ? null : p.exitValue());
	}

	private RunResult classify(Integer exit) {
		String stderrLast = lastNonEmpty(stderrTail.lines());
		String errorKind = events.errorKind();
		String errorMessage = events.errorMessage();
		int garbage = events.garbage();
		boolean oomInStderr = stderrTail.lines().stream().anyMatch(l -> l.contains("OutOfMemoryError"));
		if (exit != null && exit == 0 && events.hasResult() && errorKind == null) {
			String note = garbage > 0 ? " (" + garbage + " stdout lines were not protocol events)" : "";
			return finish(RunStatus.SUCCEEDED, null, "finished" + note, exit);
		}
		if ("oom".equals(errorKind) || oomInStderr) {
			return finish(RunStatus.FAILED, "oom", "ran out of memory"
					+ (errorMessage != null ? ": " + errorMessage : stderrLast != null ? ": " + stderrLast : ""), exit);
		}
		if (ChildMain.DIVERGED_KIND.equals(errorKind)) {
			return finish(RunStatus.DIVERGED, ChildMain.DIVERGED_KIND, errorMessage, exit);
		}
		if ("invalid-config".equals(errorKind)) {
			return finish(RunStatus.FAILED, "invalid-config", errorMessage, exit);
		}
		if (errorKind != null) {
			return finish(RunStatus.FAILED, "exception", errorKind + ": " + errorMessage, exit);
		}
		if (exit != null && exit == 0) {
			return finish(RunStatus.FAILED, "no-result", "exited with code 0 without sending a result"
					+ (garbage > 0 ? "; " + garbage + " stdout lines were not protocol events" : "")
					+ " (an early System.exit?)", exit);
		}
		boolean fatal = hsErr();
		if (exit != null && (exit > 128 || exit < 0 || fatal)) {
			String sig = exit > 128 ? " (signal " + (exit - 128) + ")" : "";
			return finish(RunStatus.FAILED, "crash", (fatal
					? "the JVM crashed (fatal error report in " + workDir + ")"
					: "crashed") + " with exit code " + exit + sig, exit);
		}
		// a JVM that cannot start says why on standard output ("Too small maximum heap"): the last line that is not
		// an event, when standard error has none
		String reason = stderrLast != null
				? stderrLast
				: garbage > 0
						? lastNonEmpty(stdoutTail.lines().stream().filter(l -> EventLines.parse(l) == null).toList())
						: null;
		return finish(RunStatus.FAILED, "exit", "exited with code " + exit + " before sending a result"
				+ (reason != null ? ": " + reason : ""), exit);
	}

	/** A HotSpot fatal error: its banner (printed on stdout) or an hs_err file in the working directory. */
	private boolean hsErr() {
		String banner = "A fatal error has been detected by the Java Runtime";
		if (stderrTail.lines().stream().anyMatch(l -> l.contains(banner))
				|| stdoutTail.lines().stream().anyMatch(l -> l.contains(banner))) {
			return true;
		}
		try (var files = Files.list(workDir)) {
			Process p = process;
			String report = p == null ? "hs_err_pid" : "hs_err_pid" + p.pid() + ".";
			return files.anyMatch(f -> f.getFileName().toString().startsWith(report));
		} catch (IOException e) {
			return false;
		}
	}

	private void onStdout(String line) {
		stdoutTail.add(line);
		events.accept(line);
	}

	/** Polite stop: "cancel" on stdin and close it; then SIGTERM; then SIGKILL (with descendants). */
	private void stop(Process p) {
		Duration grace = limits.cancelGrace();
		try {
			OutputStream in = p.getOutputStream();
			in.write("cancel\n".getBytes(StandardCharsets.UTF_8));
			in.flush();
			in.close();
		} catch (IOException e) {
			LOG.log(System.Logger.Level.DEBUG, "stdin already closed", e);
		}
		try {
			if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				p.descendants().forEach(ProcessHandle::destroy);
				p.destroy();
				if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
					p.descendants().forEach(ProcessHandle::destroyForcibly);
					p.destroyForcibly();
					p.waitFor(grace.toMillis() + 5000, TimeUnit.MILLISECONDS);
				}
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			p.descendants().forEach(ProcessHandle::destroyForcibly);
			p.destroyForcibly();
		}
	}

	private Thread reader(String name, InputStream in, java.util.function.Consumer<String> sink) {
		return reader("scriptorium-" + spec.runId() + "-" + name, in, sink, () -> {
		});
	}

	/**
	 * Starts a daemon thread that gives each line of {@code in} to {@code sink} (a line longer than the bound is cut
	 * and marked), then runs {@code atEnd} when the stream ends.
	 */
	static Thread reader(String threadName, InputStream in, java.util.function.Consumer<String> sink, Runnable atEnd) {
		Thread t = new Thread(() -> {
			BoundedLineReader r = new BoundedLineReader(in, MAX_LINE_CHARS);
			try {
				BoundedLineReader.Line line;
				while ((line = r.readLine()) != null) {
					try {
						sink.accept(line.truncated() ? line.text() + " …[line cut]" : line.text());
					} catch (RuntimeException e) {
						LOG.log(System.Logger.Level.WARNING, "listener failed on " + threadName, e);
					}
				}
			} catch (IOException e) {
				LOG.log(System.Logger.Level.DEBUG, threadName + " closed", e);
			} finally {
				atEnd.run();
			}
		}, threadName);
		t.setDaemon(true);
		t.start();
		return t;
	}

	static void join(Thread t, InputStream in) {
		if (t == null) {
			return;
		}
		try {
			t.join(READER_JOIN.toMillis());
			if (t.isAlive() && in != null) {
				in.close(); // a grandchild may still hold the pipe open
				t.join(READER_JOIN.toMillis());
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		} catch (IOException e) {
			LOG.log(System.Logger.Level.DEBUG, "close failed", e);
		}
	}

	private RunResult finish(RunStatus status, String kind, String message, Integer exit) {
		events.close();
		Map<String, Double> metrics = events.metrics();
		Duration wall = Duration.ofNanos(System.nanoTime() - startNanos);
		long firstEventNanos = events.firstEventNanos();
		Duration first = firstEventNanos < 0 ? null : Duration.ofNanos(firstEventNanos - startNanos);
		RunResult r = new RunResult(spec.runId(), spec.seed(), spec.point(), status, kind, message, exit, metrics,
				events.events(), events.garbage(), stdoutTail.lines(), stderrTail.lines(), runDir, wall, first);
		try {
			dir.writeRecord(r);
		} catch (IOException e) {
			LOG.log(System.Logger.Level.WARNING, "cannot write summary of " + spec.runId(), e);
		}
		try {
			listener.onFinished(r);
		} catch (RuntimeException e) {
			LOG.log(System.Logger.Level.WARNING, "listener failed", e);
		}
		return r;
	}

	private JsonObject environmentInfo() {
		JsonObject o = new JsonObject();
		o.addProperty("javaVersion", System.getProperty("java.version"));
		o.addProperty("javaVendor", System.getProperty("java.vendor"));
		o.addProperty("vmName", System.getProperty("java.vm.name"));
		o.addProperty("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
				+ System.getProperty("os.arch"));
		o.addProperty("availableProcessors", Runtime.getRuntime().availableProcessors());
		o.addProperty("seed", spec.seed());
		JsonArray cmd = new JsonArray();
		command.forEach(cmd::add);
		o.add("command", cmd);
		o.addProperty("note", "parent JVM properties; the child's limits are in the command");
		return o;
	}

	private static String lastNonEmpty(List<String> lines) {
		for (int i = lines.size() - 1; i >= 0; i--) {
			if (!lines.get(i).isBlank()) {
				return lines.get(i).trim();
			}
		}
		return null;
	}

	private BufferedWriter openStderrLog() {
		try {
			return dir.openStderrLog();
		} catch (IOException e) {
			return null;
		}
	}

	private static void closeQuietly(java.io.Closeable c) {
		if (c != null) {
			try {
				c.close();
			} catch (IOException e) {
				LOG.log(System.Logger.Level.DEBUG, "close failed", e);
			}
		}
	}
}
