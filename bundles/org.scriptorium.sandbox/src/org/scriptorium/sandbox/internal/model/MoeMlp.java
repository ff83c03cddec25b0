package org.scriptorium.sandbox.internal.model;

import java.util.ArrayList;
import java.util.List;

import org.scriptorium.sandbox.internal.math.Kernels;
import org.scriptorium.sandbox.internal.math.Rng;
import org.scriptorium.sandbox.internal.routing.RouteContext;
import org.scriptorium.sandbox.internal.routing.RouterGrad;
import org.scriptorium.sandbox.internal.routing.Routing;
import org.scriptorium.sandbox.internal.routing.RoutingStrategy;

/**
 * The spec's "MoE-MLP" (routing-spec §2): input → linear(F→H) + GELU → MoE layer with residual →
 * linear(H→C). The MoE layer output is {@code h + Σ_shared E_s(h) + Σ_{i∈S_t} g_{t,i} E_i(h)}; dropped
 * tokens get only the residual (and shared experts). Initialisation: weights {@code N(0, 1/fan_in)},
 * biases 0, router {@code N(0, 0.01/fan_in)} (near-uniform routing at start).
 */
public final class MoeMlp {

	private final ModelConfig cfg;
	private final RoutingStrategy strategy;
	private final Param w1;
	private final Param b1;
	private final Param router;
	private final Expert[] experts;
	private final Expert[] shared;
	private final Param w2;
	private final Param b2;
	private final List<Param> params = new ArrayList<>();

	public MoeMlp(int features, int classes, ModelConfig cfg, RoutingStrategy strategy, Rng rng) {
		this.cfg = cfg;
		this.strategy = strategy;
		int h = cfg.hidden();
		w1 = new Param("W1", rng.gaussianMatrix(h, features, 1.0 / Math.sqrt(features)));
		b1 = new Param("b1", new double[1][h]);
		int width = strategy.routerWidth(cfg.experts());
		router = width == 0 ? null : new Param("Wr", rng.gaussianMatrix(width, h, 0.01 / Math.sqrt(h)));
		experts = new Expert[cfg.experts()];
		for (int e = 0; e < experts.length; e++) {
			experts[e] = new Expert("E" + e, h, cfg.expertHidden(), rng);
		}
		shared = new Expert[cfg.sharedExperts()];
		for (int s = 0; s < shared.length; s++) {
			shared[s] = new Expert("S" + s, h, cfg.sharedHidden(), rng);
		}
		w2 = new Param("W2", rng.gaussianMatrix(classes, h, 1.0 / Math.sqrt(h)));
		b2 = new Param("b2", new double[1][classes]);
		params.add(w1);
		params.add(b1);
		if (router != null) {
			params.add(router);
		}
		for (Expert e : experts) {
			e.addTo(params);
		}
		for (Expert s : shared) {
			s.addTo(params);
		}
		params.add(w2);
		params.add(b2);
	}

	public List<Param> params() {
		return params;
	}

	public RoutingStrategy strategy() {
		return strategy;
	}

	public ModelConfig config() {
		return cfg;
	}

	/** Everything the backward pass needs from one forward pass. */
	public static final class Cache {
		double[][] x;
		double[][] a1;
		double[][] h;
		/** gelu'(a1), computed with h. */
		double[][] dGelu;
		public Routing routing;
		Expert.Pass[] passes;
		Expert.Pass[] sharedPasses;
		double[][] o;
		/** Output logits (T×C). */
		public double[][] logits;
		/** softmax(logits) per row. */
		public double[][] probs;
	}

	public Cache forward(double[][] x, RouteContext ctx, boolean disableShared) {
		Cache c = new Cache();
		c.x = x;
		c.a1 = Kernels.matmulABt(x, w1.packed);
		Kernels.addBias(c.a1, b1.w[0]);
		c.dGelu = new double[x.length][];
		c.h = Kernels.gelu(c.a1, c.dGelu);
		double[][] routerOut = router == null ? null : Kernels.matmulABt(c.h, router.packed);
		c.routing = ctx.forcedExpert() >= 0
				? forced(x.length, ctx.forcedExpert())
				: strategy.route(routerOut, cfg.experts(), ctx);
		int tokens = x.length;
		c.o = Kernels.copy(c.h);
		c.passes = new Expert.Pass[experts.length];
		for (int e = 0; e < experts.length; e++) {
			int count = 0;
			for (int t = 0; t < tokens; t++) {
				if (c.routing.executed[t][e]) {
					count++;
				}
			}
			if (count == 0) {
				continue;
			}
			int[] rows = new int[count];
			int k = 0;
			for (int t = 0; t < tokens; t++) {
				if (c.routing.executed[t][e]) {
					rows[k++] = t;
				}
			}
			Expert.Pass p = experts[e].forward(rows, c.h);
			c.passes[e] = p;
			for (int i = 0; i < rows.length; i++) {
				double w = c.routing.gate[rows[i]][e];
				double[] ot = c.o[rows[i]];
				for (int j = 0; j < ot.length; j++) {
					ot[j] += w * p.out[i][j];
				}
			}
		}
		c.sharedPasses = new Expert.Pass[disableShared ? 0 : shared.length];
		int[] all = new int[tokens];
		for (int t = 0; t < tokens; t++) {
			all[t] = t;
		}
		for (int s = 0; s < c.sharedPasses.length; s++) {
			Expert.Pass p = shared[s].forward(all, c.h);
			c.sharedPasses[s] = p;
			for (int t = 0; t < tokens; t++) {
				for (int j = 0; j < c.o[t].length; j++) {
					c.o[t][j] += p.out[t][j];
				}
			}
		}
		c.logits = Kernels.matmulABt(c.o, w2.packed);
		Kernels.addBias(c.logits, b2.w[0]);
		c.probs = new double[tokens][];
		for (int t = 0; t < tokens; t++) {
			c.probs[t] = Kernels.softmax(c.logits[t]);
		}
		return c;
	}

