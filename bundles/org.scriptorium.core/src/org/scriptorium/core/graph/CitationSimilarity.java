package org.scriptorium.core.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Structural similarity of two papers: <b>co-citation</b> (how often they are cited together, Salton's cosine
 * {@code |C(a) ∩ C(b)| / sqrt(|C(a)| |C(b)|)} over their citing sets) and <b>bibliographic coupling</b> (how many
 * references they share, each weighted by Adamic/Adar {@code 1 / ln(|cited-by(r)|)} so that a widely cited
 * reference counts less).
 */
public final class CitationSimilarity {

	private final CitationGraph g;

	public CitationSimilarity(CitationGraph graph) {
		this.g = graph;
	}

	/** Salton co-citation similarity in [0, 1]; 0 when either paper is uncited. */
	public double coCitation(int a, int b) {
		int da = g.citedByCount(a);
		int db = g.citedByCount(b);
		if (da == 0 || db == 0 || a == b) {
			return a == b && da > 0 ? 1 : 0;
		}
		int common = 0;
		int i = g.citedByStart(a), ie = g.citedByEnd(a), j = g.citedByStart(b), je = g.citedByEnd(b);
		while (i < ie && j < je) {
			int x = g.citedBySource(i), y = g.citedBySource(j);
			if (x == y) {
				common++;
				i++;
				j++;
			} else if (x < y) {
				i++;
			} else {
				j++;
			}
		}
		return common / Math.sqrt((double) da * db);
	}

	/** Adamic/Adar bibliographic coupling: the sum over shared references r of {@code 1 / ln(cited-by(r))}. */
	public double coupling(int a, int b) {
		if (a == b) {
			return 0;
		}
		double s = 0;
		int i = g.refStart(a), ie = g.refEnd(a), j = g.refStart(b), je = g.refEnd(b);
		while (i < ie && j < je) {
			int x = g.refTarget(i), y = g.refTarget(j);
			if (x == y) {
				s += adamicAdar(x);
				i++;
				j++;
			} else if (x < y) {
				i++;
			} else {
				j++;
			}
		}
		return s;
	}

	private double adamicAdar(int sharedReference) {
		// two papers cite it, so its in-degree is at least 2 and the logarithm positive
		return 1 / Math.log(Math.max(2, g.citedByCount(sharedReference)));
	}

	/** The papers most often co-cited with {@code a}, best first (ties by node number). */
	public List<ScoredPaper> topCoCited(int a, int k) {
		Map<Integer, Integer> common = new HashMap<>();
		for (int p = g.citedByStart(a), pe = g.citedByEnd(a); p < pe; p++) {
			int citing = g.citedBySource(p);
			for (int q = g.refStart(citing), qe = g.refEnd(citing); q < qe; q++) {
				int b = g.refTarget(q);
				if (b != a) {
					common.merge(b, 1, Integer::sum);
				}
			}
		}
		double da = g.citedByCount(a);
		List<ScoredPaper> out = new ArrayList<>(common.size());
		common.forEach((b, c) -> out.add(new ScoredPaper(b, g.idOf(b), c / Math.sqrt(da * g.citedByCount(b)))));
		return top(out, k);
	}

	/** The papers sharing the most (Adamic/Adar weighted) references with {@code a}, best first. */
	public List<ScoredPaper> topCoupled(int a, int k) {
		Map<Integer, Double> score = new HashMap<>();
		for (int p = g.refStart(a), pe = g.refEnd(a); p < pe; p++) {
			int r = g.refTarget(p);
			if (g.citedByCount(r) < 2) {
				continue;
			}
			double w = adamicAdar(r);
			for (int q = g.citedByStart(r), qe = g.citedByEnd(r); q < qe; q++) {
				int b = g.citedBySource(q);
				if (b != a) {
					score.merge(b, w, Double::sum);
				}
			}
		}
		List<ScoredPaper> out = new ArrayList<>(score.size());
		score.forEach((b, s) -> out.add(new ScoredPaper(b, g.idOf(b), s)));
		return top(out, k);
	}

	static List<ScoredPaper> top(List<ScoredPaper> all, int k) {
		all.sort(Comparator.comparingDouble(ScoredPaper::score).reversed().thenComparingInt(ScoredPaper::node));
		return List.copyOf(all.subList(0, Math.min(k, all.size())));
	}
}
