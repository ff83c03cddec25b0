package org.scriptorium.sandbox.internal.routing;

import java.util.Arrays;

/**
 * Balanced assignments of T tokens to N experts, each expert taking at most {@code ceil(T/N)} tokens and every token
 * exactly one expert, maximising {@code Σ_t score[t][a(t)]} (BASE layers, Lewis et al., arXiv 2103.16716).
 * <ul>
 * <li>{@link #exact}: the optimum, by the Hungarian algorithm (shortest augmenting paths with potentials, O(T²·N·C))
 * on T tokens × N·C expert slots. The paper solves the same problem with an auction algorithm; both give an optimal
 * assignment (ties may differ).</li>
 * <li>{@link #greedy}: all (token, expert) scores in descending order (ties by token, then expert); a pair is taken
 * when the token is free and the expert has room. Fast, not optimal.</li>
 * </ul>
 * {@link #assign} uses the exact one up to {@value #EXACT_MAX_TOKENS} tokens and the greedy one beyond.
 */
public final class BalancedAssignment {

	/** Largest batch assigned exactly by {@link #assign}. */
	public static final int EXACT_MAX_TOKENS = 512;

	private BalancedAssignment() {
	}

	/** The exact assignment for at most {@value #EXACT_MAX_TOKENS} tokens, the greedy one beyond. */
	public static int[] assign(double[][] scores, int experts) {
		return scores.length <= EXACT_MAX_TOKENS ? exact(scores, experts) : greedy(scores, experts);
	}

	/** Total score of an assignment. */
	public static double total(double[][] scores, int[] assignment) {
		double s = 0;
		for (int t = 0; t < assignment.length; t++) {
			s += scores[t][assignment[t]];
		}
		return s;
	}

	/** An optimal balanced assignment (Hungarian algorithm on tokens × expert slots, minimising −score). */
	public static int[] exact(double[][] scores, int experts) {
		int n = scores.length;
		if (n == 0) {
			return new int[0];
		}
		int cap = (n + experts - 1) / experts;
		int m = experts * cap; // slot s belongs to expert s / cap
		double[] u = new double[n + 1];
		double[] v = new double[m + 1];
		int[] p = new int[m + 1]; // token (1-based) in slot j, 0 = free
		int[] way = new int[m + 1];
		double[] minv = new double[m + 1];
		boolean[] used = new boolean[m + 1];
		for (int i = 1; i <= n; i++) {
			p[0] = i;
			int j0 = 0;
			Arrays.fill(minv, Double.POSITIVE_INFINITY);
			Arrays.fill(used, false);
			do {
				used[j0] = true;
				int i0 = p[j0];
				double[] row = scores[i0 - 1];
				double delta = Double.POSITIVE_INFINITY;
				int j1 = 0;
				for (int j = 1; j <= m; j++) {
					if (!used[j]) {
						double cur = -row[(j - 1) / cap] - u[i0] - v[j];
						if (cur < minv[j]) {
							minv[j] = cur;
							way[j] = j0;
						}
						if (minv[j] < delta) {
							delta = minv[j];
							j1 = j;
						}
					}
				}
				for (int j = 0; j <= m; j++) {
					if (used[j]) {
						u[p[j]] += delta;
						v[j] -= delta;
					} else {
						minv[j] -= delta;
					}
				}
				j0 = j1;
			} while (p[j0] != 0);
			do {
				int j1 = way[j0];
				p[j0] = p[j1];
				j0 = j1;
			} while (j0 != 0);
		}
		int[] assign = new int[n];
		for (int j = 1; j <= m; j++) {
			if (p[j] != 0) {
				assign[p[j] - 1] = (j - 1) / cap;
			}
		}
		return assign;
	}

	/** The greedy balanced assignment; every token gets exactly one expert. */
	public static int[] greedy(double[][] scores, int experts) {
		int tokens = scores.length;
		int cap = (tokens + experts - 1) / experts;
		Integer[] order = new Integer[tokens * experts];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		Arrays.sort(order, (a, b) -> {
			int c = Double.compare(scores[b / experts][b % experts], scores[a / experts][a % experts]);
			return c != 0 ? c : Integer.compare(a, b);
		});
		int[] assign = new int[tokens];
		Arrays.fill(assign, -1);
		int[] fill = new int[experts];
		for (int idx : order) {
			int t = idx / experts;
			int e = idx % experts;
			if (assign[t] < 0 && fill[e] < cap) {
				assign[t] = e;
				fill[e]++;
			}
		}
		return assign;
	}
}
