package org.scriptorium.sandbox;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.scriptorium.core.io.AtomicFile;
import org.scriptorium.sandbox.internal.runner.EventWriter;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The folder of one run ({@code <launch>/<runId>/}, see {@link LaunchDirectory}) and its files: the one place that
 * names them and knows their formats, used by the runner that writes them and by everything that reads them (the
 * recording of interrupted launches, the Experiment Results view). The layout is documented in
 * docs/experiment-format.md ("Output directory"). JSON files and artifacts are replaced atomically; the two logs are
 * appended as the run goes.
 */
public final class RunDirectory {

	/** The resolved configuration given to the child. */
	public static final String CONFIG = "config.json";
	/** The parent JVM, the OS, the cores and the exact child command line. */
	public static final String ENVIRONMENT = "env.json";
	/** Status, {@code complete}, failure kind, message, exit code, final metrics, last output lines. */
	public static final String SUMMARY = "summary.json";
	/** Every metric event, one JSON line each, appended as it arrives. */
	public static final String METRICS_LOG = "metrics.jsonl";
	/** The final metrics as {@code metric,value} lines. */
	public static final String METRICS_CSV = "metrics.csv";
	/** The child's standard error. */
	public static final String STDERR_LOG = "stderr.log";
	/** The artifact of a training run with its domain x expert routing frequencies (header row and column). */
	public static final String DOMAIN_EXPERT_FREQUENCY = "domain_expert_frequency.csv";

