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
 * @param evalCapacityFactor top-k, switch: capacity factor at evaluation (default: capacityFactor)
 * @param secondExpert   top-k: always | random (GShard: dispatched in training with probability min(1, 2·g2))
 * @param renormalise    top-k: after-drop (DeepSpeed) | before-drop (GShard paper)
 * @param assignment     base: exact (the default: optimal up to 512 tokens a batch, greedy beyond) | greedy
 */
public record StrategyConfig(String type, int k, double p, double temperature, double capacityFactor, boolean noise,
		String variant, String inference, double evalCapacityFactor, String secondExpert, String renormalise,
		String assignment) {
}
