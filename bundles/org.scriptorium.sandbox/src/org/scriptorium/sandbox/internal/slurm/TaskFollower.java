package org.scriptorium.sandbox.internal.slurm;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scriptorium.sandbox.RunDirectory;
import org.scriptorium.sandbox.RunListener;
import org.scriptorium.sandbox.RunResult;
import org.scriptorium.sandbox.RunSpec;
import org.scriptorium.sandbox.RunStatus;
import org.scriptorium.sandbox.SandboxEvent;
import org.scriptorium.sandbox.internal.runner.ChildRun;
import org.scriptorium.sandbox.internal.runner.EventWriter;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Follows one Slurm array task through the files it writes on the shared file system: its events
 * ({@value #EVENTS}, the child's standard output) are read as they grow and handled as the local runner handles a
 * child's stdout (metrics to {@code metrics.jsonl}, artifacts to files, every event to the listener); its end is
 * classified from Slurm's state, exit code and reason together with the child's own {@code error} event.
 */
final class TaskFollower {

	/** The child's standard output (its events) in the run directory. */
	static final String EVENTS = "events.jsonl";
	/** The exit code the task script writes when the child ends by itself. */
	static final String EXIT_CODE = "exit-code";

	private static final int TAIL = 50;

	final RunSpec spec;
	final int index;
	private final RunDirectory dir;
	private final RunListener listener;
	private final ArrayDeque<String> tail = new ArrayDeque<>();
	private final Map<String, Double> lastMetrics = new LinkedHashMap<>();
	private final StringBuilder partial = new StringBuilder();
	private long offset;
	private int events;
	private int garbage;
	private Map<String, Double> resultMetrics;
	private String errorKind;
	private String errorMessage;
	private BufferedWriter metricsLog;
	private long startNanos = System.nanoTime();
	private Long firstEventNanos;
	private boolean running;
	int missing;

	TaskFollower(RunSpec spec, int index, Path runDir, RunListener listener) {
		this.spec = spec;
		this.index = index;
		this.dir = new RunDirectory(runDir);
		this.listener = listener;
	}

	/** The task is seen running: its wall time starts now (the first time). */
	void running() {
		if (!running) {
			running = true;
			startNanos = System.nanoTime();
		}
	}

	/** Reads the events written since the last call. */
	void poll() {
		Path file = dir.file(EVENTS);
		try {
			if (!Files.isRegularFile(file) || Files.size(file) <= offset) {
				return;
			}
			byte[] bytes;
			try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
				in.seek(offset);
				bytes = new byte[(int) Math.min(in.length() - offset, 8L << 20)];
				in.readFully(bytes);
			}
			int end = lastNewline(bytes);
			if (end < 0) {
				return; // no complete line yet
			}
			offset += end + 1;
			for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n", -1)) {
				onLine(line);
			}
		} catch (IOException e) {
			tail("(cannot read " + file + ": " + e.getMessage() + ")");
		}
	}

	private static int lastNewline(byte[] b) {
		for (int i = b.length - 1; i >= 0; i--) {
			if (b[i] == '\n') {
				return i;
			}
		}
		return -1;
	}

	private void tail(String line) {
		if (tail.size() == TAIL) {
			tail.removeFirst();
		}
		tail.addLast(line.length() > 2000 ? line.substring(0, 2000) + "…" : line);
	}

	private void onLine(String line) {
		tail(line);
		JsonObject ev = ChildRun.parseEvent(line);
		if (ev == null) {
			garbage++;
			JsonObject o = new JsonObject();
			o.addProperty("line", line.length() > 2000 ? line.substring(0, 2000) : line);
			notify(new SandboxEvent(spec.runId(), "garbage", o));
			return;
		}
		if (events++ == 0) {
			firstEventNanos = System.nanoTime();
		}
		String type = ev.get("event").getAsString();
		try {
			switch (type) {
				case "metric" -> {
					JsonElement v = ev.get("value");
					lastMetrics.put(ev.get("name").getAsString(),
							v == null || v.isJsonNull() ? Double.NaN : v.getAsDouble());
					if (metricsLog == null) {
						Files.deleteIfExists(dir.file(RunDirectory.METRICS_LOG)); // written afresh from the events
						metricsLog = dir.openMetricsLog();
					}
					metricsLog.write(EventWriter.toJson(ev, false));
					metricsLog.newLine();
					metricsLog.flush();
				}
				case "result" -> resultMetrics = numbers(ev.get("metrics"));
				case "error" -> {
					errorKind = string(ev, "kind", "error");
					errorMessage = string(ev, "message", "");
				}
				case "artifact" -> {
					String name = string(ev, "name", "");
					if (RunDirectory.isArtifactName(name) && ev.has("content")) {
						dir.writeArtifact(name, ev.get("content").getAsString());
					}
				}
				default -> {
					// started, progress, log: forwarded only
				}
			}
		} catch (RuntimeException | IOException e) {
			tail("(bad " + type + " event: " + e + ")");
		}
		notify(new SandboxEvent(spec.runId(), type, ev));
	}

	private void notify(SandboxEvent e) {
		try {
			listener.onEvent(e);
		} catch (RuntimeException ex) {
			// a failing listener must not stop the others
		}
	}

	/** The exit code the task script recorded, or null if the child did not end by itself. */
	Integer recordedExitCode() {
		try {
			Path f = dir.file(EXIT_CODE);
			return Files.isRegularFile(f) ? Integer.valueOf(Files.readString(f).strip()) : null;
		} catch (IOException | NumberFormatException e) {
			return null;
		}
	}

	/** Classifies the end from Slurm's account and the child's events, writes the run's record, tells the listener. */
	RunResult finish(Slurm.TaskState state) {
		poll();
		closeMetricsLog();
		Integer exit = state.exitCode() != null ? state.exitCode() : recordedExitCode();
		if (state.signal() != null && state.signal() > 0 && (exit == null || exit == 0)) {
			exit = 128 + state.signal();
		}
		String slurm = "Slurm: " + state.state() + (state.reason() == null || state.reason().isBlank()
				|| state.reason().equals("None") ? "" : ", " + state.reason());
		List<String> stderr = stderrTail();
		String lastErr = stderr.isEmpty() ? null : stderr.get(stderr.size() - 1).strip();
		RunStatus status;
		String kind;
		String message;
		switch (state.state()) {
			case "COMPLETED" -> {
				if (exit != null && exit == 0 && resultMetrics != null && errorKind == null) {
					status = RunStatus.SUCCEEDED;
					kind = null;
					message = "finished"
							+ (garbage > 0 ? " (" + garbage + " stdout lines were not protocol events)" : "");
				} else {
					status = RunStatus.FAILED;
					kind = errorKind != null ? "exception" : "no-result";
					message = errorKind != null
							? errorKind + ": " + errorMessage
							: "exited with code 0 without sending a result (" + slurm + ")";
				}
			}
			case "CANCELLED" -> {
				status = RunStatus.CANCELLED;
				kind = "cancelled";
				message = "cancelled (" + slurm + ")";
			}
			case "TIMEOUT", "DEADLINE" -> {
				status = RunStatus.TIMED_OUT;
				kind = "timeout";
				message = "Slurm's time limit was reached; the task was stopped (" + slurm + ")";
			}
			case "OUT_OF_MEMORY" -> {
				status = RunStatus.FAILED;
				kind = "oom";
				message = "ran out of memory (" + slurm + ")";
			}
			case "FAILED" -> {
				status = RunStatus.FAILED;
				if ("oom".equals(errorKind)) {
					kind = "oom";
					message = "ran out of memory: " + errorMessage;
				} else if ("invalid-config".equals(errorKind)) {
					kind = "invalid-config";
					message = errorMessage;
				} else if (errorKind != null) {
					kind = "exception";
					message = errorKind + ": " + errorMessage;
				} else if (exit != null && exit > 128) {
					kind = "crash";
					message = "crashed with exit code " + exit + " (signal " + (exit - 128) + ", " + slurm + ")";
				} else {
					kind = "exit";
					message = "exited with code " + exit + " before sending a result (" + slurm + ")"
							+ (lastErr != null ? ": " + lastErr : "");
				}
			}
			default -> {
				status = RunStatus.FAILED;
				kind = "slurm";
				message = "the task ended on the cluster as " + state.state() + " (" + slurm + ")";
			}
		}
		Map<String, Double> metrics = resultMetrics != null ? resultMetrics : new LinkedHashMap<>(lastMetrics);
		Duration wall = Duration.ofNanos(System.nanoTime() - startNanos);
		Duration first = firstEventNanos == null ? null : Duration.ofNanos(Math.max(0, firstEventNanos - startNanos));
		RunResult r = new RunResult(spec.runId(), spec.seed(), spec.point(), status, kind, message, exit, metrics,
				events, garbage, new ArrayList<>(tail), stderr, dir.path(), wall, first);
		try {
			dir.writeRecord(r);
		} catch (IOException e) {
			System.getLogger(TaskFollower.class.getName()).log(System.Logger.Level.WARNING,
					"cannot write the summary of " + spec.runId(), e);
		}
		try {
			listener.onFinished(r);
		} catch (RuntimeException e) {
			// the record is written; a failing listener changes nothing
		}
		return r;
	}

	private List<String> stderrTail() {
		try {
			List<String> lines = dir.stderrLines();
			return List.copyOf(lines.subList(Math.max(0, lines.size() - TAIL), lines.size()));
		} catch (IOException e) {
			return List.of();
		}
	}

	private void closeMetricsLog() {
		if (metricsLog != null) {
			try {
				metricsLog.close();
			} catch (IOException e) {
				// the lines already written stay
			}
			metricsLog = null;
		}
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
