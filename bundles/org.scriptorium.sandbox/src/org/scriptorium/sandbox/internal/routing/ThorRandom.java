package org.scriptorium.sandbox.internal.routing;

/**
 * THOR stochastic experts, Zuo et al., "Taming Sparsely Activated Transformer with Stochastic Experts",
 * arXiv 2110.04260 [code: microsoft/Stochastic-Mixture-of-Experts, per spec §1.4]. There is no router.
 * Training: one expert index drawn uniformly per forward pass and shared by the whole mini-batch; the
 * trainer runs two passes and adds the consistency loss (see {@code loss.ConsistencyLoss}). Inference:
 * a random expert per example ({@code per-example}, the code's {@code inference_level = 0}, per token
 * there), per sequence ({@code per-sequence}, {@code inference_level = 1}), or — extra, NOT from the
 * paper — the average of all experts ({@code average}).
 */
public final class ThorRandom implements RoutingStrategy {

	public static final String ARXIV = "2110.04260";

	/** Inference mode. */
	public enum Inference {
		PER_EXAMPLE, PER_SEQUENCE, AVERAGE
	}

	private final Inference inference;

	public ThorRandom(Inference inference) {
		this.inference = inference;
	}

	@Override
	public String name() {
		return "thor";
	}

	@Override
	public String arxivId() {
		return ARXIV;
	}

	@Override
	public int routerWidth(int experts) {
		return 0;
	}

	@Override
	public double nominalK() {
		return 1;
	}

	@Override
	public Routing route(double[][] routerOut, int experts, RouteContext ctx) {
		int tokens = ctx.tokenIds().length;
		if (ctx.forcedExpert() >= 0) {
			return FixedRouting.oneExpert(tokens, experts, t -> ctx.forcedExpert());
		}
		if (ctx.training()) {
			int e = ctx.rng().nextInt(experts); // one expert for the whole mini-batch
			return FixedRouting.oneExpert(tokens, experts, t -> e);
		}
		return switch (inference) {
			case AVERAGE -> FixedRouting.everyExpert(tokens, experts, 1.0 / experts);
			case PER_SEQUENCE -> {
				int[] last = {Integer.MIN_VALUE, 0}; // the sequence seen last and its expert
				yield FixedRouting.oneExpert(tokens, experts, t -> {
					int s = ctx.sequenceIds()[t];
					if (s != last[0]) {
						last[0] = s;
						last[1] = ctx.rng().nextInt(experts);
					}
					return last[1];
				});
			}
			default -> FixedRouting.oneExpert(tokens, experts, t -> ctx.rng().nextInt(experts));
		};
	}

	@Override
	public double[][] backward(Routing routing, RouterGrad grad) {
		return null;
	}
}
