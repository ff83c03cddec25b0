package org.scriptorium.sandbox.ui.internal.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IPath;
import org.scriptorium.launching.ExperimentLaunching;
import org.scriptorium.sandbox.LaunchDirectory;
import org.scriptorium.sandbox.Methods;
import org.scriptorium.sandbox.RunDirectory;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Reads the launches of routing experiments from the {@code runs} folders of the workspace's open projects (where
 * the Routing Experiment launch writes them), newest first, through the sandbox's {@link LaunchDirectory} and
 * {@link RunDirectory}, which write them.
 */
public final class RunHistory {

	/** The folder of a project that holds its experiments' launches. */
	public static final String RUNS_FOLDER = ExperimentLaunching.DEFAULT_OUTPUT_FOLDER;

	private RunHistory() {
	}

	/** Every launch under the {@code runs} folder of every open project of {@code root}, newest first. */
	public static List<LaunchRecord> scan(IWorkspaceRoot root) {
		List<LaunchRecord> all = new ArrayList<>();
		for (IProject project : root.getProjects()) {
			IPath location = project.isOpen() ? project.getLocation() : null;
			if (location != null) {
				all.addAll(scan(location.toPath().resolve(RUNS_FOLDER)));
			}
		}
		all.sort(Comparator.comparing(LaunchRecord::date).reversed().thenComparing(LaunchRecord::experiment));
		return all;
	}

	/** Every launch under {@code runsFolder} ({@code <experiment>/<timestamp>/summary.json}). */
	public static List<LaunchRecord> scan(Path runsFolder) {
		List<LaunchRecord> found = new ArrayList<>();
		for (LaunchDirectory launch : LaunchDirectory.recorded(runsFolder,
				e -> ILog.of(RunHistory.class).warn("Cannot list the experiment launches in " + runsFolder, e))) { //$NON-NLS-1$
			LaunchRecord record = read(launch.path());
			if (record != null) {
				found.add(record);
			}
		}
		return found;
	}

	/** The launch in {@code directory}, or null if its summary cannot be read. */
	public static LaunchRecord read(Path directory) {
		try {
			LaunchDirectory launch = new LaunchDirectory(directory);
			LaunchDirectory.Summary summary = launch.summary();
			String strategy = ""; //$NON-NLS-1$
			List<Methods.Method> methods = List.of();
			JsonObject exp = launch.experimentJson();
			if (exp != null) {
				if (exp.has("strategy") && exp.get("strategy").isJsonObject()) { //$NON-NLS-1$ //$NON-NLS-2$
					strategy = string(exp.getAsJsonObject("strategy"), "type", ""); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				} else if (exp.has("task") && exp.get("task").isJsonObject()) { //$NON-NLS-1$ //$NON-NLS-2$
					strategy = string(exp.getAsJsonObject("task"), "kind", ""); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				}
				methods = Methods.of(exp);
			}
			List<LaunchRecord.Run> runs = new ArrayList<>();
			for (LaunchDirectory.RunEntry run : summary.runs()) {
				StringBuilder point = new StringBuilder();
				Map<String, String> values = new LinkedHashMap<>();
				run.point().forEach((key, value) -> {
					values.put(key, LaunchDirectory.pointValue(value));
					point.append(point.length() == 0 ? "" : ", ").append(key).append('=') //$NON-NLS-1$ //$NON-NLS-2$
							.append(LaunchDirectory.pointValue(value));
				});
				runs.add(new LaunchRecord.Run(run.runId(), run.seed(), run.status(), run.message(), run.metrics(),
						point.toString(), label(values)));
			}
			String status = "SUCCEEDED"; //$NON-NLS-1$
			String reason = ""; //$NON-NLS-1$
			for (LaunchRecord.Run run : runs) {
				if (!"SUCCEEDED".equals(run.status())) { //$NON-NLS-1$
					status = run.status();
					reason = run.id() + ": " + run.message(); //$NON-NLS-1$
					break;
				}
			}
			if ("SUCCEEDED".equals(status) && (!summary.complete() || runs.isEmpty())) { //$NON-NLS-1$
				status = "INCOMPLETE"; //$NON-NLS-1$
			}
			Map<String, double[]> sums = new TreeMap<>();
			for (LaunchRecord.Run run : runs) {
				run.metrics().forEach((name, value) -> {
					double[] sum = sums.computeIfAbsent(name, n -> new double[2]);
					sum[0] += value;
					sum[1]++;
				});
			}
			Map<String, Double> means = new TreeMap<>();
			sums.forEach((name, sum) -> means.put(name, sum[0] / sum[1]));
			return new LaunchRecord(directory, summary.experiment(), strategy, directory.getFileName().toString(),
					status, reason, List.copyOf(runs), means, methods, variants(launch, runs));
		} catch (IOException | RuntimeException e) {
			ILog.of(RunHistory.class).warn("Cannot read the experiment launch in " + directory, e); //$NON-NLS-1$
			return null;
		}
	}

	/**
	 * The label of a sweep point: the variant's name, then {@code path=value} of each swept field (the point columns
	 * of the engine's summary tables), e.g. {@code thor-a5} or {@code top1, strategy.k=2}; "" for no point.
	 */
	public static String label(Map<String, String> point) {
		StringBuilder label = new StringBuilder();
		point.forEach((column, value) -> {
			label.append(label.length() == 0 ? "" : ", "); //$NON-NLS-1$ //$NON-NLS-2$
			label.append(VARIANT.equals(column) ? value : column + '=' + value);
		});
		return label.toString();
	}

