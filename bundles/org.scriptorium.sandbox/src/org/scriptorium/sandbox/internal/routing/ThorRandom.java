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
		Routing r = new Routing(null, null, tokens, experts);
		if (ctx.forcedExpert() >= 0) {
			for (int t = 0; t < tokens; t++) {
				r.requested[t] = new int[]{ctx.forcedExpert()};
				r.execute(t, ctx.forcedExpert(), 1.0);
			}
			return r;
		}
		if (ctx.training()) {
			int e = ctx.rng().nextInt(experts);
			for (int t = 0; t < tokens; t++) {
				r.requested[t] = new int[]{e};
				r.execute(t, e, 1.0);
			}
			return r;
		}
		int lastSeq = Integer.MIN_VALUE;
		int seqExpert = 0;
		for (int t = 0; t < tokens; t++) {
			switch (inference) {
				case AVERAGE -> {
					r.requested[t] = new int[experts];
					for (int e = 0; e < experts; e++) {
						r.requested[t][e] = e;
						r.execute(t, e, 1.0 / experts);
					}
				}
				case PER_SEQUENCE -> {
					int s = ctx.sequenceIds()[t];
					if (s != lastSeq) {
						seqExpert = ctx.rng().nextInt(experts);
						lastSeq = s;
					}
					r.requested[t] = new int[]{seqExpert};
					r.execute(t, seqExpert, 1.0);
				}
				default -> {
					int e = ctx.rng().nextInt(experts);
					r.requested[t] = new int[]{e};
					r.execute(t, e, 1.0);
				}
			}
		}
		return r;
	}

	@Override
	public double[][] backward(Routing routing, RouterGrad grad) {
		return null;
	}
}
