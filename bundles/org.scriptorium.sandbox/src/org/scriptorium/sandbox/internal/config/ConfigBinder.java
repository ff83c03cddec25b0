package org.scriptorium.sandbox.internal.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.scriptorium.sandbox.internal.config.Checker.Range;
import org.scriptorium.sandbox.internal.data.DataConfig;
import org.scriptorium.sandbox.internal.model.ModelConfig;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Validates an experiment tree and binds it to typed records. Every problem is reported through the
 * {@link Checker}; unknown fields are errors. Defaults are those of routing-spec §2.
 */
public final class ConfigBinder {

	public static final Set<String> TOP_LEVEL = Set.of("$schema", "name", "description", "expected", "reproduces",
			"data", "model", "strategy", "losses", "training", "evaluation", "metrics", "seeds", "sweep", "variants",
			"external", "task");

	/** What {@code external.inputs} may ask the sandbox to write for an external run. */
	static final Set<String> EXTERNAL_INPUTS = Set.of("synth-domains");

	static final Set<String> STRATEGIES = Set.of("top-k", "switch", "noisy-top-k", "expert-choice", "top-p", "deepseek",
			"thor", "hash", "base", "dense");
	static final Set<String> LOSSES = Set.of("switch-balance", "deepseek-balance", "importance", "load", "entropy",
			"z-loss", "consistency");
	private static final Set<String> ROUTER_FREE = Set.of("thor", "hash", "dense");
	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
	private static final Pattern ARXIV = Pattern.compile("\\d{4}\\.\\d{4,5}");
	private static final Pattern METRIC = Pattern.compile("(train|test|trainTestGap)[A-Za-z0-9._-]*");

	private static final Map<String, Set<String>> STRATEGY_KEYS = new HashMap<>();
	private static final Map<String, Double> LOSS_WEIGHTS = Map.of("switch-balance", 1e-2, "deepseek-balance", 1e-2,
			"importance", 0.1, "load", 0.1, "entropy", 1e-4, "z-loss", 1e-3, "consistency", 1.0);

	static {
		STRATEGY_KEYS.put("top-k",
				Set.of("type", "k", "capacityFactor", "evalCapacityFactor", "secondExpert", "renormalise"));
		STRATEGY_KEYS.put("switch", Set.of("type", "capacityFactor", "evalCapacityFactor"));
		STRATEGY_KEYS.put("noisy-top-k", Set.of("type", "k", "noise"));
		STRATEGY_KEYS.put("expert-choice", Set.of("type", "capacityFactor"));
		STRATEGY_KEYS.put("top-p", Set.of("type", "p", "temperature"));
		STRATEGY_KEYS.put("deepseek", Set.of("type", "k"));
		STRATEGY_KEYS.put("thor", Set.of("type", "inference"));
		STRATEGY_KEYS.put("hash", Set.of("type", "variant"));
		STRATEGY_KEYS.put("base", Set.of("type", "assignment"));
		STRATEGY_KEYS.put("dense", Set.of("type"));
	}

	private ConfigBinder() {
	}

