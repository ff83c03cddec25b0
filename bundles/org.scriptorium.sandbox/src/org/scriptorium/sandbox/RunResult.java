package org.scriptorium.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;

/**
 * Outcome of one child run.
 *
 * @param runId          run id
 * @param seed           seed
 * @param point          sweep values of the run
 * @param status         final status
 * @param failureKind    null on success; else one of {@code exit}, {@code crash}, {@code oom},
 *                       {@code exception}, {@code no-result}, {@code invalid-config}, {@code launch},
 *                       {@code external-not-allowed}, {@code timeout}, {@code cancelled}
 * @param message        one-line human-readable summary
 * @param exitCode       the child's exit code, null if it never ran
 * @param metrics        final metrics (from the result event, or else the last value of each metric event)
 * @param events         number of protocol events received
 * @param garbageLines   number of stdout lines that were not protocol events
 * @param stdoutTail     last stdout lines
 * @param stderrTail     last stderr lines
 * @param runDirectory   where the run's files are
 * @param wallTime       duration from launch to exit
 * @param firstEvent     duration from launch to the first protocol event, null if none arrived
 */
public record RunResult(String runId, long seed, Map<String, JsonElement> point, RunStatus status, String failureKind,
		String message, Integer exitCode, Map<String, Double> metrics, int events, int garbageLines,
		List<String> stdoutTail, List<String> stderrTail, Path runDirectory, Duration wallTime, Duration firstEvent) {

	public boolean succeeded() {
		return status == RunStatus.SUCCEEDED;
	}
}
