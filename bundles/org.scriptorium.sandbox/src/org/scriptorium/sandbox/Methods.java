package org.scriptorium.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.scriptorium.sandbox.internal.loss.ConsistencyLoss;
import org.scriptorium.sandbox.internal.loss.DeepSeekBalanceLoss;
import org.scriptorium.sandbox.internal.loss.EntropyLoss;
import org.scriptorium.sandbox.internal.loss.ShazeerLosses;
import org.scriptorium.sandbox.internal.loss.SwitchBalanceLoss;
import org.scriptorium.sandbox.internal.loss.ZLoss;
import org.scriptorium.sandbox.internal.routing.BaseLayerRouting;
import org.scriptorium.sandbox.internal.routing.DeepSeekMoeRouting;
import org.scriptorium.sandbox.internal.routing.DynamicTopP;
import org.scriptorium.sandbox.internal.routing.ExpertChoice;
import org.scriptorium.sandbox.internal.routing.GShardTopK;
import org.scriptorium.sandbox.internal.routing.HashRouting;
import org.scriptorium.sandbox.internal.routing.NoisyTopK;
import org.scriptorium.sandbox.internal.routing.SwitchTop1;
import org.scriptorium.sandbox.internal.routing.ThorRandom;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The routing strategies and auxiliary losses of the engine ({@code strategy.type}, {@code losses[].type}) and the
 * arXiv id of the paper each comes from: the one mapping behind the trainer's log line (and so the Console's links),
 * the launch tabs, the Results view and the Papers view's "Run Example Experiment".
 */
public final class Methods {

	/** What a method is in an experiment file. */
	public enum Kind {
		/** A value of {@code strategy.type}. */
		STRATEGY,
		/** A value of {@code losses[].type}. */
		LOSS
	}

	/**
	 * A strategy or loss.
	 *
	 * @param kind    strategy or loss
	 * @param type    its {@code type} in an experiment file, e.g. {@code top-p}
	 * @param arxivId the arXiv id of the paper it comes from, or null for a plain baseline ({@code dense})
	 */
	public record Method(Kind kind, String type, String arxivId) {
	}

	private static final Map<String, String> STRATEGIES = new LinkedHashMap<>();
	private static final Map<String, String> LOSSES = new LinkedHashMap<>();

	static {
		STRATEGIES.put("top-k", GShardTopK.ARXIV);
		STRATEGIES.put("switch", SwitchTop1.ARXIV);
		STRATEGIES.put("noisy-top-k", NoisyTopK.ARXIV);
		STRATEGIES.put("expert-choice", ExpertChoice.ARXIV);
		STRATEGIES.put("top-p", DynamicTopP.ARXIV);
		STRATEGIES.put("deepseek", DeepSeekMoeRouting.ARXIV);
		STRATEGIES.put("thor", ThorRandom.ARXIV);
		STRATEGIES.put("hash", HashRouting.ARXIV);
		STRATEGIES.put("base", BaseLayerRouting.ARXIV);
		STRATEGIES.put("dense", null);
		LOSSES.put("switch-balance", SwitchBalanceLoss.ARXIV);
		LOSSES.put("deepseek-balance", DeepSeekBalanceLoss.ARXIV);
		LOSSES.put("importance", ShazeerLosses.ARXIV);
		LOSSES.put("load", ShazeerLosses.ARXIV);
		LOSSES.put("entropy", EntropyLoss.ARXIV);
		LOSSES.put("z-loss", ZLoss.ARXIV);
		LOSSES.put("consistency", ConsistencyLoss.ARXIV);
	}

	private Methods() {
	}

	/** Every strategy, then every loss, in a fixed order. */
	public static List<Method> all() {
		List<Method> out = new ArrayList<>();
		STRATEGIES.forEach((type, id) -> out.add(new Method(Kind.STRATEGY, type, id)));
		LOSSES.forEach((type, id) -> out.add(new Method(Kind.LOSS, type, id)));
		return out;
	}

	/** The arXiv id of a strategy or loss type, or null if it has none or is unknown. */
	public static String arxivId(Kind kind, String type) {
		return (kind == Kind.STRATEGY ? STRATEGIES : LOSSES).get(type);
	}

	/** The strategies and losses that come from the paper with this arXiv id (a version suffix is ignored). */
	public static List<Method> definedBy(String arxivId) {
		if (arxivId == null) {
			return List.of();
		}
		String id = arxivId.replaceFirst("(?i)^arxiv:", "").replaceFirst("v\\d+$", "").strip();
		return all().stream().filter(m -> id.equals(m.arxivId())).toList();
	}

	/**
	 * The strategies and losses an experiment uses, in file order without repeats: {@code strategy} and
	 * {@code losses} of the file and those its {@code variants} set (whole objects or {@code strategy.type}).
	 * Unknown types are left out.
	 */
	public static List<Method> of(JsonObject experiment) {
		Set<Method> found = new LinkedHashSet<>();
		collect(experiment, found);
		JsonElement variants = experiment.get("variants");
		if (variants != null && variants.isJsonArray()) {
			for (JsonElement v : variants.getAsJsonArray()) {
				if (v.isJsonObject() && v.getAsJsonObject().get("set") instanceof JsonObject set) {
					collect(set, found);
					add(found, Kind.STRATEGY, set.get("strategy.type"));
				}
			}
		}
		return List.copyOf(found);
	}

	private static void collect(JsonObject o, Set<Method> found) {
		if (o.get("strategy") instanceof JsonObject strategy) {
			add(found, Kind.STRATEGY, strategy.get("type"));
		}
		if (o.get("losses") instanceof JsonArray losses) {
			for (JsonElement l : losses) {
				if (l instanceof JsonObject loss) {
					add(found, Kind.LOSS, loss.get("type"));
				}
			}
		}
	}

	private static void add(Set<Method> found, Kind kind, JsonElement type) {
		if (type != null && type.isJsonPrimitive()) {
			String t = type.getAsString();
			Map<String, String> table = kind == Kind.STRATEGY ? STRATEGIES : LOSSES;
			if (table.containsKey(t)) {
				found.add(new Method(kind, t, table.get(t)));
			}
		}
	}

	/** {@code top-p (arXiv 2403.07652)}, or just the type without a paper. */
	public static String describe(Method m) {
		return m.arxivId() == null ? m.type() : m.type() + " (arXiv " + m.arxivId() + ")";
	}
}
