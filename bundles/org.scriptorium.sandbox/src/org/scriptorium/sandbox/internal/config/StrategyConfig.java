package org.scriptorium.sandbox.internal.config;

/**
 * Bound {@code strategy} object. Fields not used by a type keep their defaults.
 *
 * @param type           top-k | switch | noisy-top-k | expert-choice | top-p | deepseek | thor | hash | base | dense
 * @param k              experts per token (top-k, noisy-top-k, deepseek routed experts)
 * @param p              top-p threshold
 * @param temperature    top-p softmax temperature
 * @param capacityFactor capacity factor (Infinity = dropless)
 * @param noise          noisy-top-k: add noise in training
 * @param variant        hash: random | balanced
 * @param inference      thor: per-example | per-sequence | average
 */
public record StrategyConfig(String type, int k, double p, double temperature, double capacityFactor, boolean noise,
		String variant, String inference) {
}
