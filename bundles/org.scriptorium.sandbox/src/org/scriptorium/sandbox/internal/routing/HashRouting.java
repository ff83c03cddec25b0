package org.scriptorium.sandbox.internal.routing;

import java.util.Arrays;

import org.scriptorium.sandbox.internal.math.Rng;

/**
 * Hash layers, Roller et al., arXiv 2106.04426 (not in the seed corpus) [memory, spec §1.19]: a fixed,
 * parameter-free map {@code expert(t) = h(token_id)}, top-1, output {@code E_{h(t)}(x)} with no gate
 * weight (weight 1).
 * <ul>
 * <li>{@code random}: each token id gets a uniformly random expert (a random hash), fixed per seed.</li>
 * <li>{@code balanced}: token ids sorted by training frequency (descending) are assigned greedily to the
 * currently least-loaded expert, which equalises the expected load.</li>
 * </ul>
 */
public final class HashRouting implements RoutingStrategy {

	public static final String ARXIV = "2106.04426";

	private final int[] table;
	private final boolean balanced;

	private HashRouting(int[] table, boolean balanced) {
		this.table = table;
		this.balanced = balanced;
	}

	public static HashRouting random(int vocab, int experts, Rng rng) {
		int[] table = new int[vocab];
		for (int v = 0; v < vocab; v++) {
			table[v] = rng.nextInt(experts);
		}
		return new HashRouting(table, false);
	}

	/** @param frequency training frequency of every token id */
	public static HashRouting balanced(long[] frequency, int experts) {
		Integer[] ids = new Integer[frequency.length];
		for (int v = 0; v < ids.length; v++) {
			ids[v] = v;
		}
		Arrays.sort(ids, (a, b) -> {
			int c = Long.compare(frequency[b], frequency[a]);
			return c != 0 ? c : Integer.compare(a, b);
		});
		long[] load = new long[experts];
		int[] table = new int[frequency.length];
		for (int v : ids) {
			int best = 0;
			for (int e = 1; e < experts; e++) {
				if (load[e] < load[best]) {
					best = e;
				}
			}
			table[v] = best;
			load[best] += frequency[v];
		}
		return new HashRouting(table, true);
	}

	public int expertOf(int tokenId) {
		return table[tokenId];
	}

	@Override
	public String name() {
		return balanced ? "hash-balanced" : "hash-random";
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
		int[] ids = ctx.tokenIds();
		return FixedRouting.oneExpert(ids.length, experts, t -> table[ids[t]]);
	}

	@Override
	public double[][] backward(Routing routing, RouterGrad grad) {
		return null;
	}
}
