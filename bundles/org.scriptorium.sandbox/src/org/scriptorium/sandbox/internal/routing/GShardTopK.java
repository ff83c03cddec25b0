package org.scriptorium.sandbox.internal.routing;

/**
 * GShard top-k (top-2 by default), Lepikhin et al., arXiv 2006.16668 (not in the seed corpus), as in
 * DeepSpeed {@code deepspeed/moe/sharded_moe.py::top2gating}: softmax over all N experts, the top-k
 * gates renormalised to sum to 1 over the experts that are actually kept after the capacity check
 * (DeepSpeed masks by capacity before computing the denominator). Capacity is
 * {@code ceil(k·T/N·factor)}; first choices fill the buffers before second choices.
 * <p>
 * Deviation, stated: the second expert is the deterministic second-best. DeepSpeed adds Gumbel noise to
 * pick it during training, and the GShard paper dispatches it with probability min(1, 2·g2) [memory];
 * neither is implemented here. This also covers the Mixtral/SCMoE rule (softmax over all N, top-k,
 * renormalise).
 */
public final class GShardTopK extends TokenChoiceTopK {

	public static final String ARXIV = "2006.16668";

	public GShardTopK(int k, double capacityFactor) {
		super("top-k", ARXIV, k, true, capacityFactor);
	}
}
