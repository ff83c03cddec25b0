package org.scriptorium.sandbox.internal.data;

/**
 * Parameters of the SynthDomains generator (spec §2, "Shared building blocks").
 *
 * @param domains          D
 * @param inputDim         d of the continuous features
 * @param classes          C
 * @param vocab            V token ids (for hash routing)
 * @param tokenEmbedDim    size of the fixed random token-id embedding concatenated to x
 * @param labelHidden      h of the labelling functions {@code A tanh(B x)}
 * @param signatureStd     σ_s of the domain means μ_d
 * @param sharedWeight     weight of the global labelling function f_0 (0 = none)
 * @param zipfExponent     exponent of the Zipf token-id distribution
 * @param easy             fraction of easy examples
 * @param medium           fraction of medium examples (the rest are hard)
 * @param labelNoise       label-noise rate of medium examples
 * @param sequenceLength   L, examples per same-domain sequence
 * @param trainSize        training examples (rounded down to whole sequences)
 * @param testSize         test examples (rounded down to whole sequences)
 * @param tokenIdsByDomain true: each domain has its own Zipf permutation (token id ∝ domain); false: one
 *                         permutation shared by all domains (token id ⟂ domain)
 */
public record DataConfig(int domains, int inputDim, int classes, int vocab, int tokenEmbedDim, int labelHidden,
		double signatureStd, double sharedWeight, double zipfExponent, double easy, double medium,
		double labelNoise, int sequenceLength, int trainSize, int testSize, boolean tokenIdsByDomain) {

	public int featureDim() {
		return inputDim + tokenEmbedDim;
	}
}
