package org.scriptorium.sandbox;

import java.nio.file.Path;
import java.util.List;

/**
 * Outcome of all runs of an experiment.
 *
 * @param experiment experiment name
 * @param directory  the experiment's output directory ({@code summary.csv}, {@code summary.json}, one
 *                   sub-directory per run)
 * @param runs       every run, in {@link Experiment#runs()} order
 * @param table      the summary table as CSV text (one row per run)
 */
public record SweepResult(String experiment, Path directory, List<RunResult> runs, String table) {

	public boolean allSucceeded() {
		return runs.stream().allMatch(RunResult::succeeded);
	}
}
