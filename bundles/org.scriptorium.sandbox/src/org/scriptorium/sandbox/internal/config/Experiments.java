package org.scriptorium.sandbox.internal.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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

	/** Largest sweep grid accepted. */
	public static final int MAX_POINTS = 10_000;

	private static final Set<String> NOT_SWEEPABLE = Set.of("name", "sweep", "seeds", "external", "$schema",
			"variants");
	public static final List<String> DEFAULT_METRICS = List.of("test.accuracy", "test.loss", "test.avgK", "test.loadCv",
			"test.dropRate", "test.nmi");

	private Experiments() {
	}

	public static void validate(String source, JsonObject root, Map<String, PositionedJson.Pos> positions)
			throws ExperimentException {
		Checker c = new Checker(source, positions);
		ConfigBinder.checkMeta(root, c);
		checkSeeds(root, c);
		int before = c.problems().size();
		Map<String, List<JsonElement>> sweep = checkSweep(root, c);
		checkVariants(root, c);
		boolean trains = !root.has("external") || root.has("task")
				|| org.scriptorium.sandbox.internal.runner.ExternalRuns.inputs(root).contains("synth-domains");
		if (c.problems().size() == before && trains) {
			List<Map<String, JsonElement>> points = points(root);
			Map<String, Map<String, JsonElement>> variants = variants(root);
			List<String> variantNames = new ArrayList<>(variants.keySet());
			for (Map<String, JsonElement> point : points) {
				JsonObject r = root.deepCopy();
				Map<String, PositionedJson.Pos> pos = new HashMap<>(positions);
				for (var e : point.entrySet()) {
					if (e.getKey().equals(VARIANT)) {
						String vn = e.getValue().getAsString();
						int vi = variantNames.indexOf(vn);
						for (var set : variants.get(vn).entrySet()) {
							JsonPaths.set(r, set.getKey(), set.getValue());
							String base = "variants[" + vi + "].set." + set.getKey();
							pos.keySet().removeIf(k -> k.equals(set.getKey()) || k.startsWith(set.getKey() + ".")
									|| k.startsWith(set.getKey() + "["));
							for (var pe : positions.entrySet()) {
								if (pe.getKey().startsWith(base)) {
									pos.put(set.getKey() + pe.getKey().substring(base.length()), pe.getValue());
								}
							}
						}
						continue;
					}
					JsonPaths.set(r, e.getKey(), e.getValue());
					pos.put(e.getKey(), positions
							.get("sweep." + e.getKey() + "[" + indexOf(sweep.get(e.getKey()), e.getValue()) + "]"));
				}
				Checker pc = new Checker(source, pos);
				if (r.has("task")) {
					TaskBinder.check(r, pc);
				} else {
					ConfigBinder.bind(r, pc);
				}
				for (Problem p : pc.problems()) {
					String suffix = point.isEmpty() ? "" : " [sweep point " + point + "]";
					boolean fromSweep = !point.isEmpty();
					c.problems()
							.add(new Problem(p.source(), p.path(), p.message() + (fromSweep ? suffix : ""), p.line(),
									p.column()));
				}
				if (c.problems().size() > 50) {
					break;
				}
			}
		}
		if (!c.problems().isEmpty()) {
			Map<String, Problem> distinct = new LinkedHashMap<>();
			for (Problem p : c.problems()) {
				distinct.putIfAbsent(p.toString(), p);
			}
			throw new ExperimentException(new ArrayList<>(distinct.values()));
		}
	}

	private static int indexOf(List<JsonElement> values, JsonElement v) {
		for (int i = 0; i < values.size(); i++) {
			if (values.get(i) == v) {
				return i;
			}
		}
		return 0;
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
		for (int i = 0; i < a.size(); i++) {
			if (Checker.asLong(a.get(i)) == null) {
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
		long size = 1;
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
			String err = JsonPaths.set(root.deepCopy(), e.getKey(), e.getValue().getAsJsonArray().get(0));
			if (err != null) {
				c.error(p, p + " " + err);
				continue;
			}
			List<JsonElement> values = new ArrayList<>();
			e.getValue().getAsJsonArray().forEach(values::add);
			size *= values.size();
			out.put(e.getKey(), values);
		}
		if (size > MAX_POINTS) {
			c.error("sweep", "sweep has " + size + " points, more than the limit of " + MAX_POINTS);
			out.clear();
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
				String err = JsonPaths.set(root.deepCopy(), e.getKey(), e.getValue());
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
		JsonObject r = root.deepCopy();
		Map<String, Map<String, JsonElement>> variants = variants(root);
		r.remove("sweep");
		r.remove("variants");
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
