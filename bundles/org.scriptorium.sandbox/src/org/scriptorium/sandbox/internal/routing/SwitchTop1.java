package org.scriptorium.sandbox.internal.routing;

/**
 * Switch Transformer top-1, Fedus et al., arXiv 2101.03961 (not in the seed corpus), as in DeepSpeed
 * {@code top1gating} [code, per spec §1.19]: {@code p = softmax(W_r x)}, expert {@code argmax p},
 * output weighted by the raw {@code p_{i*}} (NOT renormalised). Capacity
 * {@code C = ceil(T/N · capacityFactor)}; tokens beyond C are dropped in position order (the original
 * Switch rule; DeepSpeed's random token selection is not implemented) and pass only through the
 * residual. DeepSpeed's {@code min_capacity = 8} is not applied. An infinite factor means no dropping.
 */
public final class SwitchTop1 extends TokenChoiceTopK {

	public static final String ARXIV = "2101.03961";

	public SwitchTop1(double capacityFactor) {
		super("switch", ARXIV, 1, false, capacityFactor);
	}

	/** With a separate capacity factor at evaluation (the Switch paper's eval capacity factor). */
	public SwitchTop1(double capacityFactor, double evalCapacityFactor) {
		super("switch", ARXIV, 1, false, capacityFactor, evalCapacityFactor, false, false);
	}
}