	/** Checks the metadata fields (name, description, reproduces, metrics, seeds shape, external). */
	static void checkMeta(JsonObject root, Checker c) {
		c.onlyKeys(root, "", TOP_LEVEL);
		String name = c.string(root, "", "name", null, true);
		if (name != null && !NAME.matcher(name).matches()) {
			c.error("name",
					"name must be letters, digits, '.', '_' or '-' (it names the run directory), got \"" + name + "\"");
		}
		c.string(root, "", "description", "", false);
		c.string(root, "", "expected", "", false);
		c.string(root, "", "$schema", "", false);
		JsonElement rep = root.get("reproduces");
		if (rep != null) {
			if (!rep.isJsonArray()) {
				c.error("reproduces", "reproduces must be an array of arXiv ids, got " + Checker.describe(rep));
			} else {
				JsonArray a = rep.getAsJsonArray();
				for (int i = 0; i < a.size(); i++) {
					JsonElement x = a.get(i);
					if (!x.isJsonPrimitive() || !x.getAsJsonPrimitive().isString()
							|| !ARXIV.matcher(x.getAsString()).matches()) {
						c.error("reproduces[" + i + "]",
								"reproduces[" + i + "] must be an arXiv id like \"2403.07652\", got "
										+ Checker.describe(x));
					}
				}
			}
		}
		JsonElement metrics = root.get("metrics");
		if (metrics != null) {
			if (!metrics.isJsonArray()) {
				c.error("metrics", "metrics must be an array of metric names, got " + Checker.describe(metrics));
			} else {
				JsonArray a = metrics.getAsJsonArray();
				for (int i = 0; i < a.size(); i++) {
					JsonElement x = a.get(i);
					if (!x.isJsonPrimitive() || !x.getAsJsonPrimitive().isString()
							|| !METRIC.matcher(x.getAsString()).matches()) {
						c.error("metrics[" + i + "]",
								"metrics[" + i + "] must be a metric name starting with test. or train., got "
										+ Checker.describe(x));
					}
				}
			}
		}
		JsonElement ext = root.get("external");
		if (ext != null) {
			if (!ext.isJsonObject()) {
				c.error("external", "external must be an object, got " + Checker.describe(ext));
			} else {
				JsonObject e = ext.getAsJsonObject();
				c.onlyKeys(e, "external", Set.of("command", "inputs"));
				JsonElement inputs = e.get("inputs");
				if (inputs != null) {
					if (!inputs.isJsonArray()) {
						c.error("external.inputs",
								"external.inputs must be an array of input names (\"synth-domains\"), got "
										+ Checker.describe(inputs));
					} else {
						JsonArray a = inputs.getAsJsonArray();
						for (int i = 0; i < a.size(); i++) {
							if (!a.get(i).isJsonPrimitive() || !EXTERNAL_INPUTS.contains(a.get(i).getAsString())) {
								c.error("external.inputs[" + i + "]", "external.inputs[" + i
										+ "] must be one of " + EXTERNAL_INPUTS + ", got "
										+ Checker.describe(a.get(i)));
							}
						}
					}
				}
				JsonElement cmd = e.get("command");
				if (cmd == null || !cmd.isJsonArray() || cmd.getAsJsonArray().isEmpty()) {
					c.error(cmd == null ? "external" : "external.command",
							"external.command must be a non-empty array of strings");
				} else {
					JsonArray a = cmd.getAsJsonArray();
					for (int i = 0; i < a.size(); i++) {
						if (!a.get(i).isJsonPrimitive() || !a.get(i).getAsJsonPrimitive().isString()) {
							c.error("external.command[" + i + "]", "external.command[" + i + "] must be a string, got "
									+ Checker.describe(a.get(i)));
						}
					}
				}
			}
		}
	}

