package org.scriptorium.sandbox.internal.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.scriptorium.sandbox.Problem;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Reads typed values out of a JSON tree and records a {@link Problem} (with path and position) for
 * every violation, returning a default so that checking continues and ALL problems are reported.
 */
final class Checker {

	private final String source;
	private final Map<String, PositionedJson.Pos> positions;
	private final List<Problem> problems = new ArrayList<>();

	Checker(String source, Map<String, PositionedJson.Pos> positions) {
		this.source = source;
		this.positions = positions;
	}

	List<Problem> problems() {
		return problems;
	}

	void error(String path, String message) {
		PositionedJson.Pos p = position(path);
		problems.add(new Problem(source, path, message, p == null ? 0 : p.line(), p == null ? 0 : p.column()));
	}

	private PositionedJson.Pos position(String path) {
		String p = path;
		while (true) {
			PositionedJson.Pos pos = positions.get(p);
			if (pos != null || p.isEmpty()) {
				return pos;
			}
			int dot = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
			p = dot < 0 ? "" : p.substring(0, dot);
		}
	}

	static String child(String path, String key) {
		return path.isEmpty() ? key : path + "." + key;
	}

	/** Reports keys of {@code o} that are not in {@code allowed}. */
	void onlyKeys(JsonObject o, String path, Set<String> allowed) {
		for (String k : o.keySet()) {
			if (!allowed.contains(k)) {
				error(child(path, k), child(path, k) + " is not a known field" + hint(k, allowed));
			}
		}
	}

	private static String hint(String k, Set<String> allowed) {
		String best = null;
		int bestD = Integer.MAX_VALUE;
		for (String a : allowed) {
			int d = distance(k.toLowerCase(Locale.ROOT), a.toLowerCase(Locale.ROOT));
			if (d < bestD) {
				bestD = d;
				best = a;
			}
		}
		String known = String.join(", ", new TreeSet<>(allowed));
		return (best != null && bestD <= 2 ? " (did you mean \"" + best + "\"?)" : "") + "; known: " + known;
	}

	private static int distance(String a, String b) {
		int[] prev = new int[b.length() + 1];
		int[] cur = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			prev[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			cur[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
			}
			int[] t = prev;
			prev = cur;
			cur = t;
		}
		return prev[b.length()];
	}

	JsonObject object(JsonObject parent, String path, String key, boolean required) {
		String p = child(path, key);
		JsonElement e = parent.get(key);
		if (e == null || e.isJsonNull()) {
			if (required) {
				error(path, p + " is required");
			}
			return new JsonObject();
		}
		if (!e.isJsonObject()) {
			error(p, p + " must be an object, got " + describe(e));
			return new JsonObject();
		}
		return e.getAsJsonObject();
	}

