package org.scriptorium.sandbox.internal.config;

/**
 * Bound {@code evaluation} object.
 *
 * @param batchSequences     sequences per evaluation batch (routing statistics such as capacity and expert
 *                           choice are per batch)
 * @param bootstrap          bootstrap resamples for the accuracy CI
 * @param ablateShared       also evaluate with shared experts disabled (DeepSeekMoE model D)
 * @param ablateSharedK      routed k used when shared experts are disabled (0 = k + shared count)
 * @param maskFractions      DeepSeekMoE redundancy probe: fractions r of top routed experts to mask
 * @param expertDisagreement THOR: mean pairwise symmetric KL between experts' predictions
 */
public record EvalConfig(int batchSequences, int bootstrap, boolean ablateShared, int ablateSharedK,
		double[] maskFractions, boolean expertDisagreement) {
}