	/** Binds one run configuration (a sweep point already applied). */
	static ExperimentConfig bind(JsonObject root, Checker c) {
		String name = c.string(root, "", "name", "experiment", false);
		JsonObject d = c.object(root, "", "data", false);
		c.onlyKeys(d, "data",
				Set.of("generator", "domains", "inputDim", "classes", "vocab", "tokenEmbedDim", "labelHidden",
						"signatureStd", "sharedWeight", "zipfExponent", "mix", "labelNoise", "sequenceLength", "train",
						"test",
						"tokenIdsByDomain"));
		c.choice(d, "data", "generator", "synth-domains", false, Set.of("synth-domains"));
		JsonObject mix = c.object(d, "data", "mix", false);
		c.onlyKeys(mix, "data.mix", Set.of("easy", "medium", "hard"));
		double easy = c.number(mix, "data.mix", "easy", 0.4, Range.closed(0, 1), false);
		double medium = c.number(mix, "data.mix", "medium", 0.3, Range.closed(0, 1), false);
		double hard = c.number(mix, "data.mix", "hard", 0.3, Range.closed(0, 1), false);
		if (Math.abs(easy + medium + hard - 1) > 1e-6) {
			c.error("data.mix", "data.mix easy + medium + hard must sum to 1, got " + (easy + medium + hard));
		}
		int domains = c.integer(d, "data", "domains", 4, Range.closed(1, 64));
		int seqLen = c.integer(d, "data", "sequenceLength", 32, Range.closed(1, 4096));
		DataConfig data = new DataConfig(domains,
				c.integer(d, "data", "inputDim", 32, Range.closed(1, 4096)),
				c.integer(d, "data", "classes", 4, Range.closed(2, 1000)),
				c.integer(d, "data", "vocab", 256, Range.closed(1, 1_000_000)),
				c.integer(d, "data", "tokenEmbedDim", 8, Range.closed(0, 1024)),
				c.integer(d, "data", "labelHidden", 16, Range.closed(1, 4096)),
				c.number(d, "data", "signatureStd", 2.0, Range.atLeast(0), false),
				c.number(d, "data", "sharedWeight", 1.0, Range.atLeast(0), false),
				c.number(d, "data", "zipfExponent", 1.1, Range.atLeast(0), false),
				easy, medium, c.number(d, "data", "labelNoise", 0.1, Range.closed(0, 1), false), seqLen,
				c.integer(d, "data", "train", 20000, Range.closed(1, 10_000_000)),
				c.integer(d, "data", "test", 5000, Range.closed(1, 10_000_000)),
				c.bool(d, "data", "tokenIdsByDomain", true));
		if (data.trainSize() < seqLen) {
			c.error("data.train",
					"data.train must be at least data.sequenceLength (" + seqLen + "), got " + data.trainSize());
		}
		if (data.testSize() < seqLen) {
			c.error("data.test",
					"data.test must be at least data.sequenceLength (" + seqLen + "), got " + data.testSize());
		}

		JsonObject m = c.object(root, "", "model", false);
		c.onlyKeys(m, "model", Set.of("hidden", "experts", "expertHidden", "sharedExperts", "sharedHidden"));
		int experts = c.integer(m, "model", "experts", 8, Range.closed(1, 1024));
		int expertHidden = c.integer(m, "model", "expertHidden", 32, Range.closed(1, 65536));
		ModelConfig model = new ModelConfig(c.integer(m, "model", "hidden", 64, Range.closed(1, 65536)), experts,
				expertHidden, c.integer(m, "model", "sharedExperts", 0, Range.closed(0, 64)),
				c.integer(m, "model", "sharedHidden", expertHidden, Range.closed(1, 65536)));

		JsonObject s = c.object(root, "", "strategy", true);
		String type = c.choice(s, "strategy", "type", null, true, STRATEGIES);
		if (type != null) {
			c.onlyKeys(s, "strategy", STRATEGY_KEYS.get(type));
		}
		int defaultK = "top-k".equals(type) || "noisy-top-k".equals(type) || "deepseek".equals(type) ? 2 : 1;
		int k = c.integer(s, "strategy", "k", defaultK, Range.closed(1, 1024));
		if (s.has("k") && k > experts) {
			c.error("strategy.k", "strategy.k must be <= model.experts (" + experts + "), got " + k);
		}
		double cfDefault = "expert-choice".equals(type) ? 2.0 : Double.POSITIVE_INFINITY;
		double capacityFactor = c.number(s, "strategy", "capacityFactor", cfDefault, Range.above(0), true);
		String secondExpert = c.choice(s, "strategy", "secondExpert", "always", false, Set.of("always", "random"));
		if ("random".equals(secondExpert) && k != 2) {
			c.error("strategy.secondExpert", "strategy.secondExpert \"random\" (GShard's random dispatch of the second "
					+ "expert) needs strategy.k = 2, got " + k);
		}
		StrategyConfig strategy = new StrategyConfig(type == null ? "dense" : type, k,
				c.number(s, "strategy", "p", 0.4, Range.halfOpen(0, 1), false),
				c.number(s, "strategy", "temperature", 1.0, Range.above(0), false),
				capacityFactor,
				c.bool(s, "strategy", "noise", true),
				c.choice(s, "strategy", "variant", "random", false, Set.of("random", "balanced")),
				c.choice(s, "strategy", "inference", "per-sequence", false,
						Set.of("per-example", "per-sequence", "average")),
				c.number(s, "strategy", "evalCapacityFactor", capacityFactor, Range.above(0), true),
				secondExpert,
				c.choice(s, "strategy", "renormalise", "after-drop", false, Set.of("after-drop", "before-drop")),
				c.choice(s, "strategy", "assignment", "exact", false, Set.of("greedy", "exact")));

		JsonObject t = c.object(root, "", "training", false);
		c.onlyKeys(t, "training",
				Set.of("epochs", "sequencesPerMicroBatch", "accumulationSteps", "lr", "beta1", "beta2",
						"eps", "clipNorm", "evalEvery"));
		TrainingConfig training = new TrainingConfig(c.integer(t, "training", "epochs", 20, Range.closed(1, 100_000)),
				c.integer(t, "training", "sequencesPerMicroBatch", 4, Range.closed(1, 100_000)),
				c.integer(t, "training", "accumulationSteps", 1, Range.closed(1, 100_000)),
				c.number(t, "training", "lr", 3e-3, Range.above(0), false),
				c.number(t, "training", "beta1", 0.9, new Range(0, false, 1, true), false),
				c.number(t, "training", "beta2", 0.999, new Range(0, false, 1, true), false),
				c.number(t, "training", "eps", 1e-8, Range.above(0), false),
				c.number(t, "training", "clipNorm", 1.0, Range.atLeast(0), false),
				c.integer(t, "training", "evalEvery", 0, Range.atLeast(0)));

		List<LossConfig> losses = bindLosses(root, c, strategy, training, experts);

		JsonObject ev = c.object(root, "", "evaluation", false);
		c.onlyKeys(ev, "evaluation",
				Set.of("batchSequences", "bootstrap", "ablateShared", "ablateSharedK", "maskFractions",
						"expertDisagreement"));
		EvalConfig eval = new EvalConfig(
				c.integer(ev, "evaluation", "batchSequences", training.sequencesPerMicroBatch(),
						Range.closed(1, 100_000)),
				c.integer(ev, "evaluation", "bootstrap", 1000, Range.closed(0, 1_000_000)),
				c.bool(ev, "evaluation", "ablateShared", false),
				c.integer(ev, "evaluation", "ablateSharedK", 0, Range.closed(0, 1024)),
				c.numberArray(ev, "evaluation", "maskFractions", new double[0], new Range(0, false, 1, true)),
				c.bool(ev, "evaluation", "expertDisagreement", false));
		return new ExperimentConfig(name, data, model, strategy, losses, training, eval);
	}

