package org.scriptorium.sandbox.internal.config;

import java.math.BigInteger;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.scriptorium.sandbox.ExperimentException;
import org.scriptorium.sandbox.Problem;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/** Validation of whole experiment files (metadata, seeds, sweep grid, every sweep point). */
public final class Experiments {

	/** Most runs (variants x sweep points x seeds) an experiment may have. */
	public static final int MAX_RUNS = 10_000;

	private static final Set<String> NOT_SWEEPABLE = Set.of("name", "sweep", "seeds", "external", "$schema",
			"variants");
	public static final List<String> DEFAULT_METRICS = List.of("test.accuracy", "test.loss", "test.avgK", "test.loadCv",
			"test.dropRate", "test.nmi");

	private Experiments() {
	}

	public static void validate(String source, JsonObject root, Map<String, PositionedJson.Pos> positions)
			throws ExperimentException {
		Checker c = new Checker(source, positions);
		nonFinite(root, "", c);
		if (!c.problems().isEmpty()) {
			throw new ExperimentException(c.problems());
		}
		ConfigBinder.checkMeta(root, c);
		checkSeeds(root, c);
		int before = c.problems().size();
		Map<String, List<JsonElement>> sweep = checkSweep(root, c);
		checkVariants(root, c);
		if (c.problems().size() == before) {
			checkSize(root, sweep, c);
		}
		boolean trains = !root.has("external") || root.has("task")
				|| org.scriptorium.sandbox.internal.runner.ExternalRuns.inputs(root).contains("synth-domains");
		if (c.problems().size() == before && trains) {
			checkPoints(source, root, positions, sweep, c);
		}
		if (!c.problems().isEmpty()) {
			Map<String, Problem> distinct = new LinkedHashMap<>();
			for (Problem p : c.problems()) {
				distinct.putIfAbsent(p.toString(), p);
			}
			throw new ExperimentException(new ArrayList<>(distinct.values()));
		}
	}

	/** A sweep point as a user reads it: {@code variant=thor-a5, strategy.k=2}; "" for no point. */
	private static String label(Map<String, JsonElement> point) {
		StringBuilder label = new StringBuilder();
		point.forEach((k, v) -> label.append(label.length() == 0 ? "" : ", ").append(k).append('=') //$NON-NLS-1$ //$NON-NLS-2$
				.append(v.isJsonPrimitive() ? v.getAsString() : v.toString()));
		return label.toString();
	}

	/**
	 * Variants × sweep points × seeds, counted exactly (no overflow) from the sizes alone, before anything is
	 * expanded: more than {@value #MAX_RUNS} runs is one error naming each factor.
	 */
	private static void checkSize(JsonObject root, Map<String, List<JsonElement>> sweep, Checker c) {
		BigInteger points = BigInteger.ONE;
		for (List<JsonElement> values : sweep.values()) {
			points = points.multiply(BigInteger.valueOf(values.size()));
		}
		int variants = root.has("variants") ? root.getAsJsonArray("variants").size() : 1;
		int seeds = root.has("seeds") ? root.getAsJsonArray("seeds").size() : 1;
		BigInteger runs = points.multiply(BigInteger.valueOf(variants)).multiply(BigInteger.valueOf(seeds));
		if (runs.compareTo(BigInteger.valueOf(MAX_RUNS)) > 0) {
			String where = root.has("sweep") ? "sweep" : root.has("variants") ? "variants" : "seeds";
			c.error(where, String.format(Locale.ROOT,
					"the experiment has %,d variant(s) x %,d sweep point(s) x %,d seed(s) = %,d runs, more than the "
							+ "limit of %,d runs: sweep fewer values or seeds, or split it into several files",
					variants, points, seeds, runs, MAX_RUNS));
		}
	}

