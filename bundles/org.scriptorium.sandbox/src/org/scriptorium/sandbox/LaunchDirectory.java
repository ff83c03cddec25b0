package org.scriptorium.sandbox;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.scriptorium.core.io.AtomicFile;
import org.scriptorium.sandbox.internal.runner.EventWriter;
import org.scriptorium.sandbox.internal.runner.SummaryTable;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The folder of one launch of an experiment, {@code <output>/<experiment>/<yyyyMMdd-HHmmss>/}, with the experiment
 * as run, the launch's summaries and one {@link RunDirectory} per run: the one place that names these files and knows
 * their formats, used by the runner that writes them and by everything that reads them (the recording of
 * interrupted launches, the launch's process in the workbench, the Experiment Results view).
 */
public final class LaunchDirectory {

	/** The experiment file as run (after overrides). */
	public static final String EXPERIMENT = "experiment.json";
	/** All runs with status, failure kind, message and metrics; written when the launch ends. */
	public static final String SUMMARY = "summary.json";
	/** One row per run. */
	public static final String SUMMARY_CSV = "summary.csv";
	/** Mean and standard deviation over seeds per sweep point. */
	public static final String AGGREGATE_CSV = "aggregate.csv";

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	/**
	 * A run of a launch as its {@value #SUMMARY} lists it.
	 *
	 * @param runId   the run id, or "" if missing
	 * @param seed    the seed, or 0 if missing
	 * @param point   the run's sweep values (empty without a sweep)
	 * @param status  its status, or UNKNOWN if missing
	 * @param message its message, or "" if none
	 * @param metrics its final metrics that are numbers (a metric without a value is left out)
	 */
	public record RunEntry(String runId, int seed, Map<String, JsonElement> point, String status, String message,
			Map<String, Double> metrics) {
	}

	/**
	 * The launch's {@value #SUMMARY}.
	 *
	 * @param experiment the experiment's name (the name of the launch's parent folder if the file has none)
	 * @param complete   whether every run succeeded
	 * @param runs       the runs in launch order
	 */
	public record Summary(String experiment, boolean complete, List<RunEntry> runs) {
	}

	private final Path path;

	public LaunchDirectory(Path path) {
		this.path = path;
	}

	/**
	 * Creates the folder of a new launch of {@code experiment} under {@code output}: named by the current time, with
	 * a suffix {@code -1}, {@code -2}, ... if a launch in the same second took it.
	 */
	public static LaunchDirectory create(Path output, String experiment) throws IOException {
		String stamp = LocalDateTime.now().format(STAMP);
		Path base = output.resolve(experiment);
		Files.createDirectories(base);
		for (int i = 0;; i++) {
			Path p = base.resolve(i == 0 ? stamp : stamp + "-" + i);
			try {
				return new LaunchDirectory(Files.createDirectory(p));
			} catch (FileAlreadyExistsException e) {
				// a launch in the same second: try the next suffix
			}
		}
	}

	/**
	 * The launches under {@code output} ({@code <experiment>/<timestamp>/}) that recorded their end. A folder that
	 * cannot be listed goes to {@code unreadable} and is skipped.
	 */
	public static List<LaunchDirectory> recorded(Path output, Consumer<IOException> unreadable) {
		List<LaunchDirectory> found = new ArrayList<>();
		if (!Files.isDirectory(output)) {
			return found;
		}
		try (Stream<Path> experiments = Files.list(output)) {
			for (Path experiment : experiments.filter(Files::isDirectory).toList()) {
				try (Stream<Path> launches = Files.list(experiment)) {
					launches.map(LaunchDirectory::new).filter(LaunchDirectory::isRecorded).forEach(found::add);
				}
			}
		} catch (IOException e) {
			unreadable.accept(e);
		}
		return found;
	}

	/** The folder. */
	public Path path() {
		return path;
	}

	/** The file {@code name} of this launch (one of the constants). */
	public Path file(String name) {
		return path.resolve(name);
	}

	/** The folder of the run {@code runId}. */
	public RunDirectory run(String runId) {
		return new RunDirectory(path.resolve(runId));
	}

	/** Whether the launch recorded its end: its {@value #SUMMARY} exists. */
	public boolean isRecorded() {
		return Files.isRegularFile(file(SUMMARY));
	}

	// ---- written by the runner

	/** Writes {@value #EXPERIMENT}. */
	public void writeExperiment(Experiment experiment) throws IOException {
		AtomicFile.write(file(EXPERIMENT), EventWriter.toJson(experiment.json(), true) + "\n");
	}

	/**
	 * Writes the launch's end: {@value #SUMMARY_CSV}, {@value #AGGREGATE_CSV} and, last (it marks the launch as
	 * recorded), {@value #SUMMARY}.
	 *
	 * @return the summary table as CSV text
	 */
	public String writeSummaries(Experiment experiment, List<RunResult> results) throws IOException {
		String table = SummaryTable.csv(experiment, results);
		AtomicFile.write(file(SUMMARY_CSV), table);
		AtomicFile.write(file(AGGREGATE_CSV), SummaryTable.aggregateCsv(experiment, results));
		AtomicFile.write(file(SUMMARY), SummaryTable.json(experiment, results) + "\n");
		return table;
	}

	// ---- read back

	/** The experiment as run, parsed and validated from {@value #EXPERIMENT}. */
	public Experiment experiment() throws IOException, ExperimentException {
		return Experiment.load(file(EXPERIMENT));
	}

	/** The experiment as run ({@value #EXPERIMENT}) as JSON, or null if there is none. */
	public JsonObject experimentJson() throws IOException {
		Path file = file(EXPERIMENT);
		return Files.isRegularFile(file) ? RunDirectory.parseObject(file) : null;
	}

	/** The launch's {@value #SUMMARY}; a malformed one throws a {@link RuntimeException} of Gson. */
	public Summary summary() throws IOException {
		JsonObject summary = RunDirectory.parseObject(file(SUMMARY));
		String experiment = string(summary, "experiment", path.getParent().getFileName().toString());
		boolean complete = summary.has("complete") && summary.get("complete").getAsBoolean();
		List<RunEntry> runs = new ArrayList<>();
		if (summary.has("runs") && summary.get("runs").isJsonArray()) {
			for (JsonElement element : summary.getAsJsonArray("runs")) {
				JsonObject run = element.getAsJsonObject();
				Map<String, Double> metrics = new LinkedHashMap<>();
				if (run.has("metrics") && run.get("metrics").isJsonObject()) {
					for (var entry : run.getAsJsonObject("metrics").entrySet()) {
						if (entry.getValue().isJsonPrimitive() && entry.getValue().getAsJsonPrimitive().isNumber()) {
							metrics.put(entry.getKey(), entry.getValue().getAsDouble());
						}
					}
				}
				int seed = run.has("seed") && run.get("seed").isJsonPrimitive() ? run.get("seed").getAsInt() : 0;
				Map<String, JsonElement> point = new LinkedHashMap<>();
				if (run.get("point") instanceof JsonObject p) {
					p.entrySet().forEach(e -> point.put(e.getKey(), e.getValue()));
				}
				runs.add(new RunEntry(string(run, "run", ""), seed, point, string(run, "status", "UNKNOWN"),
						string(run, "message", ""), metrics));
			}
		}
		return new Summary(experiment, complete, List.copyOf(runs));
	}

	/**
	 * One row of {@value #AGGREGATE_CSV}: a sweep point (a variant and/or sweep values) with the mean and sample
	 * standard deviation over its successful runs (seeds) of each of the experiment's summary metrics.
	 *
	 * @param point     the point's columns ({@code variant}, then the sweep paths) to their values as written
	 * @param runs      the point's runs
	 * @param succeeded how many of them succeeded (the mean and std are over these)
	 * @param metrics   metric name to {mean, std}, in the file's column order; a metric without a value is left out
	 */
	public record AggregateRow(Map<String, String> point, int runs, int succeeded, Map<String, double[]> metrics) {
	}

	/** The rows of {@value #AGGREGATE_CSV} in file order; empty if the launch has none. */
	public List<AggregateRow> aggregate() throws IOException {
		Path file = file(AGGREGATE_CSV);
		List<AggregateRow> rows = new ArrayList<>();
		if (!Files.isRegularFile(file)) {
			return rows;
		}
		List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
		if (lines.isEmpty()) {
			return rows;
		}
		List<String> header = csvFields(lines.get(0));
		int runsColumn = header.indexOf("runs");
		if (runsColumn < 0) {
			throw new IOException(file + ": no column \"runs\" in " + lines.get(0));
		}
		for (String line : lines.subList(1, lines.size())) {
			List<String> fields = csvFields(line);
			Map<String, String> point = new LinkedHashMap<>();
			for (int i = 0; i < runsColumn && i < fields.size(); i++) {
				point.put(header.get(i), fields.get(i));
			}
			Map<String, double[]> metrics = new LinkedHashMap<>();
			for (int i = runsColumn + 2; i + 1 < header.size(); i += 2) {
				String name = header.get(i);
				if (name.endsWith(".mean") && i + 1 < fields.size() && !fields.get(i).isEmpty()) {
					metrics.put(name.substring(0, name.length() - ".mean".length()),
							new double[]{Double.parseDouble(fields.get(i)), Double.parseDouble(fields.get(i + 1))});
				}
			}
			rows.add(new AggregateRow(point, Integer.parseInt(fields.get(runsColumn)),
					Integer.parseInt(fields.get(runsColumn + 1)), metrics));
		}
		return rows;
	}

	/** The fields of one line as {@code Csv.field} writes them (quoted when needed, quotes doubled). */
	private static List<String> csvFields(String line) {
		List<String> out = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				} else if (c == '"') {
					quoted = false;
				} else {
					field.append(c);
				}
			} else if (c == '"') {
				quoted = true;
			} else if (c == ',') {
				out.add(field.toString());
				field.setLength(0);
			} else {
				field.append(c);
			}
		}
		out.add(field.toString());
		return out;
	}

	/**
	 * The value of a point column as {@value #SUMMARY_CSV} and {@value #AGGREGATE_CSV} write it: a JSON primitive's
	 * text, any other value as JSON.
	 */
	public static String pointValue(JsonElement value) {
		return value == null ? "" : value.isJsonPrimitive() ? value.getAsString() : value.toString();
	}

	private static String string(JsonObject object, String key, String fallback) {
		JsonElement value = object.get(key);
		return value != null && value.isJsonPrimitive() ? value.getAsString() : fallback;
	}

	@Override
	public String toString() {
		return path.toString();
	}
}
