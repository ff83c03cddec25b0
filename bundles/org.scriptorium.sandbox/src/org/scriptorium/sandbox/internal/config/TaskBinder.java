package org.scriptorium.sandbox.internal.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.scriptorium.sandbox.internal.config.Checker.Range;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Validation of the {@code task} section: an experiment that runs a task of another bundle (found in the child
 * through {@link org.scriptorium.sandbox.task.ExperimentTask}) instead of the built-in MoE training. The sandbox
 * checks the section's shape here, with JSON paths and positions; the provider checks what only it can (files,
 * model ids). Known kinds: {@value #RETRIEVAL_ROUTING} (issue 8, docs/experiment-format.md).
 */
public final class TaskBinder {

	/** Routing among retrieval experts on BEIR-format data (RouterRetriever, arXiv 2409.02685). */
	public static final String RETRIEVAL_ROUTING = "retrieval-routing";

	/** The routers of a {@value #RETRIEVAL_ROUTING} task, in report order. */
	public static final List<String> ROUTERS = List.of("best-single", "fusion", "classifier", "pilot", "oracle");

	/** Routers used when {@code task.routers} is absent. */
	public static final List<String> DEFAULT_ROUTERS = ROUTERS;

	/** Sections of a training experiment that a task experiment does not have. */
	static final List<String> TRAINING_SECTIONS = List.of("data", "model", "strategy", "losses", "training",
			"evaluation",
			"external");

	private static final Set<String> KINDS = Set.of(RETRIEVAL_ROUTING);
	private static final Set<String> ROUTING_KEYS = Set.of("kind", "dataDir", "corpus", "queries", "qrels",
			"testQueries",
			"testQrels", "experts", "routers", "baseEncoder", "folds", "rrfK", "vectorCache");
	private static final Pattern EXPERT = Pattern.compile("[a-z0-9][a-z0-9.-]*");

	private TaskBinder() {
	}

	/** Checks a run's {@code task} section (and that no training section is present). */
	static void check(JsonObject root, Checker c) {
		for (String s : TRAINING_SECTIONS) {
			if (root.has(s)) {
				c.error(s, s + " does not apply to a task experiment (it has \"task\"); remove it");
			}
		}
		JsonObject t = c.object(root, "", "task", true);
		String kind = c.choice(t, "task", "kind", null, true, KINDS);
		if (!RETRIEVAL_ROUTING.equals(kind)) {
			return;
		}
		c.onlyKeys(t, "task", ROUTING_KEYS);
		c.string(t, "task", "dataDir", ".", false);
		for (String f : List.of("corpus", "queries", "qrels")) {
			nonEmpty(c, t, f, c.string(t, "task", f, null, true));
		}
		String tq = c.string(t, "task", "testQueries", null, false);
		String tr = c.string(t, "task", "testQrels", null, false);
		nonEmpty(c, t, "testQueries", tq);
		nonEmpty(c, t, "testQrels", tr);
		if ((tq == null) != (tr == null)) {
			String missing = tq == null ? "testQueries" : "testQrels";
			c.error("task", "task." + missing + " is required with task." + (tq == null ? "testQrels" : "testQueries")
					+ " (test queries and their judgments go together)");
		}
		if (tq != null && t.has("folds")) {
			c.error("task.folds", "task.folds only applies without test files (with testQueries the routers are "
					+ "trained on all queries and scored on the test queries)");
		}
		c.integer(t, "task", "folds", 5, Range.closed(2, 100));
		c.integer(t, "task", "rrfK", 60, Range.closed(1, 100_000));
		c.string(t, "task", "vectorCache", null, false);
		String base = c.string(t, "task", "baseEncoder", "minilm", false);
		if (base != null && !EXPERT.matcher(base).matches()) {
			c.error("task.baseEncoder", "task.baseEncoder must be a model id such as \"minilm\", got \"" + base + "\"");
		}
		List<String> experts = names(t, "experts", c, true);
		Set<String> expertSet = new HashSet<>(experts);
		for (int i = 0; i < experts.size(); i++) {
			String e = experts.get(i);
			if (e != null && !EXPERT.matcher(e).matches()) {
				c.error("task.experts[" + i + "]",
						"task.experts[" + i + "] must be \"bm25\" or a dense model id such as "
								+ "\"bge-small\" (lower-case letters, digits, '.', '-'), got \"" + e + "\"");
			} else if (e != null && ROUTERS.contains(e)) {
				c.error("task.experts[" + i + "]", "task.experts[" + i + "] \"" + e + "\" is the name of a router");
			}
		}
		if (t.has("experts") && expertSet.size() < 2
				&& c.problems().stream().noneMatch(p -> p.path().startsWith("task.experts"))) {
			c.error("task.experts", "task.experts needs at least two experts to route among, got " + experts.size());
		}
		List<String> routers = names(t, "routers", c, false);
		for (int i = 0; i < routers.size(); i++) {
			if (routers.get(i) != null && !ROUTERS.contains(routers.get(i))) {
				c.error("task.routers[" + i + "]",
						"task.routers[" + i + "] must be one of " + String.join(", ", ROUTERS)
								+ ", got \"" + routers.get(i) + "\"");
			}
		}
	}

	private static void nonEmpty(Checker c, JsonObject t, String field, String value) {
		if (value != null && value.isBlank()) {
			c.error("task." + field, "task." + field + " must name a file, got an empty string");
		}
	}

	/** A non-empty array of distinct strings; null entries for wrong types (already reported). */
	private static List<String> names(JsonObject t, String field, Checker c, boolean required) {
		String p = "task." + field;
		JsonElement e = t.get(field);
		List<String> out = new ArrayList<>();
		if (e == null) {
			if (required) {
				c.error("task", p + " is required (e.g. [\"bm25\", \"bge-small\", \"minilm\"])");
			}
			return out;
		}
		if (!e.isJsonArray() || e.getAsJsonArray().isEmpty()) {
			c.error(p, p + " must be a non-empty array of names, got " + Checker.describe(e));
			return out;
		}
		JsonArray a = e.getAsJsonArray();
		Set<String> seen = new LinkedHashSet<>();
		for (int i = 0; i < a.size(); i++) {
			JsonElement x = a.get(i);
			if (!x.isJsonPrimitive() || !x.getAsJsonPrimitive().isString()) {
				c.error(p + "[" + i + "]", p + "[" + i + "] must be a string, got " + Checker.describe(x));
				out.add(null);
				continue;
			}
			if (!seen.add(x.getAsString())) {
				c.error(p + "[" + i + "]", p + "[" + i + "] \"" + x.getAsString() + "\" is listed twice");
			}
			out.add(x.getAsString());
		}
		return out;
	}

	/** The expert names of a valid task section. */
	public static List<String> experts(JsonObject task) {
		List<String> out = new ArrayList<>();
		task.getAsJsonArray("experts").forEach(x -> out.add(x.getAsString()));
		return out;
	}

	/** The router names of a valid task section, in the order given (default: {@link #DEFAULT_ROUTERS}). */
	public static List<String> routers(JsonObject task) {
		if (!task.has("routers")) {
			return DEFAULT_ROUTERS;
		}
		List<String> out = new ArrayList<>();
		task.getAsJsonArray("routers").forEach(x -> out.add(x.getAsString()));
		return out;
	}

	/** The summary columns of a task experiment without a {@code metrics} list: nDCG@10 of every expert and router. */
	static List<String> defaultMetrics(JsonObject root) {
		JsonObject task = root.getAsJsonObject("task");
		List<String> out = new ArrayList<>();
		if (RETRIEVAL_ROUTING.equals(task.get("kind").getAsString())) {
			experts(task).forEach(e -> out.add("test.ndcg10." + e));
			routers(task).forEach(r -> out.add("test.ndcg10." + r));
		}
		return out;
	}
}