	private Routing forced(int tokens, int expert) {
		Routing r = new Routing(null, null, tokens, cfg.experts());
		for (int t = 0; t < tokens; t++) {
			r.requested[t] = new int[]{expert};
			r.execute(t, expert, 1.0);
		}
		return r;
	}

	/**
	 * Backward pass; {@code dLogits} is the gradient of the total loss on the logits and {@code rg} holds
	 * the auxiliary-loss gradients on the routing (may be null). Gradients accumulate into the params.
	 */
	public void backward(Cache c, double[][] dLogits, RouterGrad rg) {
		int tokens = c.x.length;
		Kernels.addAtB(dLogits, c.o, w2.g);
		Kernels.addColumnSums(dLogits, b2.g[0]);
		double[][] dO = Kernels.matmulAB(dLogits, w2.packed);
		double[][] dH = Kernels.copy(dO);
		Routing r = c.routing;
		int width = router == null ? 0 : router.w.length;
		RouterGrad grad = rg != null ? rg : new RouterGrad(tokens, cfg.experts(), width);
		for (int e = 0; e < experts.length; e++) {
			Expert.Pass p = c.passes[e];
			if (p == null) {
				continue;
			}
			double[][] dOut = new double[p.rows.length][];
			for (int i = 0; i < p.rows.length; i++) {
				int t = p.rows[i];
				double w = r.gate[t][e];
				grad.dGate[t][e] += Kernels.dot(dO[t], p.out[i]);
				dOut[i] = new double[dO[t].length];
				for (int j = 0; j < dOut[i].length; j++) {
					dOut[i][j] = w * dO[t][j];
				}
			}
			double[][] dIn = experts[e].backward(p, dOut);
			for (int i = 0; i < p.rows.length; i++) {
				double[] dh = dH[p.rows[i]];
				for (int j = 0; j < dh.length; j++) {
					dh[j] += dIn[i][j];
				}
			}
		}
		for (int s = 0; s < c.sharedPasses.length; s++) {
			double[][] dIn = shared[s].backward(c.sharedPasses[s], dO);
			for (int t = 0; t < tokens; t++) {
				for (int j = 0; j < dH[t].length; j++) {
					dH[t][j] += dIn[t][j];
				}
			}
		}
		if (router != null) {
			double[][] dR = strategy.backward(r, grad);
			Kernels.addAtB(dR, c.h, router.g);
			double[][] dHr = Kernels.matmulAB(dR, router.packed);
			for (int t = 0; t < tokens; t++) {
				for (int j = 0; j < dH[t].length; j++) {
					dH[t][j] += dHr[t][j];
				}
			}
		}
		double[][] dA1 = Kernels.hadamard(dH, c.dGelu);
		Kernels.addAtB(dA1, c.x, w1.g);
		Kernels.addColumnSums(dA1, b1.g[0]);
	}

	/**
	 * Mean cross-entropy of a forward pass and its gradient on the logits, scaled by {@code scale}
	 * (e.g. 1/accumulation steps). Returns the mean CE (unscaled).
	 */
	public static double crossEntropy(Cache c, int[] labels, double scale, double[][] dLogitsOut) {
		int tokens = labels.length;
		double loss = 0;
		for (int t = 0; t < tokens; t++) {
			double[] p = c.probs[t];
			loss -= Math.log(Math.max(p[labels[t]], 1e-300));
			for (int j = 0; j < p.length; j++) {
				dLogitsOut[t][j] += scale * (p[j] - (j == labels[t] ? 1.0 : 0.0)) / tokens;
			}
		}
		return loss / tokens;
	}

	/** Parameters of one routed expert (for the activated-parameter ratio). */
	public int routedExpertSize() {
		return cfg.hidden() * cfg.expertHidden() * 2 + cfg.expertHidden() + cfg.hidden();
	}

	public int sharedSize() {
		return shared.length * (cfg.hidden() * cfg.sharedHidden() * 2 + cfg.sharedHidden() + cfg.hidden());
	}
}
