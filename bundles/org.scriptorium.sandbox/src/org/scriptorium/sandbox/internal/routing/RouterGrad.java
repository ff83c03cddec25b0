package org.scriptorium.sandbox.internal.routing;

import org.scriptorium.sandbox.internal.math.Kernels;

/**
 * Gradients that flow back into a routing decision: with respect to the executed gate weights, the full
 * router probabilities, and directly the router outputs (for losses defined on logits).
 */
public final class RouterGrad {

	public final double[][] dGate;
	public final double[][] dProbs;
	public final double[][] dRouterOut;

	public RouterGrad(int tokens, int experts, int routerWidth) {
		dGate = Kernels.zeros(tokens, experts);
		dProbs = Kernels.zeros(tokens, experts);
		dRouterOut = Kernels.zeros(tokens, routerWidth);
	}
}
