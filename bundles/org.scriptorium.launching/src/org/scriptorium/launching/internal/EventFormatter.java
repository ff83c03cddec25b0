package org.scriptorium.launching.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Turns the sandbox CLI's JSON-lines events ({@code docs/sandbox-protocol.md}, each with its {@code run}) into
 * readable Console lines: progress every 10 %, metrics, log messages, results and errors. Not thread-safe: one per
 * output stream.
 */
public final class EventFormatter {

	private final Map<String, Integer> lastDecile = new HashMap<>();

	/** The readable line(s) for an event, each ending with a newline, or an empty string to show nothing. */
	public String format(JsonObject event) {
		String type = string(event, "event"); //$NON-NLS-1$
		String run = event.has("run") ? "[" + string(event, "run") + "] " : ""; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
		switch (type) {
			case "started" : //$NON-NLS-1$
				return run + "started (seed " + string(event, "seed") + ", pid " + string(event, "pid") + ")\n"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
			case "progress" : { //$NON-NLS-1$
				long step = number(event, "step"); //$NON-NLS-1$
				long total = Math.max(1, number(event, "total")); //$NON-NLS-1$
				int decile = (int) Math.min(10, 10 * step / total);
				Integer previous = lastDecile.put(run, decile);
				if (previous != null && decile <= previous) {
					return ""; //$NON-NLS-1$
				}
				return run + (decile * 10) + "% (step " + step + "/" + total + ")\n"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			}
			case "metric" : //$NON-NLS-1$
				return run + "step " + string(event, "step") + "  " + string(event, "name") + " = " //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$//$NON-NLS-5$
						+ value(event.get("value")) //$NON-NLS-1$
						+ "\n"; //$NON-NLS-1$
			case "log" : //$NON-NLS-1$
				return run + string(event, "level") + ": " + string(event, "message") + "\n"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			case "artifact" : //$NON-NLS-1$
				return run + "artifact " + string(event, "name") + "\n"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			case "result" : //$NON-NLS-1$
				return run + "result: " + metrics(event.get("metrics")) + "\n"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			case "error" : //$NON-NLS-1$
				return run + "error (" + string(event, "kind") + "): " + string(event, "message") + "\n"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
			case "launch" : //$NON-NLS-1$
				return "launch: " + (event.get("runs") instanceof com.google.gson.JsonArray runs ? runs.size() : 0) //$NON-NLS-1$ //$NON-NLS-2$
						+ " run(s), results in " + string(event, "directory") + "\n"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			case "summary" : //$NON-NLS-1$
				return summary(event);
			default :
				return run + event + "\n"; //$NON-NLS-1$
		}
	}

	private static String summary(JsonObject event) {
		StringBuilder b = new StringBuilder();
		if (event.has("runs") && event.get("runs").isJsonArray()) { //$NON-NLS-1$ //$NON-NLS-2$
			for (JsonElement e : event.getAsJsonArray("runs")) { //$NON-NLS-1$
				if (e.isJsonObject()) {
					JsonObject r = e.getAsJsonObject();
					b.append('[').append(string(r, "run")).append("] ").append(string(r, "status")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					if (r.has("metrics")) { //$NON-NLS-1$
						b.append(": ").append(metrics(r.get("metrics"))); //$NON-NLS-1$ //$NON-NLS-2$
					}
					String message = string(r, "message"); //$NON-NLS-1$
					if (!message.isEmpty() && !"SUCCEEDED".equals(string(r, "status"))) { //$NON-NLS-1$ //$NON-NLS-2$
						b.append(" (").append(message).append(')'); //$NON-NLS-1$
					}
					b.append('\n');
				}
			}
		}
		b.append("results: ").append(string(event, "directory")).append('\n'); //$NON-NLS-1$ //$NON-NLS-2$
		return b.toString();
	}

	private static String metrics(JsonElement metrics) {
		if (metrics == null || !metrics.isJsonObject()) {
			return ""; //$NON-NLS-1$
		}
		StringJoiner j = new StringJoiner(", "); //$NON-NLS-1$
		for (var e : metrics.getAsJsonObject().entrySet()) {
			j.add(e.getKey() + " = " + value(e.getValue())); //$NON-NLS-1$
		}
		return j.toString();
	}

	private static String value(JsonElement v) {
		if (v == null || v.isJsonNull()) {
			return "NaN"; //$NON-NLS-1$
		}
		if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber()) {
			double d = v.getAsDouble();
			return d == Math.rint(d) && Math.abs(d) < 1e15
					? Long.toString((long) d)
					: String.format(Locale.ROOT, "%.4g", d); //$NON-NLS-1$
		}
		return v.isJsonPrimitive() ? v.getAsString() : v.toString();
	}

	private static String string(JsonObject o, String key) {
		JsonElement e = o.get(key);
		return e == null || e.isJsonNull() ? "" : e.isJsonPrimitive() ? e.getAsString() : e.toString(); //$NON-NLS-1$
	}

	private static long number(JsonObject o, String key) {
		JsonElement e = o.get(key);
		try {
			return e == null || e.isJsonNull() ? 0 : e.getAsLong();
		} catch (RuntimeException ex) {
			return 0;
		}
	}
}
