package org.scriptorium.sandbox.internal.routing;

/**
 * A token-to-expert routing rule. The discrete selection has no gradient: gradients reach the router
 * only through the gate values of executed experts and through auxiliary losses (spec §1.21). No
 * straight-through estimator is used.
 */
public interface RoutingStrategy {

	/** Short name as used in experiment files. */
	String name();

	/** arXiv id of the paper the rule comes from, or null for a plain baseline. */
	String arxivId();

	/** Width of the router linear layer for N routed experts (0 = no router parameters). */
	int routerWidth(int experts);

	Routing route(double[][] routerOut, int experts, RouteContext ctx);

	/**
	 * Converts gradients on gates/probabilities into a gradient on the router outputs. Returns null when
	 * the strategy has no router.
	 */
	double[][] backward(Routing routing, RouterGrad grad);

	/** The nominal number of experts per token (K_ref for the activated-parameter ratio). */
	double nominalK();
}
