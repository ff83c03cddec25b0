package org.scriptorium.sandbox.internal.runner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.scriptorium.core.io.Csv;
import org.scriptorium.sandbox.Experiment;
import org.scriptorium.sandbox.RunResult;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** The per-run summary table of a sweep (CSV and JSON) and its per-point aggregate over seeds. */
public final class SummaryTable {

	private SummaryTable() {
	}

	public static List<String> header(Experiment e) {
		List<String> h = new ArrayList<>();
		h.add("run");
		h.add("seed");
		h.addAll(e.pointColumns());
		h.add("status");
		h.add("wallTimeS");
		h.addAll(e.summaryMetrics());
		return h;
	}

	public static List<List<String>> rows(Experiment e, List<RunResult> results) {
		List<List<String>> rows = new ArrayList<>();
		for (RunResult r : results) {
			List<String> row = new ArrayList<>();
			row.add(r.runId());
			row.add(Long.toString(r.seed()));
			for (String k : e.pointColumns()) {
				JsonElement v = r.point().get(k);
				row.add(v == null ? "" : v.isJsonPrimitive() ? v.getAsString() : v.toString());
			}
			row.add(r.status().name() + (r.failureKind() == null ? "" : "(" + r.failureKind() + ")"));
			row.add(String.format(Locale.ROOT, "%.2f", r.wallTime().toMillis() / 1000.0));
			for (String m : e.summaryMetrics()) {
				Double v = r.metrics().get(m);
				row.add(v == null ? "" : String.format(Locale.ROOT, "%.4f", v));
			}
			rows.add(row);
		}
		return rows;
	}

	public static String csv(Experiment e, List<RunResult> results) {
		StringBuilder sb = new StringBuilder(String.join(",", header(e))).append('\n');
		for (List<String> row : rows(e, results)) {
			sb.append(Csv.row(row)).append('\n');
		}
		return sb.toString();
	}

	/** Mean and sample std over seeds of each summary metric, per sweep point (successful runs only). */
	public static String aggregateCsv(Experiment e, List<RunResult> results) {
		Map<String, List<RunResult>> byPoint = new LinkedHashMap<>();
		for (RunResult r : results) {
			byPoint.computeIfAbsent(r.point().toString(), k -> new ArrayList<>()).add(r);
		}
		StringBuilder sb = new StringBuilder();
		List<String> h = new ArrayList<>(e.pointColumns());
		h.add("runs");
		h.add("succeeded");
		for (String m : e.summaryMetrics()) {
			h.add(m + ".mean");
			h.add(m + ".std");
		}
		sb.append(String.join(",", h)).append('\n');
		for (List<RunResult> group : byPoint.values()) {
			List<String> row = new ArrayList<>();
			for (String k : e.pointColumns()) {
				JsonElement v = group.get(0).point().get(k);
				row.add(Csv.field(v == null ? "" : v.isJsonPrimitive() ? v.getAsString() : v.toString()));
			}
			List<RunResult> ok = group.stream().filter(RunResult::succeeded).toList();
			row.add(Integer.toString(group.size()));
			row.add(Integer.toString(ok.size()));
			for (String m : e.summaryMetrics()) {
				double[] v = ok.stream().map(r -> r.metrics().get(m)).filter(x -> x != null && !x.isNaN())
						.mapToDouble(Double::doubleValue).toArray();
				double mean = 0;
				for (double x : v) {
					mean += x;
				}
				mean = v.length == 0 ? Double.NaN : mean / v.length;
				double var = 0;
				for (double x : v) {
					var += (x - mean) * (x - mean);
				}
				double std = v.length > 1 ? Math.sqrt(var / (v.length - 1)) : 0;
				row.add(v.length == 0 ? "" : String.format(Locale.ROOT, "%.4f", mean));
				row.add(v.length == 0 ? "" : String.format(Locale.ROOT, "%.4f", std));
			}
			sb.append(String.join(",", row)).append('\n');
		}
		return sb.toString();
	}

	public static String json(Experiment e, List<RunResult> results) {
		JsonObject o = new JsonObject();
		o.addProperty("experiment", e.name());
		o.addProperty("complete", results.stream().allMatch(RunResult::succeeded));
		JsonArray runs = new JsonArray();
		for (RunResult r : results) {
			JsonObject x = new JsonObject();
			x.addProperty("run", r.runId());
			x.addProperty("seed", r.seed());
			JsonObject p = new JsonObject();
			r.point().forEach(p::add);
			x.add("point", p);
			x.addProperty("status", r.status().name());
			x.addProperty("failureKind", r.failureKind());
			x.addProperty("message", r.message());
			x.addProperty("directory", r.runDirectory() == null ? null : r.runDirectory().getFileName().toString());
			JsonObject m = new JsonObject();
			r.metrics().forEach((k, v) -> EventWriter.putNumber(m, k, v));
			x.add("metrics", m);
			runs.add(x);
		}
		o.add("runs", runs);
		return EventWriter.toJson(o, true);
	}
}
