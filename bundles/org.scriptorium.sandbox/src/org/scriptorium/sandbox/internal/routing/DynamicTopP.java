package org.scriptorium.sandbox.internal.routing;

import org.scriptorium.sandbox.internal.math.Kernels;

/**
 * Dynamic top-p routing, Huang et al., "Harder Tasks Need More Experts", arXiv 2403.07652 [code:
 * ZhenweiAn/Dynamic_MoE {@code top_p_sampling_batched_all_sequence}, per spec §1.1]:
 * <pre>
 * P = softmax(W_r x / temperature)   over all N experts
 * sort P descending; c_j = cumulative sum; t = min{ j : c_j &gt; p }  (strict &gt;)
 * S = the experts of rank 0..t       (at least one expert)
 * y = Σ_{i∈S} P_i E_i(x)             raw probabilities, NOT renormalised (Σ weights ≥ p, &lt; 1)
 * </pre>
 * Default p = 0.4. The training losses (Switch balance loss α = 1e-2 and the entropy "dynamic loss"
 * β = 1e-4) are [secondary] in the spec: they come from a summary, not from the code.
 */
public final class DynamicTopP extends SoftmaxRouting {

	public static final String ARXIV = "2403.07652";

	private final double p;
	private final double temperature;

	public DynamicTopP(double p, double temperature) {
		this.p = p;
		this.temperature = temperature;
	}

	@Override
	public String name() {
		return "top-p";
	}

	@Override
	public String arxivId() {
		return ARXIV;
	}

	@Override
	public double nominalK() {
		return 2.0; // the paper's top-2 baseline is the reference
	}

	@Override
	public Routing route(double[][] routerOut, int experts, RouteContext ctx) {
		double[][] probs = probabilities(routerOut, experts, temperature);
		Routing r = new Routing(routerOut, probs, routerOut.length, experts);
		for (int t = 0; t < probs.length; t++) {
			int[] order = Kernels.argsortDescending(probs[t]);
			double c = 0;
			int count = 0;
			while (count < experts) {
				c += probs[t][order[count]];
				count++;
				if (c > p) {
					break;
				}
			}
			int[] req = new int[count];
			System.arraycopy(order, 0, req, 0, count);
			r.requested[t] = req;
			for (int e : req) {
				r.execute(t, e, probs[t][e]);
			}
		}
		return r;
	}

	@Override
	public double[][] backward(Routing routing, RouterGrad grad) {
		return rawGateBackward(routing, grad, temperature);
	}
}