	/**
	 * Binds every point (variant and sweep values applied) to find the values that make an invalid run. Each point
	 * costs the size of the configuration, not of the sweep: the tree is copied without its sweep, variants and
	 * seeds, and the positions of a point's values are looked up, not copied.
	 */
	private static void checkPoints(String source, JsonObject root, Map<String, PositionedJson.Pos> positions,
			Map<String, List<JsonElement>> sweep, Checker c) {
		JsonObject base = bare(root);
		Map<String, Map<String, JsonElement>> variants = variants(root);
		List<String> variantNames = new ArrayList<>(variants.keySet());
		List<Map<String, PositionedJson.Pos>> variantPositions = new ArrayList<>();
		for (int vi = 0; vi < variantNames.size(); vi++) {
			Map<String, PositionedJson.Pos> vp = new HashMap<>();
			for (String key : variants.get(variantNames.get(vi)).keySet()) {
				String prefix = "variants[" + vi + "].set." + key;
				for (var pe : positions.entrySet()) {
					if (pe.getKey().startsWith(prefix)) {
						vp.put(key + pe.getKey().substring(prefix.length()), pe.getValue());
					}
				}
			}
			variantPositions.add(vp);
		}
		List<String> keys = new ArrayList<>(sweep.keySet());
		int[] index = new int[keys.size()];
		int variantCount = Math.max(1, variantNames.size());
		Map<Problem, List<String>> pointsOf = new LinkedHashMap<>();
		for (int vi = 0; vi < variantCount && pointsOf.size() <= 50; vi++) {
			Arrays.fill(index, 0);
			do {
				JsonObject r = base.deepCopy();
				Map<String, PositionedJson.Pos> overlay = new HashMap<>();
				List<String> shadowed = new ArrayList<>();
				Map<String, JsonElement> point = new LinkedHashMap<>();
				if (!variantNames.isEmpty()) {
					String vn = variantNames.get(vi);
					point.put(VARIANT, new JsonPrimitive(vn));
					for (var set : variants.get(vn).entrySet()) {
						JsonPaths.set(r, set.getKey(), set.getValue());
						shadowed.add(set.getKey());
					}
					overlay.putAll(variantPositions.get(vi));
				}
				for (int k = 0; k < keys.size(); k++) {
					String key = keys.get(k);
					JsonElement v = sweep.get(key).get(index[k]);
					point.put(key, v);
					JsonPaths.set(r, key, v);
					shadowed.add(key);
					overlay.put(key, positions.get("sweep." + key + "[" + index[k] + "]"));
				}
				Checker pc = new Checker(source, new Overlay(positions, overlay, shadowed));
				if (r.has("task")) {
					TaskBinder.check(r, pc);
				} else {
					ConfigBinder.bind(r, pc);
				}
				for (Problem p : pc.problems()) {
					// one problem however many sweep points it affects: it is reported once, naming them
					pointsOf.computeIfAbsent(p, k -> new ArrayList<>()).add(label(point));
				}
				if (pointsOf.size() > 50) {
					break;
				}
			} while (next(index, keys, sweep));
		}
		long all = (long) variantCount;
		for (List<JsonElement> values : sweep.values()) {
			all *= values.size(); // bounded by checkSize
		}
		for (var e : pointsOf.entrySet()) {
			Problem p = e.getKey();
			List<String> affected = e.getValue();
			String suffix = affected.contains("") ? "" //$NON-NLS-1$
					: affected.size() == all && all > 1
							? " [all " + all + " sweep points]" //$NON-NLS-1$ //$NON-NLS-2$
							: " [sweep point" + (affected.size() > 1 ? "s " : " ") + String.join("; ", affected) + "]"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
			c.problems().add(new Problem(p.source(), p.path(), p.message() + suffix, p.line(), p.column()));
		}
	}

	/** Advances the sweep indexes, the last key fastest; false after the last point. */
	private static boolean next(int[] index, List<String> keys, Map<String, List<JsonElement>> sweep) {
		for (int k = index.length - 1; k >= 0; k--) {
			if (++index[k] < sweep.get(keys.get(k)).size()) {
				return true;
			}
			index[k] = 0;
		}
		return false;
	}

