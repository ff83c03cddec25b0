package org.scriptorium.sandbox.internal.routing;

/**
 * GShard top-k (top-2 by default), Lepikhin et al., arXiv 2006.16668 (not in the seed corpus), as in
 * DeepSpeed {@code deepspeed/moe/sharded_moe.py::top2gating}: softmax over all N experts, the top-k
 * gates renormalised to sum to 1 over the experts that are actually kept after the capacity check
 * (DeepSpeed masks by capacity before computing the denominator). Capacity is
 * {@code ceil(k·T/N·factor)}; first choices fill the buffers before second choices.
 * <p>
 * By default the second expert is the deterministic second-best, always dispatched, and the gates are renormalised
 * over the experts kept after the capacity check (DeepSpeed). Options: {@code "secondExpert": "random"} dispatches
 * the second expert in training only with probability min(1, 2·g2), {@code g2 = p2/(p1+p2)} (the GShard paper
 * [memory]); {@code "renormalise": "before-drop"} divides by the sum over the chosen top-k, so a dropped expert's
 * share is lost (the paper) rather than given to the kept one; {@code evalCapacityFactor} sets the capacity at
 * evaluation. DeepSpeed's Gumbel noise on the second choice is not implemented. This also covers the Mixtral/SCMoE
 * rule (softmax over all N, top-k, renormalise).
 */
public final class GShardTopK extends TokenChoiceTopK {

	public static final String ARXIV = "2006.16668";

	public GShardTopK(int k, double capacityFactor) {
		super("top-k", ARXIV, k, true, capacityFactor);
	}

	/**
	 * With the paper's options: {@code evalCapacityFactor} at evaluation, the random second-expert dispatch
	 * ({@code "secondExpert": "random"}) and the renormalisation before dropping ({@code "renormalise":
	 * "before-drop"}).
	 */
	public GShardTopK(int k, double capacityFactor, double evalCapacityFactor, boolean randomSecond,
			boolean renormaliseBeforeDrop) {
		super("top-k", ARXIV, k, true, capacityFactor, evalCapacityFactor, randomSecond, renormaliseBeforeDrop);
	}
}
