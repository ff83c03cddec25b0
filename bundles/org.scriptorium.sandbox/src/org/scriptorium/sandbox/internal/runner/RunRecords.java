package org.scriptorium.sandbox.internal.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.scriptorium.sandbox.Experiment;
import org.scriptorium.sandbox.ExperimentException;
import org.scriptorium.sandbox.LaunchDirectory;
import org.scriptorium.sandbox.RunDirectory;
import org.scriptorium.sandbox.RunResult;
import org.scriptorium.sandbox.RunSpec;
import org.scriptorium.sandbox.RunStatus;
import org.scriptorium.sandbox.SweepResult;

/**
 * Records the end of a launch whose sandbox process was stopped before it could (killed forcibly, crashed): every
 * run still marked {@code RUNNING} gets the given status with its partial metrics (the last value of each metric in
 * {@code metrics.jsonl}) and the last lines of its {@code stderr.log}; runs never started get the status too; then the
 * launch's {@code summary.json}, {@code summary.csv} and {@code aggregate.csv} are written as the runner would have.
 */
public final class RunRecords {

	private static final int TAIL = 50;

	private RunRecords() {
	}

	/**
	 * @return the recorded launch, or null if its {@code summary.json} exists already (the runner ended it itself)
	 * @throws IOException if {@code experiment.json} cannot be read or a file cannot be written
	 */
	public static SweepResult recordInterrupted(Path launchDir, RunStatus status, String kind, String message)
			throws IOException {
		LaunchDirectory launch = new LaunchDirectory(launchDir);
		if (launch.isRecorded()) {
			return null;
		}
		Experiment experiment;
		try {
			experiment = launch.experiment();
		} catch (ExperimentException e) {
			throw new IOException(launch.file(LaunchDirectory.EXPERIMENT) + ": " + e.getMessage(), e);
		}
		List<RunResult> results = new ArrayList<>();
		for (RunSpec spec : experiment.runs()) {
			results.add(recordRun(spec, launch.run(spec.runId()), status, kind, message));
		}
		String table = launch.writeSummaries(experiment, results);
		return new SweepResult(experiment.name(), launchDir, results, table);
	}

	/** The run as recorded, or, if it is still marked RUNNING or never started, recorded now with {@code status}. */
	static RunResult recordRun(RunSpec spec, RunDirectory run, RunStatus status, String kind, String message)
			throws IOException {
		if (!Files.isDirectory(run.path())) {
			return ChildRun.notStarted(spec, run.path(), status, kind, message + " (the run had not started)");
		}
		RunResult recorded = run.recorded(spec);
		if (recorded != null) {
			return recorded;
		}
		Path summary = run.file(RunDirectory.SUMMARY);
		Duration wall = Files.isRegularFile(summary)
				? Duration.between(Files.getLastModifiedTime(summary).toInstant(), Instant.now())
				: Duration.ZERO;
		List<String> err = run.stderrLines();
		RunResult r = new RunResult(spec.runId(), spec.seed(), spec.point(), status, kind, message, null,
				run.lastMetrics(), 0, 0, List.of(),
				List.copyOf(err.subList(Math.max(0, err.size() - TAIL), err.size())),
				run.path(), wall, null);
		run.writeRecord(r);
		return r;
	}
}