	private static List<LossConfig> bindLosses(JsonObject root, Checker c, StrategyConfig strategy,
			TrainingConfig training, int experts) {
		List<LossConfig> out = new ArrayList<>();
		JsonElement le = root.get("losses");
		if (le == null) {
			return out;
		}
		if (!le.isJsonArray()) {
			c.error("losses", "losses must be an array of objects, got " + Checker.describe(le));
			return out;
		}
		JsonArray arr = le.getAsJsonArray();
		for (int i = 0; i < arr.size(); i++) {
			String p = "losses[" + i + "]";
			if (!arr.get(i).isJsonObject()) {
				c.error(p, p + " must be an object, got " + Checker.describe(arr.get(i)));
				continue;
			}
			JsonObject l = arr.get(i).getAsJsonObject();
			String type = c.choice(l, p, "type", null, true, LOSSES);
			if (type == null) {
				continue;
			}
			c.onlyKeys(l, p, "switch-balance".equals(type)
					? Set.of("type", "weight", "scope", "balanceSequences", "firstChoiceOnly")
					: Set.of("type", "weight"));
			double w = c.number(l, p, "weight", LOSS_WEIGHTS.get(type), Range.atLeast(0), false);
			String scope = c.choice(l, p, "scope", "micro", false, Set.of("micro", "global"));
			int bsz = c.integer(l, p, "balanceSequences", training.sequencesPerMicroBatch(),
					Range.closed(1, 10_000_000));
			if ("global".equals(scope) && bsz % training.sequencesPerMicroBatch() != 0) {
				c.error(p + ".balanceSequences",
						p + ".balanceSequences must be a multiple of training.sequencesPerMicroBatch ("
								+ training.sequencesPerMicroBatch() + "), got " + bsz);
			}
			if ("micro".equals(scope) && l.has("balanceSequences")) {
				c.error(p + ".balanceSequences", p + ".balanceSequences only applies to scope \"global\"");
			}
			boolean first = c.bool(l, p, "firstChoiceOnly", false);
			if (ROUTER_FREE.contains(strategy.type()) && !"consistency".equals(type)) {
				c.error(p + ".type",
						p + ".type \"" + type + "\" needs a learned router, but strategy \"" + strategy.type()
								+ "\" has none");
			}
			if ("load".equals(type) && !"noisy-top-k".equals(strategy.type())) {
				c.error(p + ".type", p + ".type \"load\" needs strategy \"noisy-top-k\" (Shazeer's noisy gate)");
			}
			if ("load".equals(type) && strategy.k() >= experts) {
				c.error(p + ".type", p + ".type \"load\" needs strategy.k < model.experts");
			}
			out.add(new LossConfig(type, w, scope, bsz, first));
		}
		return out;
	}
}