	/**
	 * The positions of a point: those of its variant and sweep values first; a path under one of those values has
	 * no position of the file's own value; else the file's position.
	 */
	private static final class Overlay extends AbstractMap<String, PositionedJson.Pos> {

		private final Map<String, PositionedJson.Pos> file;
		private final Map<String, PositionedJson.Pos> point;
		private final List<String> shadowed;

		Overlay(Map<String, PositionedJson.Pos> file, Map<String, PositionedJson.Pos> point, List<String> shadowed) {
			this.file = file;
			this.point = point;
			this.shadowed = shadowed;
		}

		@Override
		public PositionedJson.Pos get(Object key) {
			if (point.containsKey(key)) {
				return point.get(key);
			}
			String k = (String) key;
			for (String s : shadowed) {
				if (k.equals(s) || k.startsWith(s + ".") || k.startsWith(s + "[")) {
					return null;
				}
			}
			return file.get(key);
		}

		@Override
		public Set<Entry<String, PositionedJson.Pos>> entrySet() {
			Map<String, PositionedJson.Pos> all = new HashMap<>();
			for (String k : file.keySet()) {
				if (get(k) != null) {
					all.put(k, get(k));
				}
			}
			all.putAll(point);
			return all.entrySet();
		}
	}

	/**
	 * Numbers that are not finite as a double ({@code 1e999}, or NaN given with {@code --set}) are refused with their
	 * JSON path: nothing in an experiment means infinity.
	 */
	private static void nonFinite(JsonElement e, String path, Checker c) {
		if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
			if (!Double.isFinite(e.getAsDouble())) {
				c.error(path, path + " must be a finite number, got " + e.getAsJsonPrimitive().getAsString());
			}
		} else if (e.isJsonObject()) {
			for (var m : e.getAsJsonObject().entrySet()) {
				nonFinite(m.getValue(), path.isEmpty() ? m.getKey() : path + "." + m.getKey(), c);
			}
		} else if (e.isJsonArray()) {
			JsonArray a = e.getAsJsonArray();
			for (int i = 0; i < a.size(); i++) {
				nonFinite(a.get(i), path + "[" + i + "]", c);
			}
		}
	}

	/** Binds a resolved single-run tree. */
	public static ExperimentConfig bind(JsonObject resolved, String source) throws ExperimentException {
		if (resolved.has("task")) {
			throw new ExperimentException(List.of(new Problem(source, "task",
					"a task experiment has no training configuration (its task runs instead)", 0, 0)));
		}
		Checker c = new Checker(source, Map.of());
		ExperimentConfig cfg = ConfigBinder.bind(resolved, c);
		if (!c.problems().isEmpty()) {
			throw new ExperimentException(c.problems());
		}
		return cfg;
	}

	private static void checkSeeds(JsonObject root, Checker c) {
		JsonElement s = root.get("seeds");
		if (s == null) {
			return;
		}
		if (!s.isJsonArray() || s.getAsJsonArray().isEmpty()) {
			c.error("seeds", "seeds must be a non-empty array of integers, got " + Checker.describe(s));
			return;
		}
		JsonArray a = s.getAsJsonArray();
		int bad = 0;
		for (int i = 0; i < a.size() && bad < 20; i++) {
			if (Checker.asLong(a.get(i)) == null) {
				bad++;
				c.error("seeds[" + i + "]", "seeds[" + i + "] must be an integer, got " + Checker.describe(a.get(i)));
			}
		}
	}

	private static Map<String, List<JsonElement>> checkSweep(JsonObject root, Checker c) {
		Map<String, List<JsonElement>> out = new LinkedHashMap<>();
		JsonElement s = root.get("sweep");
		if (s == null) {
			return out;
		}
		if (!s.isJsonObject()) {
			c.error("sweep",
					"sweep must be an object mapping JSON paths to arrays of values, got " + Checker.describe(s));
			return out;
		}
		for (var e : s.getAsJsonObject().entrySet()) {
			String p = "sweep." + e.getKey();
			List<Object> segs = JsonPaths.parse(e.getKey());
			if (segs == null) {
				c.error(p, p + " is not a valid path (use a.b or a[0].b)");
				continue;
			}
			if (NOT_SWEEPABLE.contains((String) segs.get(0))) {
				c.error(p, p + " cannot be swept (use \"seeds\" for seeds)");
				continue;
			}
			if (!e.getValue().isJsonArray() || e.getValue().getAsJsonArray().isEmpty()) {
				c.error(p, p + " must be a non-empty array of values, got " + Checker.describe(e.getValue()));
				continue;
			}
			String err = JsonPaths.set(bare(root), e.getKey(), e.getValue().getAsJsonArray().get(0));
			if (err != null) {
				c.error(p, p + " " + err);
				continue;
			}
			List<JsonElement> values = new ArrayList<>();
			e.getValue().getAsJsonArray().forEach(values::add);
			out.put(e.getKey(), values);
		}
		return out;
	}

	public static List<Long> seeds(JsonObject root) {
		List<Long> out = new ArrayList<>();
		if (!root.has("seeds")) {
			out.add(1L);
			return out;
		}
		for (JsonElement e : root.getAsJsonArray("seeds")) {
			out.add(e.getAsLong());
		}
		return out;
	}

	public static List<String> summaryMetrics(JsonObject root) {
		if (!root.has("metrics")) {
			return root.has("task") ? TaskBinder.defaultMetrics(root) : DEFAULT_METRICS;
		}
		List<String> out = new ArrayList<>();
		root.getAsJsonArray("metrics").forEach(e -> out.add(e.getAsString()));
		return out;
	}

	public static List<String> externalCommand(JsonObject root) {
		List<String> out = new ArrayList<>();
		if (root.has("external")) {
			root.getAsJsonObject("external").getAsJsonArray("command").forEach(e -> out.add(e.getAsString()));
		}
		return out;
	}

	public static Map<String, List<JsonElement>> sweep(JsonObject root) {
		Map<String, List<JsonElement>> out = new LinkedHashMap<>();
		if (root.has("sweep")) {
			for (var e : root.getAsJsonObject("sweep").entrySet()) {
				List<JsonElement> v = new ArrayList<>();
				e.getValue().getAsJsonArray().forEach(v::add);
				out.put(e.getKey(), v);
			}
		}
		return out;
	}

	/** Key of the variant name in a point. */
	public static final String VARIANT = "variant";

	private static void checkVariants(JsonObject root, Checker c) {
		JsonElement v = root.get("variants");
		if (v == null) {
			return;
		}
		if (!v.isJsonArray() || v.getAsJsonArray().isEmpty()) {
			c.error("variants",
					"variants must be a non-empty array of {\"name\", \"set\"} objects, got " + Checker.describe(v));
			return;
		}
		java.util.Set<String> names = new java.util.HashSet<>();
		JsonArray a = v.getAsJsonArray();
		for (int i = 0; i < a.size(); i++) {
			String p = "variants[" + i + "]";
			if (!a.get(i).isJsonObject()) {
				c.error(p, p + " must be an object, got " + Checker.describe(a.get(i)));
				continue;
			}
			JsonObject o = a.get(i).getAsJsonObject();
			c.onlyKeys(o, p, Set.of("name", "description", "set"));
			String name = c.string(o, p, "name", null, true);
			c.string(o, p, "description", "", false);
			if (name != null && !names.add(name)) {
				c.error(p + ".name", p + ".name \"" + name + "\" is used twice");
			}
			JsonObject set = c.object(o, p, "set", true);
			for (var e : set.entrySet()) {
				List<Object> segs = JsonPaths.parse(e.getKey());
				String sp = p + ".set." + e.getKey();
				if (segs == null || NOT_SWEEPABLE.contains((String) segs.get(0))) {
					c.error(sp, sp + " is not a path that a variant may set");
					continue;
				}
				String err = JsonPaths.set(bare(root), e.getKey(), e.getValue());
				if (err != null) {
					c.error(sp, sp + " " + err);
				}
			}
		}
	}

	/** Variant name → its path/value settings, in file order. */
	public static Map<String, Map<String, JsonElement>> variants(JsonObject root) {
		Map<String, Map<String, JsonElement>> out = new LinkedHashMap<>();
		if (root.has("variants")) {
			for (JsonElement e : root.getAsJsonArray("variants")) {
				Map<String, JsonElement> set = new LinkedHashMap<>();
				e.getAsJsonObject().getAsJsonObject("set").entrySet().forEach(x -> set.put(x.getKey(), x.getValue()));
				out.put(e.getAsJsonObject().get("name").getAsString(), set);
			}
		}
		return out;
	}

	/** Columns identifying a point: "variant" (if any) then the sweep paths. */
	public static List<String> columns(JsonObject root) {
		List<String> out = new ArrayList<>();
		if (root.has("variants")) {
			out.add(VARIANT);
		}
		out.addAll(sweep(root).keySet());
		return out;
	}

	/** All points: every variant (if any) × the sweep grid. */
	public static List<Map<String, JsonElement>> points(JsonObject root) {
		List<Map<String, JsonElement>> grid = points(sweep(root));
		if (!root.has("variants")) {
			return grid;
		}
		List<Map<String, JsonElement>> out = new ArrayList<>();
		for (String v : variants(root).keySet()) {
			for (Map<String, JsonElement> g : grid) {
				Map<String, JsonElement> p = new LinkedHashMap<>();
				p.put(VARIANT, new JsonPrimitive(v));
				p.putAll(g);
				out.add(p);
			}
		}
		return out;
	}

	/** Cartesian product of the sweep, first key varying slowest. */
	public static List<Map<String, JsonElement>> points(Map<String, List<JsonElement>> sweep) {
		List<Map<String, JsonElement>> out = new ArrayList<>();
		out.add(new LinkedHashMap<>());
		for (var e : sweep.entrySet()) {
			List<Map<String, JsonElement>> next = new ArrayList<>();
			for (Map<String, JsonElement> p : out) {
				for (JsonElement v : e.getValue()) {
					Map<String, JsonElement> q = new LinkedHashMap<>(p);
					q.put(e.getKey(), v);
					next.add(q);
				}
			}
			out = next;
		}
		return out;
	}

	/** The single-run tree for a sweep point and seed. */
	public static JsonObject resolve(JsonObject root, Map<String, JsonElement> point, long seed) {
		JsonObject r = bare(root);
		Map<String, Map<String, JsonElement>> variants = variants(root);
		for (var e : point.entrySet()) {
			if (e.getKey().equals(VARIANT)) {
				variants.get(e.getValue().getAsString()).forEach((k, v) -> JsonPaths.set(r, k, v));
			} else {
				JsonPaths.set(r, e.getKey(), e.getValue());
			}
		}
		JsonArray seeds = new JsonArray();
		seeds.add(seed);
		r.add("seeds", seeds);
		return r;
	}

	/**
	 * A copy of the tree without its {@code sweep}, {@code variants} and {@code seeds}: what one run's configuration
	 * starts from, at the cost of the configuration alone however large the sweep.
	 */
	private static JsonObject bare(JsonObject root) {
		JsonObject r = new JsonObject();
		for (var e : root.entrySet()) {
			if (!e.getKey().equals("sweep") && !e.getKey().equals("variants") && !e.getKey().equals("seeds")) {
				r.add(e.getKey(), e.getValue().deepCopy());
			}
		}
		return r;
	}

	/** Sets a literal (JSON text, or a bare word as a string) at a path. */
	public static String setLiteral(JsonObject root, String path, String literal) {
		JsonElement v;
		try {
			v = JsonParser.parseString(literal);
		} catch (RuntimeException e) {
			v = new JsonPrimitive(literal);
		}
		return JsonPaths.set(root, path, v);
	}
}
