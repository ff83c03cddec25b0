package org.scriptorium.core.graph;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * PageRank over a {@link CitationGraph}: a paper is important when important papers cite it. Power iteration
 * with damping; the rank of papers without in-corpus references (dangling nodes) is spread uniformly. Scores sum
 * to 1; on a graph without edges every paper gets {@code 1/size()}. Large graphs are iterated on all cores, with a
 * result that does not depend on their number.
 */
public final class PageRank {

	/** The usual damping factor. */
	public static final double DEFAULT_DAMPING = 0.85;

	private PageRank() {
	}

	/** PageRank with damping 0.85, L1 tolerance 1e-9 and at most 100 iterations. */
	public static double[] compute(CitationGraph g) {
		return compute(g, DEFAULT_DAMPING, 1e-9, 100, () -> false);
	}

	/**
	 * PageRank by power iteration.
	 *
	 * @param canceled polled once per iteration; when it answers {@code true} the current estimate is returned
	 */
	public static double[] compute(CitationGraph g, double damping, double tolerance, int maxIterations,
			BooleanSupplier canceled) {
		int n = g.size();
		if (n == 0) {
			return new double[0];
		}
		double[] rank = new double[n];
		Arrays.fill(rank, 1.0 / n);
		double[] contrib = new double[n];
		double[] next = new double[n];
		int chunks = Math.max(1, Math.min(256, n / 8192));
		for (int it = 0; it < maxIterations && !canceled.getAsBoolean(); it++) {
			double dangling = 0;
			for (int u = 0; u < n; u++) {
				int out = g.referenceCount(u);
				if (out == 0) {
					dangling += rank[u];
					contrib[u] = 0;
				} else {
					contrib[u] = rank[u] / out;
				}
			}
			double base = (1 - damping) / n + damping * dangling / n;
			// pull along cited-by rows in fixed chunks, in parallel; the result does not depend on the thread count
			double[] deltas = new double[chunks];
			final double[] r = rank, out = next;
			IntStream.range(0, chunks).parallel().forEach(c -> {
				int from = (int) ((long) n * c / chunks), to = (int) ((long) n * (c + 1) / chunks);
				double d = 0;
				for (int v = from; v < to; v++) {
					double sum = 0;
					for (int p = g.citedByStart(v), end = g.citedByEnd(v); p < end; p++) {
						sum += contrib[g.citedBySource(p)];
					}
					out[v] = base + damping * sum;
					d += Math.abs(out[v] - r[v]);
				}
				deltas[c] = d;
			});
			double delta = 0;
			for (double d : deltas) {
				delta += d;
			}
			double[] t = rank;
			rank = next;
			next = t;
			if (delta < tolerance) {
				break;
			}
		}
		return rank;
	}

	/**
	 * Personalized PageRank by a few push steps from a sparse seed distribution (e.g. the normalised scores of the
	 * top text hits): {@code r = restart * seed + (1 - restart) * W r}, iterated {@code steps} times from
	 * {@code r = seed}, where {@code W} spreads a node's mass evenly over its neighbours in the given direction.
	 * Mass that reaches a node without neighbours stays there. Returns the non-zero entries.
	 *
	 * @param seeds     node → non-negative weight (need not sum to 1)
	 * @param direction which edges carry mass
	 */
	public static Map<Integer, Double> personalized(CitationGraph g, Map<Integer, Double> seeds, double restart,
			int steps, Direction direction) {
		Map<Integer, Double> r = new HashMap<>(seeds);
		for (int s = 0; s < steps; s++) {
			Map<Integer, Double> next = new HashMap<>();
			seeds.forEach((k, v) -> next.merge(k, restart * v, Double::sum));
			for (Map.Entry<Integer, Double> e : r.entrySet()) {
				int u = e.getKey();
				double mass = (1 - restart) * e.getValue();
				int deg = direction.degree(g, u);
				if (deg == 0) {
					next.merge(u, mass, Double::sum);
					continue;
				}
				double share = mass / deg;
				direction.forEachNeighbour(g, u, v -> next.merge(v, share, Double::sum));
			}
			r = next;
		}
		return r;
	}
}
