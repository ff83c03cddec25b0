package org.scriptorium.search;

/** How hits are ranked. */
public enum Ranker {
	/** BM25 text score only. */
	BM25,
	/** BM25 fused with citation evidence: a PageRank / cited-by prior and propagation from the top text hits. */
	CITATION;

	/** Parses {@code bm25} or {@code citation} (case-insensitive). */
	public static Ranker parse(String s) {
		return switch (s.toLowerCase(java.util.Locale.ROOT)) {
			case "bm25" -> BM25; //$NON-NLS-1$
			case "citation", "citation-aware" -> CITATION; //$NON-NLS-1$ //$NON-NLS-2$
			default -> throw new IllegalArgumentException("unknown ranker '" + s + "' (expected bm25 or citation)"); //$NON-NLS-1$ //$NON-NLS-2$
		};
	}
}
