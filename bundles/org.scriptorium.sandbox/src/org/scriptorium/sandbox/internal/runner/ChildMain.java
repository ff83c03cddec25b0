package org.scriptorium.sandbox.internal.runner;

import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.scriptorium.sandbox.Experiment;
import org.scriptorium.sandbox.ExperimentException;
import org.scriptorium.sandbox.internal.config.ExperimentConfig;
import org.scriptorium.sandbox.internal.model.DivergedException;
import org.scriptorium.sandbox.internal.model.Trainer;
import org.scriptorium.sandbox.internal.model.TrainingListener;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Entry point of a child JVM: {@code java -cp sandbox:gson ChildMain CONFIG.json [RUN_ID]}. Trains the
 * resolved single-run configuration and streams protocol events (see docs/sandbox-protocol.md) on
 * stdout. A line {@code cancel} on stdin (or, when {@code -Dscriptorium.cancelOnStdinEof=true}, the end
 * of stdin) stops training at the next micro-batch. Exit codes: 0 success, 1 error, 2 invalid config,
 * 3 out of memory, 4 diverged, 130 cancelled.
 */
public final class ChildMain {

	/** Error kind and exit code of a run whose training diverged (a NaN or infinite loss, gradient or logit). */
	public static final String DIVERGED_KIND = "diverged";
	public static final int DIVERGED_EXIT = 4;

	private static final System.Logger LOG = System.getLogger(ChildMain.class.getName());

	private ChildMain() {
	}

	public static void main(String[] args) {
		System.exit(run(args));
	}

	static int run(String[] args) {
		// stdout belongs to the protocol: route stray System.out prints to stderr
		EventWriter events = new EventWriter(new FileOutputStream(FileDescriptor.out));
		System.setOut(System.err);
		if (args.length < 1) {
			events.error("usage", "usage: ChildMain CONFIG.json [RUN_ID]");
			return 2;
		}
		return runFile(args[0], args.length > 1 ? args[1] : "run", events, null);
	}

	/**
	 * Runs the resolved single-run configuration in {@code configFile} and returns the exit code of a child of this
	 * run. {@code cancel}: when the run should stop; null in a child of one run, which then watches its standard input.
	 * A worker ({@link WorkerMain}) passes its own and refuses a task experiment (those run in a child of their own).
	 */
	static int runFile(String configFile, String runId, EventWriter events, BooleanSupplier cancel) {
		ExperimentConfig cfg;
		long seed;
		try {
			JsonObject resolved = JsonParser.parseString(Files.readString(Path.of(configFile), StandardCharsets.UTF_8))
					.getAsJsonObject();
			if (resolved.has("task")) {
				if (cancel != null) {
					events.error("invalid-config", "a task experiment runs in a child JVM of its own, not in a worker");
					return 2;
				}
				return TaskMain.run(resolved, runId, events);
			}
			cfg = Experiment.bindResolved(resolved, configFile);
			seed = resolved.getAsJsonArray("seeds").get(0).getAsLong();
		} catch (ExperimentException e) {
			events.error("invalid-config", e.getMessage());
			return 2;
		} catch (Exception e) {
			events.error("invalid-config", "cannot read " + configFile + ": " + e);
			return 2;
		}
		BooleanSupplier cancelled = cancel != null
				? cancel
				: CancelWatcher.start(Boolean.getBoolean("scriptorium.cancelOnStdinEof"))::cancelled;
		events.started(runId, seed);
		try {
			Trainer.Result r = new Trainer(cfg, seed, listener(events, cancelled)).run();
			events.result(r.metrics());
			return 0;
		} catch (CancellationException e) {
			events.error("cancelled", e.getMessage());
			return 130;
		} catch (DivergedException e) {
			events.error(DIVERGED_KIND, e.getMessage());
			return DIVERGED_EXIT;
		} catch (OutOfMemoryError e) {
			events.error("oom", "out of memory: " + e.getMessage() + " (raise the heap limit or reduce the sizes)");
			return 3;
		} catch (RuntimeException | StackOverflowError e) {
			LOG.log(System.Logger.Level.ERROR, "run failed", e);
			events.error("exception", e.toString());
			return 1;
		}
	}

	static TrainingListener listener(EventWriter events, BooleanSupplier cancelled) {
		return new TrainingListener() {
			@Override
			public void progress(long step, long total) {
				events.progress(step, total);
			}

			@Override
			public void metric(String name, long step, double value) {
				events.metric(name, step, value);
			}

			@Override
			public void log(String message) {
				events.log("info", message);
			}

			@Override
			public void artifact(String name, String mediaType, String content) {
				events.artifact(name, mediaType, content);
			}

			@Override
			public boolean cancelled() {
				return cancelled.getAsBoolean();
			}
		};
	}

	/** Watches stdin for a cancel request on a daemon thread. */
	static final class CancelWatcher {
		private volatile boolean cancelled;

		static CancelWatcher start(boolean cancelOnEof) {
			CancelWatcher w = new CancelWatcher();
			Thread t = new Thread(() -> {
				try (BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
					String line;
					while ((line = r.readLine()) != null) {
						if ("cancel".equals(line.trim())) {
							w.cancelled = true;
							return;
						}
					}
					if (cancelOnEof) {
						w.cancelled = true;
					}
				} catch (java.io.IOException e) {
					if (cancelOnEof) {
						w.cancelled = true;
					}
				}
			}, "scriptorium-cancel-watcher");
			t.setDaemon(true);
			t.start();
			return w;
		}

		boolean cancelled() {
			return cancelled;
		}
	}
}
