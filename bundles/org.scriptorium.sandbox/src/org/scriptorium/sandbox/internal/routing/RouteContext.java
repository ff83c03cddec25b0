package org.scriptorium.sandbox.internal.routing;

import org.scriptorium.sandbox.internal.math.Rng;

/**
 * Per-batch information a strategy may need besides the router outputs.
 *
 * @param training     training mode (noise, random experts, capacity of training)
 * @param rng          random source for stochastic strategies (deterministic per seed)
 * @param tokenIds     token id per row (hash routing)
 * @param sequenceIds  sequence index per row (THOR per-sequence inference)
 * @param forcedExpert if ≥ 0, THOR/analysis: route every token to this expert with weight 1
 * @param maskTop      number of top-ranked routed experts to mask per token (DeepSeekMoE redundancy probe)
 * @param kOverride    if > 0, replaces the strategy's k at this call (evaluation ablations)
 */
public record RouteContext(boolean training, Rng rng, int[] tokenIds, int[] sequenceIds, int forcedExpert,
		int maskTop, int kOverride) {

	public static RouteContext training(Rng rng, int[] tokenIds, int[] sequenceIds) {
		return new RouteContext(true, rng, tokenIds, sequenceIds, -1, 0, 0);
	}

	public static RouteContext eval(Rng rng, int[] tokenIds, int[] sequenceIds) {
		return new RouteContext(false, rng, tokenIds, sequenceIds, -1, 0, 0);
	}

	public RouteContext withForcedExpert(int e) {
		return new RouteContext(training, rng, tokenIds, sequenceIds, e, maskTop, kOverride);
	}

	public RouteContext withMaskTop(int m) {
		return new RouteContext(training, rng, tokenIds, sequenceIds, forcedExpert, m, kOverride);
	}

	public RouteContext withK(int k) {
		return new RouteContext(training, rng, tokenIds, sequenceIds, forcedExpert, maskTop, k);
	}
}