	String string(JsonObject o, String path, String key, String def, boolean required) {
		String p = child(path, key);
		JsonElement e = o.get(key);
		if (e == null) {
			if (required) {
				error(path, p + " is required");
			}
			return def;
		}
		if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
			error(p, p + " must be a string, got " + describe(e));
			return def;
		}
		return e.getAsString();
	}

	String choice(JsonObject o, String path, String key, String def, boolean required, Set<String> values) {
		String v = string(o, path, key, def, required);
		if (v != null && !values.contains(v)) {
			String p = child(path, key);
			error(p, p + " must be one of " + String.join(", ", new TreeSet<>(values)) + ", got \"" + v + "\"");
			return def;
		}
		return v;
	}

	boolean bool(JsonObject o, String path, String key, boolean def) {
		String p = child(path, key);
		JsonElement e = o.get(key);
		if (e == null) {
			return def;
		}
		if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
			error(p, p + " must be true or false, got " + describe(e));
			return def;
		}
		return e.getAsBoolean();
	}

	/** A number; the strings "Infinity"/"inf" are accepted when {@code allowInfinity}. */
	double number(JsonObject o, String path, String key, double def, Range range, boolean allowInfinity) {
		String p = child(path, key);
		JsonElement e = o.get(key);
		if (e == null) {
			return def;
		}
		double v;
		if (allowInfinity && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()
				&& Set.of("Infinity", "inf", "infinity").contains(e.getAsString())) {
			v = Double.POSITIVE_INFINITY;
		} else if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
			error(p, p + " must be a number" + (allowInfinity ? " or \"Infinity\"" : "") + ", got " + describe(e));
			return def;
		} else {
			v = e.getAsBigDecimal().doubleValue();
		}
		String bad = range.violation(v);
		if (bad != null) {
			error(p, p + " must be " + bad + ", got " + format(e));
			return def;
		}
		return v;
	}

	int integer(JsonObject o, String path, String key, int def, Range range) {
		String p = child(path, key);
		JsonElement e = o.get(key);
		if (e == null) {
			return def;
		}
		Integer v = asInt(e);
		if (v == null) {
			error(p, p + " must be an integer, got " + describe(e));
			return def;
		}
		String bad = range.violation(v);
		if (bad != null) {
			error(p, p + " must be " + bad + ", got " + v);
			return def;
		}
		return v;
	}

	double[] numberArray(JsonObject o, String path, String key, double[] def, Range range) {
		String p = child(path, key);
		JsonElement e = o.get(key);
		if (e == null) {
			return def;
		}
		if (!e.isJsonArray()) {
			error(p, p + " must be an array of numbers, got " + describe(e));
			return def;
		}
		JsonArray a = e.getAsJsonArray();
		double[] out = new double[a.size()];
		for (int i = 0; i < a.size(); i++) {
			String pi = p + "[" + i + "]";
			JsonElement x = a.get(i);
			if (!x.isJsonPrimitive() || !x.getAsJsonPrimitive().isNumber()) {
				error(pi, pi + " must be a number, got " + describe(x));
				continue;
			}
			out[i] = x.getAsBigDecimal().doubleValue();
			String bad = range.violation(out[i]);
			if (bad != null) {
				error(pi, pi + " must be " + bad + ", got " + format(x));
			}
		}
		return out;
	}

	static Integer asInt(JsonElement e) {
		if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
			return null;
		}
		BigDecimal d = e.getAsBigDecimal();
		try {
			return d.stripTrailingZeros().scale() <= 0 ? d.intValueExact() : null;
		} catch (ArithmeticException ex) {
			return null;
		}
	}

	static Long asLong(JsonElement e) {
		if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
			return null;
		}
		BigDecimal d = e.getAsBigDecimal();
		try {
			return d.stripTrailingZeros().scale() <= 0 ? d.longValueExact() : null;
		} catch (ArithmeticException ex) {
			return null;
		}
	}

	static String describe(JsonElement e) {
		if (e == null || e.isJsonNull()) {
			return "null";
		}
		if (e.isJsonObject()) {
			return "an object";
		}
		if (e.isJsonArray()) {
			return "an array";
		}
		JsonPrimitive p = e.getAsJsonPrimitive();
		if (p.isString()) {
			return "\"" + p.getAsString() + "\"";
		}
		return p.toString();
	}

	private static String format(JsonElement e) {
		if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
			return e.getAsBigDecimal().toPlainString();
		}
		return describe(e);
	}

	/** A numeric interval with open or closed ends. */
	record Range(double min, boolean minOpen, double max, boolean maxOpen) {

		static Range atLeast(double min) {
			return new Range(min, false, Double.POSITIVE_INFINITY, false);
		}

		static Range above(double min) {
			return new Range(min, true, Double.POSITIVE_INFINITY, false);
		}

		static Range closed(double min, double max) {
			return new Range(min, false, max, false);
		}

		static Range halfOpen(double min, double max) {
			return new Range(min, true, max, false);
		}

		static Range open(double min, double max) {
			return new Range(min, true, max, true);
		}

		String violation(double v) {
			boolean lowOk = minOpen ? v > min : v >= min;
			boolean highOk = maxOpen ? v < max : v <= max;
			if (lowOk && highOk && !Double.isNaN(v)) {
				return null;
			}
			if (Double.isInfinite(max)) {
				return (minOpen ? "> " : ">= ") + fmt(min);
			}
			return "in " + (minOpen ? "(" : "[") + fmt(min) + ", " + fmt(max) + (maxOpen ? ")" : "]");
		}

		private static String fmt(double d) {
			return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
		}
	}
}
