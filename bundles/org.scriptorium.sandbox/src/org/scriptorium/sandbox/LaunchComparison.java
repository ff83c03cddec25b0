package org.scriptorium.sandbox;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import com.google.gson.JsonElement;

/**
 * Compares two launches of experiments: their configurations as flat fields (JSON paths such as
 * {@code strategy.p} or {@code losses[0].weight}) with the changed ones marked, and their final metrics with the
 * absolute and relative difference.
 */
public final class LaunchComparison {

	/**
	 * One configuration field.
	 *
	 * @param path    its JSON path
	 * @param a       its value in the first configuration (JSON text), or null if absent
	 * @param b       its value in the second, or null if absent
	 */
	public record Field(String path, String a, String b) {

		/** Whether the two values differ (including present in one only). */
		public boolean changed() {
			return !Objects.equals(a, b);
		}
	}

	/**
	 * One metric.
	 *
	 * @param name     its name
	 * @param a        its value in the first launch, NaN if absent
	 * @param b        its value in the second, NaN if absent
	 */
	public record Delta(String name, double a, double b) {

		/** {@code b - a}; NaN if either is missing. */
		public double absolute() {
			return b - a;
		}

		/** {@code (b - a) / |a|}; NaN if either is missing or {@code a} is 0. */
		public double relative() {
			return a == 0 ? Double.NaN : (b - a) / Math.abs(a);
		}
	}

	private LaunchComparison() {
	}

	/**
	 * The leaves of a JSON tree by their path: object members joined with {@code .}, array elements as {@code [i]};
	 * an empty object or array is a leaf ({@code {}}, {@code []}). Values are compact JSON text, numbers in plain
	 * notation without trailing zeros.
	 */
	public static Map<String, String> flatten(JsonElement root) {
		Map<String, String> out = new LinkedHashMap<>();
		flatten("", root, out);
		return out;
	}

	private static void flatten(String path, JsonElement e, Map<String, String> out) {
		if (e != null && e.isJsonObject() && !e.getAsJsonObject().isEmpty()) {
			for (var m : e.getAsJsonObject().entrySet()) {
				flatten(path.isEmpty() ? m.getKey() : path + "." + m.getKey(), m.getValue(), out);
			}
		} else if (e != null && e.isJsonArray() && !e.getAsJsonArray().isEmpty()) {
			for (int i = 0; i < e.getAsJsonArray().size(); i++) {
				flatten(path + "[" + i + "]", e.getAsJsonArray().get(i), out);
			}
		} else if (e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
			out.put(path, number(e.getAsString()));
		} else {
			out.put(path, e == null ? "null" : e.toString());
		}
	}

	/** A number as written, normalised so that {@code 2}, {@code 2.0} and {@code 2e0} are the same field value. */
	private static String number(String text) {
		try {
			return new BigDecimal(text).stripTrailingZeros().toPlainString();
		} catch (NumberFormatException e) {
			return text;
		}
	}

	/** Every field of either configuration, those of {@code a} first in their order, then those only in {@code b}. */
	public static List<Field> configuration(JsonElement a, JsonElement b) {
		Map<String, String> fa = flatten(a);
		Map<String, String> fb = flatten(b);
		List<Field> out = new ArrayList<>();
		fa.forEach((path, value) -> out.add(new Field(path, value, fb.get(path))));
		fb.forEach((path, value) -> {
			if (!fa.containsKey(path)) {
				out.add(new Field(path, null, value));
			}
		});
		return out;
	}

	/** Every metric of either launch, sorted by name. */
	public static List<Delta> metrics(Map<String, Double> a, Map<String, Double> b) {
		List<Delta> out = new ArrayList<>();
		for (String name : new TreeSet<>(union(a, b))) {
			out.add(new Delta(name, a.getOrDefault(name, Double.NaN), b.getOrDefault(name, Double.NaN)));
		}
		return out;
	}

	private static List<String> union(Map<String, Double> a, Map<String, Double> b) {
		List<String> names = new ArrayList<>(a.keySet());
		names.addAll(b.keySet());
		return names;
	}
}
