package org.scriptorium.sandbox.ui.internal.results;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.scriptorium.sandbox.Methods;

/**
 * One launch of an experiment as found on disk: {@code runs/<experiment>/<timestamp>/} with its {@code summary.json}.
 *
 * @param directory   the launch's folder
 * @param experiment  the experiment's name
 * @param strategy    the routing strategy's type (from {@code experiment.json}), or "" if unknown
 * @param date        the launch's timestamp (the folder's name)
 * @param status      SUCCEEDED when every run succeeded, else the status of the first run that did not, or
 *                    INCOMPLETE when the launch did not finish
 * @param reason      the message of the first run that did not succeed, or ""
 * @param runs        the runs of the launch
 * @param meanMetrics the mean of each final metric over the runs that report it
 * @param methods     the strategies and losses the experiment uses (from {@code experiment.json}), with their papers
 * @param variants    the launch's sweep points (variants and/or sweep values) with their statistics over seeds, in
 *                    launch order; one entry (label "") for a launch without variants or sweep
 */
public record LaunchRecord(Path directory, String experiment, String strategy, String date, String status,
		String reason, List<Run> runs, Map<String, Double> meanMetrics, List<Methods.Method> methods,
		List<Variant> variants) {

	/**
	 * One sweep point of a launch: a variant (e.g. {@code thor-a5}) and/or sweep values, run once per seed.
	 *
	 * @param label     the point as the user named it: the variant's name, then {@code path=value} of each swept
	 *                  field, e.g. {@code thor-a5} or {@code learned-top1, strategy.k=2}; "" without a point
	 * @param runs      the number of its runs
	 * @param succeeded how many of them succeeded
	 * @param metrics   the experiment's summary metrics (its question) to {mean, sample std} over the succeeded runs,
	 *                  from the engine's {@code aggregate.csv}
	 */
	public record Variant(String label, int runs, int succeeded, Map<String, double[]> metrics) {
	}

	/**
	 * One run of a launch.
	 *
	 * @param id      the run id, e.g. {@code p0000-s1}
	 * @param seed    the seed
	 * @param status  its status (SUCCEEDED, FAILED, CANCELLED, TIMED_OUT, RUNNING, ...)
	 * @param message its message (the failure's reason)
	 * @param metrics its final metrics
	 * @param point   its sweep values and variant, e.g. {@code strategy.k=2}, or "" without a sweep
	 * @param variant the label of its sweep point ({@link Variant#label()}), "" without a point
	 */
	public record Run(String id, int seed, String status, String message, Map<String, Double> metrics, String point,
			String variant) {

		/** What a user calls the run: {@code thor-a5, seed 2}, or {@code seed 2} without a point. */
		public String label() {
			return (variant.isEmpty() ? "" : variant + ", ") + "seed " + seed; //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	/** The runs of the sweep point labelled {@code variant}, in launch order. */
	public List<Run> runsOf(String variant) {
		return runs.stream().filter(r -> r.variant().equals(variant)).toList();
	}

	/** The mean of {@code metric} over the runs, or NaN. */
	public double metric(String metric) {
		Double value = meanMetrics.get(metric);
		return value == null ? Double.NaN : value;
	}
}