	private static final Set<String> RESERVED = Set.of(CONFIG, ENVIRONMENT, SUMMARY, METRICS_LOG, METRICS_CSV,
			STDERR_LOG);
	private static final Pattern ARTIFACT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}");

	private final Path path;

	public RunDirectory(Path path) {
		this.path = path;
	}

	/** The folder. */
	public Path path() {
		return path;
	}

	/** The file {@code name} of this run (one of the constants, or an artifact). */
	public Path file(String name) {
		return path.resolve(name);
	}

	/** Whether a child may store an artifact under {@code name}: a plain file name that no run file uses. */
	public static boolean isArtifactName(String name) {
		return ARTIFACT_NAME.matcher(name).matches() && !RESERVED.contains(name);
	}

	// ---- written by the runner

	/** Writes {@value #CONFIG}. */
	public void writeConfig(JsonObject config) throws IOException {
		AtomicFile.write(file(CONFIG), EventWriter.toJson(config, true) + "\n");
	}

	/** Writes {@value #ENVIRONMENT}. */
	public void writeEnvironment(JsonObject environment) throws IOException {
		AtomicFile.write(file(ENVIRONMENT), EventWriter.toJson(environment, true) + "\n");
	}

	/** Writes the {@value #SUMMARY} of a run that starts: RUNNING, not complete, until {@link #writeRecord} replaces it. */
	public void writeRunningSummary(RunSpec spec) throws IOException {
		JsonObject o = new JsonObject();
		o.addProperty("runId", spec.runId());
		o.addProperty("seed", spec.seed());
		o.addProperty("status", "RUNNING");
		o.addProperty("complete", false);
		o.addProperty("note",
				"written at launch; replaced when the run ends. If it still says RUNNING, the run was interrupted.");
		AtomicFile.write(file(SUMMARY), EventWriter.toJson(o, true) + "\n");
	}

	/** Writes the run's final {@value #SUMMARY}, creating the folder if needed. */
	public void writeSummary(RunResult r) throws IOException {
		JsonObject o = new JsonObject();
		o.addProperty("runId", r.runId());
		o.addProperty("seed", r.seed());
		JsonObject point = new JsonObject();
		r.point().forEach(point::add);
		o.add("point", point);
		o.addProperty("status", r.status().name());
		o.addProperty("complete", r.status() == RunStatus.SUCCEEDED);
		o.addProperty("failureKind", r.failureKind());
		o.addProperty("message", r.message());
		o.addProperty("exitCode", r.exitCode());
		o.addProperty("wallTimeMs", r.wallTime().toMillis());
		o.addProperty("firstEventMs", r.firstEvent() == null ? null : r.firstEvent().toMillis());
		o.addProperty("events", r.events());
		o.addProperty("garbageLines", r.garbageLines());
		JsonObject m = new JsonObject();
		r.metrics().forEach((k, v) -> EventWriter.putNumber(m, k, v));
		o.add("metrics", m);
		JsonArray err = new JsonArray();
		r.stderrTail().forEach(err::add);
		o.add("stderrTail", err);
		JsonArray out = new JsonArray();
		List<String> so = r.stdoutTail();
		so.subList(Math.max(0, so.size() - 20), so.size()).forEach(out::add);
		o.add("stdoutTail", out);
		Files.createDirectories(path);
		AtomicFile.write(file(SUMMARY), EventWriter.toJson(o, true) + "\n");
	}

	/** Writes the run's end: its final {@value #SUMMARY} and {@value #METRICS_CSV}. */
	public void writeRecord(RunResult r) throws IOException {
		writeSummary(r);
		StringBuilder csv = new StringBuilder("metric,value\n");
		r.metrics().forEach(
				(k, v) -> csv.append(k).append(',').append(String.format(Locale.ROOT, "%.10g", v)).append('\n'));
		AtomicFile.write(file(METRICS_CSV), csv.toString());
	}

	/** Writes the artifact {@code name} (which must pass {@link #isArtifactName}). */
	public void writeArtifact(String name, String content) throws IOException {
		if (!isArtifactName(name)) {
			throw new IllegalArgumentException("not an artifact name: " + name);
		}
		AtomicFile.write(file(name), content);
	}

	/** Opens {@value #STDERR_LOG} for writing (replacing an earlier one). */
	public BufferedWriter openStderrLog() throws IOException {
		return Files.newBufferedWriter(file(STDERR_LOG), StandardCharsets.UTF_8);
	}

	/** Opens {@value #METRICS_LOG} for appending metric events, one JSON line each. */
	public BufferedWriter openMetricsLog() throws IOException {
		return Files.newBufferedWriter(file(METRICS_LOG), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
				StandardOpenOption.APPEND);
	}

	// ---- read back

	/**
	 * The run as its {@value #SUMMARY} records its end, for {@code spec}; null if there is no summary, if it was cut (a
	 * killed writer) or if it still says RUNNING.
	 */
	public RunResult recorded(RunSpec spec) throws IOException {
		Path summary = file(SUMMARY);
		if (!Files.isRegularFile(summary)) {
			return null;
		}
		JsonObject o;
		try {
			o = JsonParser.parseString(Files.readString(summary, StandardCharsets.UTF_8)).getAsJsonObject();
		} catch (RuntimeException cut) {
			return null; // cut by a kill: treated as still running
		}
		if (!o.has("status") || "RUNNING".equals(o.get("status").getAsString())) {
			return null;
		}
		RunStatus status;
		try {
			status = RunStatus.valueOf(o.get("status").getAsString());
		} catch (IllegalArgumentException e) {
			status = RunStatus.FAILED;
		}
		Map<String, Double> metrics = new LinkedHashMap<>();
		if (o.get("metrics") instanceof JsonObject m) {
			m.entrySet().forEach(e -> metrics.put(e.getKey(), number(e.getValue())));
		}
		List<String> err = new ArrayList<>();
		if (o.has("stderrTail") && o.get("stderrTail").isJsonArray()) {
			o.getAsJsonArray("stderrTail").forEach(l -> err.add(l.getAsString()));
		}
		return new RunResult(spec.runId(), spec.seed(), spec.point(), status, nullableString(o, "failureKind"),
				nullableString(o, "message"),
				o.has("exitCode") && !o.get("exitCode").isJsonNull() ? o.get("exitCode").getAsInt() : null, metrics,
				o.has("events") ? o.get("events").getAsInt() : 0, 0, List.of(), err, path,
				Duration.ofMillis(o.has("wallTimeMs") ? o.get("wallTimeMs").getAsLong() : 0), null);
	}

	/** The resolved configuration ({@value #CONFIG}), or null if there is none. */
	public JsonObject config() throws IOException {
		Path file = file(CONFIG);
		return Files.isRegularFile(file) ? parseObject(file) : null;
	}

	/** The last value of each metric in {@value #METRICS_LOG} (NaN for null); a cut or malformed line is skipped. */
	public Map<String, Double> lastMetrics() throws IOException {
		Map<String, Double> out = new LinkedHashMap<>();
		Path log = file(METRICS_LOG);
		if (!Files.isRegularFile(log)) {
			return out;
		}
		for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
			try {
				JsonObject e = JsonParser.parseString(line).getAsJsonObject();
				out.put(e.get("name").getAsString(), number(e.get("value")));
			} catch (RuntimeException malformed) {
				// the last line of a killed run may be cut
			}
		}
		return out;
	}

	/**
	 * The curve of {@code metric} over the training steps, from {@value #METRICS_LOG}: pairs (step, value) in file
	 * order; empty if there is none. A cut or malformed line is skipped.
	 */
	public List<double[]> curve(String metric) throws IOException {
		List<double[]> points = new ArrayList<>();
		Path log = file(METRICS_LOG);
		if (!Files.isRegularFile(log)) {
			return points;
		}
		try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
			lines.filter(l -> l.contains(metric)).forEach(line -> {
				try {
					JsonObject event = JsonParser.parseString(line).getAsJsonObject();
					JsonElement name = event.get("name");
					if (name != null && name.isJsonPrimitive() && metric.equals(name.getAsString()) && event.has("step")
							&& event.has("value")) {
						points.add(new double[]{event.get("step").getAsDouble(), event.get("value").getAsDouble()});
					}
				} catch (RuntimeException malformed) {
					// a truncated last line of a killed run: skip it
				}
			});
		}
		return points;
	}

	/** The lines of {@value #STDERR_LOG} (bytes that are not UTF-8 replaced); empty if there is none. */
	public List<String> stderrLines() throws IOException {
		Path log = file(STDERR_LOG);
		if (!Files.isRegularFile(log)) {
			return List.of();
		}
		return List.of(new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\\R"));
	}

	/**
	 * The routing frequencies of the artifact {@value #DOMAIN_EXPERT_FREQUENCY} (rows: domains, columns: experts),
	 * or null if there is none or it has no data row.
	 *
	 * @throws NumberFormatException if a cell is not a number
	 */
	public double[][] domainExpertFrequency() throws IOException {
		Path file = file(DOMAIN_EXPERT_FREQUENCY);
		if (!Files.isRegularFile(file)) {
			return null;
		}
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
				.toList();
		if (lines.size() < 2) {
			return null;
		}
		double[][] matrix = new double[lines.size() - 1][];
		for (int i = 1; i < lines.size(); i++) {
			String[] cells = lines.get(i).split(",");
			matrix[i - 1] = new double[cells.length - 1];
			for (int j = 1; j < cells.length; j++) {
				matrix[i - 1][j - 1] = Double.parseDouble(cells[j]);
			}
		}
		return matrix;
	}

	/** A JSON object file; a malformed one throws a {@link RuntimeException} of Gson. */
	static JsonObject parseObject(Path file) throws IOException {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return JsonParser.parseReader(reader).getAsJsonObject();
		}
	}

	private static double number(JsonElement v) {
		return v == null || v.isJsonNull() ? Double.NaN : v.getAsDouble();
	}

	private static String nullableString(JsonObject o, String key) {
		JsonElement e = o.get(key);
		return e == null || e.isJsonNull() ? null : e.getAsString();
	}

	@Override
	public String toString() {
		return path.toString();
	}
}
