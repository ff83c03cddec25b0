package org.scriptorium.sandbox.internal.routing;

import java.util.function.IntUnaryOperator;

/**
 * The routing of the strategies without a router (hash layers, THOR, dense): each token goes to experts chosen by a
 * fixed rule, a table or a random draw, with fixed weights. Shared so that they build their {@link Routing} alike.
 */
final class FixedRouting {

	private FixedRouting() {
	}

	/**
	 * Each token {@code t} to the one expert {@code expertOf(t)} with weight 1; {@code expertOf} is asked once per token,
	 * in token order (a rule that draws from the run's random numbers draws them in that order).
	 */
	static Routing oneExpert(int tokens, int experts, IntUnaryOperator expertOf) {
		Routing r = new Routing(null, null, tokens, experts);
		for (int t = 0; t < tokens; t++) {
			int e = expertOf.applyAsInt(t);
			r.requested[t] = new int[]{e};
			r.execute(t, e, 1.0);
		}
		return r;
	}

	/** Every token to every expert, each with {@code weight}. */
	static Routing everyExpert(int tokens, int experts, double weight) {
		Routing r = new Routing(null, null, tokens, experts);
		for (int t = 0; t < tokens; t++) {
			r.requested[t] = new int[experts];
			for (int e = 0; e < experts; e++) {
				r.requested[t][e] = e;
				r.execute(t, e, weight);
			}
		}
		return r;
	}
}
