package org.scriptorium.sandbox.internal.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CancellationException;

import org.scriptorium.sandbox.internal.model.TrainingListener;
import org.scriptorium.sandbox.task.ExperimentTask;
import org.scriptorium.sandbox.task.TaskContext;
import org.scriptorium.sandbox.task.TaskInputException;

import com.google.gson.JsonObject;

/**
 * The child side of a task experiment: finds the {@link ExperimentTask} of {@code task.kind} with
 * {@link ServiceLoader} on the child's class path and runs it, streaming its events like a training run. Exit codes
 * as {@link ChildMain}: 0 success, 1 error, 2 invalid configuration or input (also: no provider), 3 out of memory,
 * 130 cancelled.
 */
final class TaskMain {

	private static final System.Logger LOG = System.getLogger(TaskMain.class.getName());

	private TaskMain() {
	}

	static int run(JsonObject resolved, String runId, EventWriter events) {
		JsonObject task = resolved.getAsJsonObject("task");
		String kind = task.has("kind") ? task.get("kind").getAsString() : "";
		long seed = resolved.has("seeds") ? resolved.getAsJsonArray("seeds").get(0).getAsLong() : 1;
		ExperimentTask provider = find(kind);
		if (provider == null) {
			events.error("invalid-config", "no implementation of task kind \"" + kind + "\" on the class path "
					+ "(it comes with the dense retrieval feature, bundle org.scriptorium.dense; class path: "
					+ System.getProperty("java.class.path") + ")");
			return 2;
		}
		ChildMain.CancelWatcher cancel = ChildMain.CancelWatcher
				.start(Boolean.getBoolean("scriptorium.cancelOnStdinEof"));
		TrainingListener listener = ChildMain.listener(events, cancel::cancelled);
		Path dataDir = Path.of(task.has("dataDir") ? task.get("dataDir").getAsString() : ".").toAbsolutePath();
		events.started(runId, seed);
		try {
			Map<String, Double> metrics = provider.run(new TaskContext() {
				@Override
				public JsonObject task() {
					return task.deepCopy();
				}

				@Override
				public long seed() {
					return seed;
				}

				@Override
				public Path dataDirectory() {
					return dataDir;
				}

				@Override
				public void progress(long step, long total) {
					listener.progress(step, total);
				}

				@Override
				public void metric(String name, long step, double value) {
					listener.metric(name, step, value);
				}

				@Override
				public void log(String message) {
					listener.log(message);
				}

				@Override
				public void artifact(String name, String mediaType, String content) {
					listener.artifact(name, mediaType, content);
				}

				@Override
				public boolean cancelled() {
					return listener.cancelled();
				}
			});
			events.result(metrics);
			return 0;
		} catch (TaskInputException e) {
			events.error("invalid-config", e.getMessage());
			return 2;
		} catch (CancellationException e) {
			events.error("cancelled", e.getMessage() == null ? "cancelled" : e.getMessage());
			return 130;
		} catch (OutOfMemoryError e) {
			events.error("oom", "out of memory: " + e.getMessage() + " (raise the heap limit)");
			return 3;
		} catch (Exception | StackOverflowError e) {
			LOG.log(System.Logger.Level.ERROR, "task failed", e);
			events.error("exception", e.toString());
			return 1;
		}
	}

	private static ExperimentTask find(String kind) {
		List<String> errors = new ArrayList<>();
		for (var it = ServiceLoader.load(ExperimentTask.class).iterator();;) {
			try {
				if (!it.hasNext()) {
					break;
				}
				ExperimentTask t = it.next();
				if (t.kind().equals(kind)) {
					return t;
				}
			} catch (java.util.ServiceConfigurationError e) {
				errors.add(e.getMessage());
			}
		}
		errors.forEach(m -> LOG.log(System.Logger.Level.WARNING, "unusable task provider: " + m));
		return null;
	}
}
