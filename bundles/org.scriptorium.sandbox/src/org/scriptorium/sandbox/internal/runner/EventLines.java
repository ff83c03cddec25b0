package org.scriptorium.sandbox.internal.runner;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.scriptorium.sandbox.RunDirectory;
import org.scriptorium.sandbox.RunListener;
import org.scriptorium.sandbox.SandboxEvent;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The reader of a child's standard output, one line at a time, for every executor: the local child's pipe
 * ({@link ChildRun}) and a Slurm task's events file (the Slurm follower). A line that is an event of the protocol
 * (docs/sandbox-protocol.md) is handled: a metric goes to {@value RunDirectory#METRICS_LOG} (written afresh for the
 * run), an artifact to its file, the result and the error are kept for classifying the end; a line that is not an
 * event counts as garbage. Every line then goes to the listener, whose failure never stops the reading (a full pipe
 * would block the child). Thread-safe: the reading thread and the one that classifies the end may differ.
 */
public final class EventLines {

	private static final System.Logger LOG = System.getLogger(EventLines.class.getName());
	private static final Set<String> TYPES = Set.of("started", "progress", "metric", "log", "artifact", "result",
			"error");
	private static final int MAX_GARBAGE_CHARS = 2000;

	private final String runId;
	private final RunDirectory dir;
	private final RunListener listener;
	private final Consumer<String> problems;
	private final Map<String, Double> lastMetrics = new LinkedHashMap<>();
	private BufferedWriter metricsLog;
	private Map<String, Double> resultMetrics;
	private String errorKind;
	private String errorMessage;
	private int events;
	private int garbage;
	private long firstEventNanos = -1;

	/**
	 * @param problems told of an event that cannot be handled (a bad value, a refused artifact name, a file that
	 *                 cannot be written), in words; the line still goes to the listener
	 */
	public EventLines(String runId, RunDirectory dir, RunListener listener, Consumer<String> problems) {
		this.runId = runId;
		this.dir = dir;
		this.listener = listener;
		this.problems = problems;
	}

	/** The event of a line of a child's standard output, or null if the line is not one (garbage). */
	public static JsonObject parse(String line) {
		String s = line.trim();
		if (!s.startsWith("{")) {
			return null;
		}
		try {
			JsonElement e = JsonParser.parseString(s);
			if (e.isJsonObject() && e.getAsJsonObject().has("event")
					&& e.getAsJsonObject().get("event").isJsonPrimitive()
					&& TYPES.contains(e.getAsJsonObject().get("event").getAsString())) {
				return e.getAsJsonObject();
			}
		} catch (RuntimeException ex) {
			return null;
		}
		return null;
	}

	/** Handles one line (without its line end) and tells the listener. */
	public void accept(String line) {
		notify(handle(line));
	}

	private synchronized SandboxEvent handle(String line) {
		JsonObject ev = parse(line);
		if (ev == null) {
			garbage++;
			JsonObject o = new JsonObject();
			o.addProperty("line", line.length() > MAX_GARBAGE_CHARS ? line.substring(0, MAX_GARBAGE_CHARS) : line);
			return new SandboxEvent(runId, "garbage", o);
		}
		if (events++ == 0) {
			firstEventNanos = System.nanoTime();
		}
		String type = ev.get("event").getAsString();
		try {
			switch (type) {
				case "metric" -> onMetric(ev);
				case "result" -> resultMetrics = numbers(ev.get("metrics"));
				case "error" -> {
					errorKind = string(ev, "kind", "error");
					errorMessage = string(ev, "message", "");
				}
				case "artifact" -> onArtifact(ev);
				default -> {
					// started, progress, log: only forwarded
				}
			}
		} catch (RuntimeException | IOException e) {
			problems.accept("bad " + type + " event: " + e);
		}
		return new SandboxEvent(runId, type, ev);
	}

	private void onMetric(JsonObject ev) throws IOException {
		JsonElement v = ev.get("value");
		lastMetrics.put(ev.get("name").getAsString(), v == null || v.isJsonNull() ? Double.NaN : v.getAsDouble());
		if (metricsLog == null) {
			Files.deleteIfExists(dir.file(RunDirectory.METRICS_LOG)); // written afresh from the events
			metricsLog = dir.openMetricsLog();
		}
		metricsLog.write(EventWriter.toJson(ev, false));
		metricsLog.newLine();
		metricsLog.flush();
	}

	private void onArtifact(JsonObject ev) throws IOException {
		String name = string(ev, "name", "");
		if (!RunDirectory.isArtifactName(name)) {
			problems.accept("artifact name refused: " + name);
			return;
		}
		if (ev.has("content")) {
			dir.writeArtifact(name, ev.get("content").getAsString());
		}
	}

	/** Tells the listener of an event of the run that is not on its standard output (a line of standard error). */
	public void forward(String type, JsonObject data) {
		notify(new SandboxEvent(runId, type, data));
	}

	/** A failing listener must not stop the reader. */
	private void notify(SandboxEvent e) {
		try {
			listener.onEvent(e);
		} catch (RuntimeException ex) {
			LOG.log(System.Logger.Level.WARNING, "run listener failed on a " + e.type() + " event of " + runId, ex);
		}
	}

	/** Closes {@value RunDirectory#METRICS_LOG}; the lines already written stay. */
	public synchronized void close() {
		if (metricsLog != null) {
			try {
				metricsLog.close();
			} catch (IOException e) {
				LOG.log(System.Logger.Level.DEBUG, "close failed", e);
			}
			metricsLog = null;
		}
	}

	/** The metrics of the result event, or else the last value of every metric event. */
	public synchronized Map<String, Double> metrics() {
		return resultMetrics != null ? resultMetrics : new LinkedHashMap<>(lastMetrics);
	}

	/** True once a result event came. */
	public synchronized boolean hasResult() {
		return resultMetrics != null;
	}

	/** The kind of the child's error event, or null if none came. */
	public synchronized String errorKind() {
		return errorKind;
	}

	/** The message of the child's error event, or null if none came. */
	public synchronized String errorMessage() {
		return errorMessage;
	}

	/** The number of events read. */
	public synchronized int events() {
		return events;
	}

	/** The number of lines that were not events. */
	public synchronized int garbage() {
		return garbage;
	}

	/** {@link System#nanoTime()} at the first event, or -1 before it. */
	public synchronized long firstEventNanos() {
		return firstEventNanos;
	}

	private static Map<String, Double> numbers(JsonElement e) {
		Map<String, Double> m = new LinkedHashMap<>();
		if (e != null && e.isJsonObject()) {
			for (var x : e.getAsJsonObject().entrySet()) {
				JsonElement v = x.getValue();
				if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber()) {
					m.put(x.getKey(), v.getAsDouble());
				} else if (v.isJsonNull()) {
					m.put(x.getKey(), Double.NaN);
				}
			}
		}
		return m;
	}

	private static String string(JsonObject o, String key, String def) {
		JsonElement e = o.get(key);
		return e != null && e.isJsonPrimitive() ? e.getAsString() : def;
	}
}
