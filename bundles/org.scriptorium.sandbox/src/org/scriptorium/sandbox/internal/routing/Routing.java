package org.scriptorium.sandbox.internal.routing;

import org.scriptorium.sandbox.internal.math.Kernels;

/**
 * The routing decision for one batch of T tokens over N routed experts. Shared experts are not part of
 * it. Arrays are dense T×N because N is small in the sandbox.
 */
public final class Routing {

	/** Raw router outputs (T × router width), or null for router-free strategies. */
	public final double[][] routerOut;
	/** Full router softmax over the N routed experts, before any top-k (null if there is no router). */
	public final double[][] probs;
	/** Gate weight of every executed (token, expert) pair; 0 where the pair is not executed. */
	public final double[][] gate;
	/** Executed pairs, after capacity dropping. */
	public final boolean[][] executed;
	/** Requested experts per token in rank order, before capacity dropping (R in spec §3). */
	public final int[][] requested;
	/** Strategy-specific state kept for the backward pass. */
	Object state;

	public Routing(double[][] routerOut, double[][] probs, int tokens, int experts) {
		this.routerOut = routerOut;
		this.probs = probs;
		this.gate = Kernels.zeros(tokens, experts);
		this.executed = Kernels.falses(tokens, experts);
		this.requested = new int[tokens][];
	}

	public int tokens() {
		return gate.length;
	}

	public int experts() {
		return gate.length == 0 ? 0 : gate[0].length;
	}

	public void execute(int t, int e, double weight) {
		executed[t][e] = true;
		gate[t][e] = weight;
	}

	/** |S_t|, the number of experts executed for token t. */
	public int activeCount(int t) {
		int c = 0;
		for (boolean b : executed[t]) {
			if (b) {
				c++;
			}
		}
		return c;
	}

	/** Σ_t |requested_t|. */
	public int requestedCount() {
		int c = 0;
		for (int[] r : requested) {
			c += r == null ? 0 : r.length;
		}
		return c;
	}

	public int executedCount() {
		int c = 0;
		for (int t = 0; t < tokens(); t++) {
			c += activeCount(t);
		}
		return c;
	}

	/** Executed load l_i per expert. */
	public double[] load() {
		double[] l = new double[experts()];
		for (boolean[] row : executed) {
			for (int e = 0; e < row.length; e++) {
				if (row[e]) {
					l[e]++;
				}
			}
		}
		return l;
	}
}
