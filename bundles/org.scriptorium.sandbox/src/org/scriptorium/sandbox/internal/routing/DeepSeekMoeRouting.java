package org.scriptorium.sandbox.internal.routing;

/**
 * DeepSeekMoE routed-expert gate, Dai et al., arXiv 2401.06066 (Eq. 9–11) [paper]: softmax over the
 * <em>routed</em> experts only, top-(mK − K_s), gates are the raw softmax values (not renormalised).
 * The K_s shared experts are always on with weight 1; they live in the model
 * ({@code model.sharedExperts}), not in this router, and are excluded from balance metrics. Fine-grained
 * segmentation is expressed by the experiment (more, smaller experts).
 */
public final class DeepSeekMoeRouting extends TokenChoiceTopK {

	public static final String ARXIV = "2401.06066";

	public DeepSeekMoeRouting(int routedK) {
		super("deepseek", ARXIV, routedK, false, Double.POSITIVE_INFINITY);
	}
}