	/** The point column of a variant's name in the engine's summary tables. */
	private static final String VARIANT = "variant"; //$NON-NLS-1$

	/**
	 * The sweep points of a launch in launch order with their statistics over seeds: from the engine's
	 * {@code aggregate.csv}, or for a launch without one (recorded before it existed) computed the same way from the
	 * runs' final metrics (mean and sample std over the succeeded runs).
	 */
	private static List<LaunchRecord.Variant> variants(LaunchDirectory launch, List<LaunchRecord.Run> runs) {
		List<LaunchRecord.Variant> out = new ArrayList<>();
		try {
			for (LaunchDirectory.AggregateRow row : launch.aggregate()) {
				out.add(new LaunchRecord.Variant(label(row.point()), row.runs(), row.succeeded(), row.metrics()));
			}
		} catch (IOException | RuntimeException e) {
			ILog.of(RunHistory.class).warn("Cannot read " + launch.file(LaunchDirectory.AGGREGATE_CSV), e); //$NON-NLS-1$
			out.clear();
		}
		if (!out.isEmpty()) {
			return List.copyOf(out);
		}
		Map<String, List<LaunchRecord.Run>> byLabel = new LinkedHashMap<>();
		runs.forEach(r -> byLabel.computeIfAbsent(r.variant(), k -> new ArrayList<>()).add(r));
		byLabel.forEach((label, group) -> {
			List<LaunchRecord.Run> ok = group.stream().filter(r -> "SUCCEEDED".equals(r.status())).toList(); //$NON-NLS-1$
			Map<String, double[]> metrics = new LinkedHashMap<>();
			ok.stream().flatMap(r -> r.metrics().keySet().stream()).distinct().forEach(name -> {
				double[] v = ok.stream().map(r -> r.metrics().get(name)).filter(x -> x != null && !x.isNaN())
						.mapToDouble(Double::doubleValue).toArray();
				if (v.length > 0) {
					metrics.put(name, meanStd(v));
				}
			});
			out.add(new LaunchRecord.Variant(label, group.size(), ok.size(), metrics));
		});
		return List.copyOf(out);
	}

	/** {mean, sample standard deviation (0 for one value)} of {@code values}, as the engine's aggregate computes. */
	public static double[] meanStd(double[] values) {
		double mean = 0;
		for (double x : values) {
			mean += x;
		}
		mean /= values.length;
		double var = 0;
		for (double x : values) {
			var += (x - mean) * (x - mean);
		}
		return new double[]{mean, values.length > 1 ? Math.sqrt(var / (values.length - 1)) : 0};
	}

	/** The configuration of the launch in {@code directory} ({@code experiment.json}: the file as run), or null. */
	public static JsonObject configuration(Path directory) throws IOException {
		return new LaunchDirectory(directory).experimentJson();
	}

	/** The resolved configuration of the run {@code runId} of {@code launch} ({@code config.json}), or null. */
	public static JsonObject runConfiguration(LaunchRecord launch, String runId) throws IOException {
		return runId.isEmpty() ? null : run(launch, runId).config();
	}

	/**
	 * The curve of {@code metric} over the training steps of the run {@code runId} of {@code launch}, from its
	 * {@code metrics.jsonl}: pairs (step, value) in file order; empty if there is none.
	 */
	public static List<double[]> curve(LaunchRecord launch, String runId, String metric) {
		RunDirectory run = run(launch, runId);
		try {
			return run.curve(metric);
		} catch (IOException e) {
			ILog.of(RunHistory.class).warn("Cannot read " + run.file(RunDirectory.METRICS_LOG), e); //$NON-NLS-1$
			return new ArrayList<>();
		}
	}

	/** The last {@code count} non-blank lines of the {@code stderr.log} of the run {@code runId} of {@code launch}. */
	public static List<String> lastErrorLines(LaunchRecord launch, String runId, int count) {
		if (runId.isEmpty()) {
			return List.of();
		}
		RunDirectory run = run(launch, runId);
		try {
			List<String> lines = run.stderrLines().stream().filter(l -> !l.isBlank()).toList();
			return lines.subList(Math.max(0, lines.size() - count), lines.size());
		} catch (IOException e) {
			ILog.of(RunHistory.class).warn("Cannot read " + run.file(RunDirectory.STDERR_LOG), e); //$NON-NLS-1$
			return List.of();
		}
	}

	/**
	 * The domain x expert routing frequencies of the run {@code runId} of {@code launch} (rows: domains, columns:
	 * experts), from its {@code domain_expert_frequency.csv}; null if there is none.
	 */
	public static double[][] domainExpert(LaunchRecord launch, String runId) {
		if (runId.isEmpty()) {
			return null;
		}
		RunDirectory run = run(launch, runId);
		try {
			return run.domainExpertFrequency();
		} catch (IOException | RuntimeException e) {
			ILog.of(RunHistory.class).warn("Cannot read " + run.file(RunDirectory.DOMAIN_EXPERT_FREQUENCY), e); //$NON-NLS-1$
			return null;
		}
	}

	private static RunDirectory run(LaunchRecord launch, String runId) {
		return new LaunchDirectory(launch.directory()).run(runId);
	}

	private static String string(JsonObject object, String key, String fallback) {
		JsonElement value = object.get(key);
		return value != null && value.isJsonPrimitive() ? value.getAsString() : fallback;
	}
}
