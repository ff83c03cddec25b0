package org.scriptorium.sandbox.internal.runner;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The parent's side of a worker child JVM ({@link WorkerMain}): one JVM that trains the runs given to it one after
 * another, started when the first run needs it and again after it died or was stopped. {@link ChildRun} drives one run
 * in it: the run's standard output and error lines go to that run until the worker says the run ended. Used by one
 * thread at a time; {@link #close()} may be called from another.
 */
public final class Worker implements AutoCloseable {

	private static final System.Logger LOG = System.getLogger(Worker.class.getName());
	private static final Duration READER_JOIN = Duration.ofSeconds(5);

	private final List<String> command;
	private final Path workDir;
	private final String name;
	private Process process;
	private Thread outReader;
	private Thread errReader;
	private volatile Run current;
	private int runs;

	/**
	 * @param command the worker JVM's command line (main class {@link WorkerMain})
	 * @param workDir its working directory (where a crashing JVM writes its fatal error report)
	 * @param name    a name for its threads
	 */
	public Worker(List<String> command, Path workDir, String name) {
		this.command = List.copyOf(command);
		this.workDir = workDir;
		this.name = name;
	}

	/** The command line of the worker JVM. */
	public List<String> command() {
		return command;
	}

	/** Its working directory. */
	public Path workDir() {
		return workDir;
	}

	/** The runs this JVM has been given, the current one included (1 for the first run of a fresh JVM). */
	public synchronized int runsInThisJvm() {
		return runs;
	}

	/** One run in the worker: its end, as the worker reports it or as the worker's death. */
	public final class Run {
		private final Consumer<String> out;
		private final Consumer<String> err;
		private final CompletableFuture<Integer> stdoutEnd = new CompletableFuture<>();
		private final CompletableFuture<Void> stderrEnd = new CompletableFuture<>();
		private volatile Process process;

		private Run(Consumer<String> out, Consumer<String> err) {
			this.out = out;
			this.err = err;
		}

		public Process process() {
			return process;
		}

		/**
		 * Waits up to {@code millis} for the run's end: true once the worker said the run ended or its standard output
		 * closed (it died or was stopped).
		 */
		public boolean awaitEnd(long millis) throws InterruptedException {
			try {
				stdoutEnd.get(millis, TimeUnit.MILLISECONDS);
				return true;
			} catch (TimeoutException e) {
				return false;
			} catch (ExecutionException e) {
				return true;
			}
		}

		/** The exit code the worker reported for the run, or null if it ended without one (died, stopped). */
		public Integer reportedExit() {
			return stdoutEnd.getNow(null);
		}

		/** Waits (a bounded time) until the run's standard error lines have all been read. */
		public void awaitStderr() throws InterruptedException {
			try {
				stderrEnd.get(READER_JOIN.toMillis(), TimeUnit.MILLISECONDS);
			} catch (ExecutionException | TimeoutException e) {
				LOG.log(System.Logger.Level.DEBUG, "standard error of the run did not end in time", e);
			}
		}
	}

	/**
	 * Starts a run of the configuration file in the worker, starting the worker JVM first if none is alive.
	 *
	 * @param out gets each line of the run's standard output (its events)
	 * @param err gets each line of the run's standard error
	 * @throws IOException if the JVM cannot be started (one that exits at once ends the run as its death)
	 */
	public synchronized Run begin(Path configFile, String runId, Consumer<String> out, Consumer<String> err)
			throws IOException {
		boolean fresh = process == null || !process.isAlive();
		if (fresh && process != null) {
			current = null;
			joinReaders(); // the dead JVM's last lines and end of output belong to no new run
		}
		Run r = new Run(out, err);
		// the run is current before a fresh JVM starts: what the JVM prints while starting (e.g. why it cannot) is the
		// run's, and its end of output ends the run
		current = r;
		if (fresh) {
			try {
				start();
			} catch (IOException e) {
				current = null;
				throw e;
			}
		}
		r.process = process;
		runs++;
		try {
			OutputStream in = process.getOutputStream();
			in.write((WorkerMain.RUN + "\t" + configFile.toAbsolutePath() + "\t" + runId + "\n")
					.getBytes(StandardCharsets.UTF_8));
			in.flush();
		} catch (IOException e) {
			// the JVM is gone (it could not start, or died): the run ends as its death, with what it printed
			LOG.log(System.Logger.Level.DEBUG, "the worker JVM took no request", e);
		}
		return r;
	}

	private void start() throws IOException {
		if (process != null) {
			joinReaders();
		}
		ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
		Process p = pb.start();
		process = p;
		runs = 0;
		outReader = ChildRun.reader(name + "-stdout", p.getInputStream(), this::onStdout, () -> {
			Run r = current;
			if (r != null) {
				r.stdoutEnd.complete(null);
			}
		});
		errReader = ChildRun.reader(name + "-stderr", p.getErrorStream(), this::onStderr, () -> {
			Run r = current;
			if (r != null) {
				r.stderrEnd.complete(null);
			}
		});
	}

	private void onStdout(String line) {
		Run r = current;
		if (r == null) {
			return;
		}
		if (line.startsWith("{\"event\":\"" + WorkerMain.END_EVENT + "\"")) {
			try {
				JsonObject o = JsonParser.parseString(line).getAsJsonObject();
				r.stdoutEnd.complete(o.get("exit").getAsInt());
				return;
			} catch (RuntimeException e) {
				// not the worker's line after all: the run's
			}
		}
		r.out.accept(line);
	}

	private void onStderr(String line) {
		Run r = current;
		if (r == null) {
			return;
		}
		if (line.equals(WorkerMain.STDERR_MARK)) {
			r.stderrEnd.complete(null);
			return;
		}
		r.err.accept(line);
	}

	/** Waits for the worker's streams to be read to the end (after it died or was stopped). */
	public synchronized void joinReaders() {
		ChildRun.join(outReader, process == null ? null : process.getInputStream());
		ChildRun.join(errReader, process == null ? null : process.getErrorStream());
	}

	/** Ends the worker: closes its input (it exits when idle), then stops it by force if it does not. */
	@Override
	public void close() {
		Process p;
		synchronized (this) {
			p = process;
		}
		if (p == null || !p.isAlive()) {
			return;
		}
		try {
			p.getOutputStream().close();
		} catch (IOException e) {
			LOG.log(System.Logger.Level.DEBUG, "worker input already closed", e);
		}
		try {
			if (!p.waitFor(READER_JOIN.toMillis(), TimeUnit.MILLISECONDS)) {
				p.destroyForcibly();
				p.waitFor(READER_JOIN.toMillis(), TimeUnit.MILLISECONDS);
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			p.destroyForcibly();
		}
	}
}
