package org.scriptorium.sandbox.internal.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scriptorium.core.io.AtomicFile;
import org.scriptorium.sandbox.Experiment;
import org.scriptorium.sandbox.ExperimentException;
import org.scriptorium.sandbox.RunResult;
import org.scriptorium.sandbox.RunSpec;
import org.scriptorium.sandbox.RunStatus;
import org.scriptorium.sandbox.SweepResult;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

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
        if (Files.exists(launchDir.resolve("summary.json"))) {
            return null;
        }
        Experiment experiment;
        try {
            experiment = Experiment.load(launchDir.resolve("experiment.json"));
        } catch (ExperimentException e) {
            throw new IOException(launchDir.resolve("experiment.json") + ": " + e.getMessage(), e);
        }
        List<RunResult> results = new ArrayList<>();
        for (RunSpec spec : experiment.runs()) {
            results.add(recordRun(spec, launchDir.resolve(spec.runId()), status, kind, message));
        }
        String table = SummaryTable.csv(experiment, results);
        AtomicFile.write(launchDir.resolve("summary.csv"), table);
        AtomicFile.write(launchDir.resolve("aggregate.csv"), SummaryTable.aggregateCsv(experiment, results));
        AtomicFile.write(launchDir.resolve("summary.json"), SummaryTable.json(experiment, results) + "\n");
        return new SweepResult(experiment.name(), launchDir, results, table);
    }

    /** The run as recorded, or, if it is still marked RUNNING or never started, recorded now with {@code status}. */
    static RunResult recordRun(RunSpec spec, Path runDir, RunStatus status, String kind, String message)
            throws IOException {
        Path summary = runDir.resolve("summary.json");
        if (!Files.isDirectory(runDir)) {
            return ChildRun.notStarted(spec, runDir, status, kind, message + " (the run had not started)");
        }
        JsonObject recorded = Files.isRegularFile(summary) ? parse(summary) : null;
        if (recorded != null && recorded.has("status") && !"RUNNING".equals(recorded.get("status").getAsString())) {
            return read(spec, runDir, recorded);
        }
        Duration wall = Files.isRegularFile(summary)
                ? Duration.between(Files.getLastModifiedTime(summary).toInstant(), Instant.now())
                : Duration.ZERO;
        RunResult r = new RunResult(spec.runId(), spec.seed(), spec.point(), status, kind, message, null,
                lastMetrics(runDir.resolve("metrics.jsonl")), 0, 0, List.of(), tail(runDir.resolve("stderr.log")), runDir,
                wall, null);
        ChildRun.writeRecord(r);
        return r;
    }

    private static RunResult read(RunSpec spec, Path runDir, JsonObject o) {
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
        return new RunResult(spec.runId(), spec.seed(), spec.point(), status, string(o, "failureKind"),
                string(o, "message"), o.has("exitCode") && !o.get("exitCode").isJsonNull() ? o.get("exitCode").getAsInt() : null,
                metrics, o.has("events") ? o.get("events").getAsInt() : 0, 0, List.of(), err, runDir,
                Duration.ofMillis(o.has("wallTimeMs") ? o.get("wallTimeMs").getAsLong() : 0), null);
    }

    /** The last value of each metric in a {@code metrics.jsonl}; a truncated or malformed line is skipped. */
    static Map<String, Double> lastMetrics(Path metricsLog) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(metricsLog)) {
            return out;
        }
        for (String line : Files.readAllLines(metricsLog, StandardCharsets.UTF_8)) {
            try {
                JsonObject e = JsonParser.parseString(line).getAsJsonObject();
                out.put(e.get("name").getAsString(), number(e.get("value")));
            } catch (RuntimeException malformed) {
                // the last line of a killed run may be cut
            }
        }
        return out;
    }

    private static List<String> tail(Path log) throws IOException {
        if (!Files.isRegularFile(log)) {
            return List.of();
        }
        List<String> lines = List.of(new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\\R"));
        return List.copyOf(lines.subList(Math.max(0, lines.size() - TAIL), lines.size()));
    }

    private static double number(JsonElement v) {
        return v == null || v.isJsonNull() ? Double.NaN : v.getAsDouble();
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    private static JsonObject parse(Path file) throws IOException {
        try {
            return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (RuntimeException e) {
            return null; // cut by a kill: treated as still running
        }
    }
}
