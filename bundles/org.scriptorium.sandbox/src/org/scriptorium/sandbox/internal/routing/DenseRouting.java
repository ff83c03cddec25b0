package org.scriptorium.sandbox.internal.routing;

/**
 * Dense baseline (no paper): every token uses every expert with weight 1. With one expert it is a plain
 * MLP block, the "dense model with the same activated size" of spec E4 (iv).
 */
public final class DenseRouting implements RoutingStrategy {

	@Override
	public String name() {
		return "dense";
	}

	@Override
	public String arxivId() {
		return null;
	}

	@Override
	public int routerWidth(int experts) {
		return 0;
	}

	@Override
	public double nominalK() {
		return Double.NaN;
	}

	@Override
	public Routing route(double[][] routerOut, int experts, RouteContext ctx) {
		return FixedRouting.everyExpert(ctx.tokenIds().length, experts, 1.0);
	}

	@Override
	public double[][] backward(Routing routing, RouterGrad grad) {
		return null;
	}
}
