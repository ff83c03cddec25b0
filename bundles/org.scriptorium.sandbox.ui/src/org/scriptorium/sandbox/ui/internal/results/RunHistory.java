package org.scriptorium.sandbox.ui.internal.results;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IPath;
import org.scriptorium.sandbox.Methods;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Reads the launches of routing experiments from the {@code runs} folders of the workspace's open projects (where
 * the Routing Experiment launch writes them), newest first.
 */
public final class RunHistory {

	/** The folder of a project that holds its experiments' launches. */
	public static final String RUNS_FOLDER = "runs"; //$NON-NLS-1$

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
		if (!Files.isDirectory(runsFolder)) {
			return found;
		}
		try (Stream<Path> experiments = Files.list(runsFolder)) {
			for (Path experiment : experiments.filter(Files::isDirectory).toList()) {
				try (Stream<Path> launches = Files.list(experiment)) {
					for (Path launch : launches.filter(p -> Files.isRegularFile(p.resolve("summary.json"))).toList()) { //$NON-NLS-1$
						LaunchRecord record = read(launch);
						if (record != null) {
							found.add(record);
						}
					}
				}
			}
		} catch (IOException e) {
			ILog.of(RunHistory.class).warn("Cannot list the experiment launches in " + runsFolder, e); //$NON-NLS-1$
		}
		return found;
	}

	/** The launch in {@code directory}, or null if its summary cannot be read. */
	public static LaunchRecord read(Path directory) {
		try {
			JsonObject summary = parse(directory.resolve("summary.json")); //$NON-NLS-1$
			String experiment = string(summary, "experiment", directory.getParent().getFileName().toString()); //$NON-NLS-1$
			boolean complete = summary.has("complete") && summary.get("complete").getAsBoolean(); //$NON-NLS-1$ //$NON-NLS-2$
			String strategy = ""; //$NON-NLS-1$
			List<Methods.Method> methods = List.of();
			JsonObject exp = configuration(directory);
			if (exp != null) {
				if (exp.has("strategy") && exp.get("strategy").isJsonObject()) { //$NON-NLS-1$ //$NON-NLS-2$
					strategy = string(exp.getAsJsonObject("strategy"), "type", ""); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				} else if (exp.has("task") && exp.get("task").isJsonObject()) { //$NON-NLS-1$ //$NON-NLS-2$
					strategy = string(exp.getAsJsonObject("task"), "kind", ""); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				}
				methods = Methods.of(exp);
			}
			List<LaunchRecord.Run> runs = new ArrayList<>();
			if (summary.has("runs") && summary.get("runs").isJsonArray()) { //$NON-NLS-1$ //$NON-NLS-2$
				for (JsonElement element : summary.getAsJsonArray("runs")) { //$NON-NLS-1$
					JsonObject run = element.getAsJsonObject();
					Map<String, Double> metrics = new LinkedHashMap<>();
					if (run.has("metrics") && run.get("metrics").isJsonObject()) { //$NON-NLS-1$ //$NON-NLS-2$
						for (var entry : run.getAsJsonObject("metrics").entrySet()) { //$NON-NLS-1$
							if (entry.getValue().isJsonPrimitive() && entry.getValue().getAsJsonPrimitive().isNumber()) {
								metrics.put(entry.getKey(), entry.getValue().getAsDouble());
							}
						}
					}
					int seed = run.has("seed") && run.get("seed").isJsonPrimitive() ? run.get("seed").getAsInt() : 0; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					StringBuilder point = new StringBuilder();
					if (run.get("point") instanceof JsonObject p) { //$NON-NLS-1$
						p.entrySet().forEach(e -> point.append(point.length() == 0 ? "" : ", ").append(e.getKey()).append('=') //$NON-NLS-1$ //$NON-NLS-2$
								.append(e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString()));
					}
					runs.add(new LaunchRecord.Run(string(run, "run", ""), seed, string(run, "status", "UNKNOWN"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
							string(run, "message", ""), metrics, point.toString())); //$NON-NLS-1$ //$NON-NLS-2$
				}
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
			if ("SUCCEEDED".equals(status) && (!complete || runs.isEmpty())) { //$NON-NLS-1$
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
			return new LaunchRecord(directory, experiment, strategy, directory.getFileName().toString(), status, reason,
					List.copyOf(runs), means, methods);
		} catch (IOException | RuntimeException e) {
			ILog.of(RunHistory.class).warn("Cannot read the experiment launch in " + directory, e); //$NON-NLS-1$
			return null;
		}
	}

	/** The configuration of the launch in {@code directory} ({@code experiment.json}: the file as run), or null. */
	public static JsonObject configuration(Path directory) throws IOException {
		Path file = directory.resolve("experiment.json"); //$NON-NLS-1$
		return Files.isRegularFile(file) ? parse(file) : null;
	}

	/** The resolved configuration of the run {@code runId} of {@code launch} ({@code config.json}), or null. */
	public static JsonObject runConfiguration(LaunchRecord launch, String runId) throws IOException {
		Path file = launch.directory().resolve(runId).resolve("config.json"); //$NON-NLS-1$
		return runId.isEmpty() || !Files.isRegularFile(file) ? null : parse(file);
	}

	/**
	 * The curve of {@code metric} over the training steps of the run {@code runId} of {@code launch}, from its
	 * {@code metrics.jsonl}: pairs (step, value) in file order; empty if there is none.
	 */
	public static List<double[]> curve(LaunchRecord launch, String runId, String metric) {
		List<double[]> points = new ArrayList<>();
		Path file = launch.directory().resolve(runId).resolve("metrics.jsonl"); //$NON-NLS-1$
		if (!Files.isRegularFile(file)) {
			return points;
		}
		try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
			lines.filter(l -> l.contains(metric)).forEach(line -> {
				try {
					JsonObject event = JsonParser.parseString(line).getAsJsonObject();
					if (metric.equals(string(event, "name", "")) && event.has("step") && event.has("value")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
						points.add(new double[] { event.get("step").getAsDouble(), event.get("value").getAsDouble() }); //$NON-NLS-1$ //$NON-NLS-2$
					}
				} catch (RuntimeException malformed) {
					// a truncated last line of a killed run: skip it
				}
			});
		} catch (IOException e) {
			ILog.of(RunHistory.class).warn("Cannot read " + file, e); //$NON-NLS-1$
		}
		return points;
	}

	/** The last {@code count} lines of the {@code stderr.log} of the run {@code runId} of {@code launch}. */
	public static List<String> lastErrorLines(LaunchRecord launch, String runId, int count) {
		Path file = launch.directory().resolve(runId).resolve("stderr.log"); //$NON-NLS-1$
		if (runId.isEmpty() || !Files.isRegularFile(file)) {
			return List.of();
		}
		try {
			List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
					.toList();
			return lines.subList(Math.max(0, lines.size() - count), lines.size());
		} catch (IOException e) {
			ILog.of(RunHistory.class).warn("Cannot read " + file, e); //$NON-NLS-1$
			return List.of();
		}
	}

	/**
	 * The domain x expert routing frequencies of the run {@code runId} of {@code launch} (rows: domains, columns:
	 * experts), from its {@code domain_expert_frequency.csv}; null if there is none.
	 */
	public static double[][] domainExpert(LaunchRecord launch, String runId) {
		Path file = launch.directory().resolve(runId).resolve("domain_expert_frequency.csv"); //$NON-NLS-1$
		if (runId.isEmpty() || !Files.isRegularFile(file)) {
			return null;
		}
		try {
			List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
					.toList();
			if (lines.size() < 2) {
				return null;
			}
			double[][] matrix = new double[lines.size() - 1][];
			for (int i = 1; i < lines.size(); i++) {
				String[] cells = lines.get(i).split(","); //$NON-NLS-1$
				matrix[i - 1] = new double[cells.length - 1];
				for (int j = 1; j < cells.length; j++) {
					matrix[i - 1][j - 1] = Double.parseDouble(cells[j]);
				}
			}
			return matrix;
		} catch (IOException | RuntimeException e) {
			ILog.of(RunHistory.class).warn("Cannot read " + file, e); //$NON-NLS-1$
			return null;
		}
	}

	private static JsonObject parse(Path file) throws IOException {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return JsonParser.parseReader(reader).getAsJsonObject();
		}
	}

	private static String string(JsonObject object, String key, String fallback) {
		JsonElement value = object.get(key);
		return value != null && value.isJsonPrimitive() ? value.getAsString() : fallback;
	}
}
