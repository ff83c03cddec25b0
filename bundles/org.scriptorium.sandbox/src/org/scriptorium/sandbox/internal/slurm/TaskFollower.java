package org.scriptorium.sandbox.internal.slurm;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.scriptorium.sandbox.RunDirectory;
import org.scriptorium.sandbox.RunListener;
import org.scriptorium.sandbox.RunResult;
import org.scriptorium.sandbox.RunSpec;
import org.scriptorium.sandbox.RunStatus;
import org.scriptorium.sandbox.internal.runner.EventLines;
import org.scriptorium.sandbox.internal.runner.Tail;

/**
 * Follows one Slurm array task through the files it writes on the shared file system: its events
 * ({@value #EVENTS}, the child's standard output) are read as they grow and handled by the reader the local runner
 * uses for a child's stdout ({@link EventLines}: metrics to {@code metrics.jsonl}, artifacts to files, every event to
 * the listener); its end is
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
	private final Tail tail = new Tail(TAIL);
	private final EventLines events;
	private long offset;
	private long startNanos = System.nanoTime();
	private boolean running;
	int missing;

	TaskFollower(RunSpec spec, int index, Path runDir, RunListener listener) {
		this.spec = spec;
		this.index = index;
		this.dir = new RunDirectory(runDir);
		this.listener = listener;
		this.events = new EventLines(spec.runId(), dir, listener, problem -> tail.add("(" + problem + ")"));
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
				tail.add(line);
				events.accept(line);
			}
		} catch (IOException e) {
			tail.add("(cannot read " + file + ": " + e.getMessage() + ")");
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
		events.close();
		String errorKind = events.errorKind();
		String errorMessage = events.errorMessage();
		int garbage = events.garbage();
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
				if (exit != null && exit == 0 && events.hasResult() && errorKind == null) {
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
		Map<String, Double> metrics = events.metrics();
		Duration wall = Duration.ofNanos(System.nanoTime() - startNanos);
		long firstEventNanos = events.firstEventNanos();
		Duration first = firstEventNanos < 0 ? null : Duration.ofNanos(Math.max(0, firstEventNanos - startNanos));
		RunResult r = new RunResult(spec.runId(), spec.seed(), spec.point(), status, kind, message, exit, metrics,
				events.events(), garbage, tail.lines(), stderr, dir.path(), wall, first);
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
}
