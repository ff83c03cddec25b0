package org.scriptorium.search.internal.eval;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.scriptorium.search.internal.SearchCore.ScoredId;

/**
 * Features of a query known before fusion, for choosing a fusion weight per query ({@link CrossValidation#adaptive}):
 * its length, how far BM25's first hit is ahead of its second, and how much the lexical and the dense first hits
 * agree.
 */
public final class QueryFeatures {

	/** Hits compared by {@link #agreement}. */
	public static final int TOP = 10;

	private QueryFeatures() {
	}

	/** Words of the query (runs of letters or digits). */
	public static double length(String text) {
		int n = 0;
		for (String w : text.split("[^\\p{L}\\p{N}]+")) { //$NON-NLS-1$
			n += w.isEmpty() ? 0 : 1;
		}
		return n;
	}

	/** BM25's confidence: {@code (s1 - s2) / s1} of a BM25 run's first two scores; 0 with fewer than two hits. */
	public static double margin(List<ScoredId> bm25) {
		if (bm25.size() < 2 || bm25.get(0).score() <= 0) {
			return 0;
		}
		return (bm25.get(0).score() - bm25.get(1).score()) / bm25.get(0).score();
	}

	/** The share of the first {@link #TOP} hits two runs have in common (0 to 1). */
	public static double agreement(List<ScoredId> a, List<ScoredId> b) {
		Set<String> top = new HashSet<>();
		a.stream().limit(TOP).forEach(h -> top.add(h.id()));
		return b.stream().limit(TOP).filter(h -> top.contains(h.id())).count() / (double) TOP;
	}
}
