package org.scriptorium.search;

/**
 * Ranking preferences; every query may carry its own. The defaults are the best-evaluated setting (see
 * {@code docs/QUALITY.md}): citation-aware re-ranking of Anserini's BM25 (k1 0.9, b 0.4) over one flat
 * title+abstract field.
 *
 * @param ranker        BM25 only, or citation-aware
 * @param multifield    score title and abstract as separate BM25 fields (weights below) instead of one flat field
 * @param k1            BM25 term-frequency saturation
 * @param b             BM25 length normalisation
 * @param titleWeight   multifield: weight of the title field
 * @param abstractWeight multifield: weight of the abstract field
 * @param priorWeight   citation-aware: weight of the prior {@code 0.5 ln(1 + cited-by) + 0.5 max(0, ln(n · PageRank))}
 * @param graphWeight   citation-aware: weight of the mass propagated from the top text hits (normalised to [0, 1])
 * @param seedHits      citation-aware: how many top text hits seed the propagation
 * @param candidates    citation-aware: how many text hits are re-ranked
 * @param retrieval     the first stage: BM25, dense or hybrid (the citation-aware part composes with each)
 */
public record RankingSettings(Ranker ranker, boolean multifield, float k1, float b, float titleWeight,
		float abstractWeight, double priorWeight, double graphWeight, int seedHits, int candidates,
		Retrieval retrieval) {

	/** Anserini's BM25 parameters. */
	public static final float ANSERINI_K1 = 0.9f, ANSERINI_B = 0.4f;

	public RankingSettings {
		if (!(k1 >= 0) || !(b >= 0 && b <= 1) || !(titleWeight >= 0) || !(abstractWeight >= 0) || !(priorWeight >= 0)
				|| !(graphWeight >= 0) || seedHits < 0 || candidates < 1 || retrieval == null) {
			throw new IllegalArgumentException("invalid ranking settings"); //$NON-NLS-1$
		}
	}

	/** Lexical (BM25) first stage. */
	public RankingSettings(Ranker ranker, boolean multifield, float k1, float b, float titleWeight,
			float abstractWeight, double priorWeight, double graphWeight, int seedHits, int candidates) {
		this(ranker, multifield, k1, b, titleWeight, abstractWeight, priorWeight, graphWeight, seedHits, candidates,
				Retrieval.LEXICAL);
	}

	/**
	 * Citation-aware over flat BM25 with k1 0.9, b 0.4 (Anserini's setting); prior weight 0.1, graph weight 0.2, the
	 * top 10 text hits as seeds, the top 30 re-ranked. Without citation edges this ranks exactly like BM25.
	 */
	public static RankingSettings defaults() {
		return new RankingSettings(Ranker.CITATION, false, ANSERINI_K1, ANSERINI_B, 1f, 1f, 0.1, 0.2, 10, 30);
	}

	public RankingSettings withRanker(Ranker value) {
		return new RankingSettings(value, multifield, k1, b, titleWeight, abstractWeight, priorWeight, graphWeight,
				seedHits, candidates, retrieval);
	}

	public RankingSettings withMultifield(boolean value, float title, float abstractW) {
		return new RankingSettings(ranker, value, k1, b, title, abstractW, priorWeight, graphWeight, seedHits,
				candidates, retrieval);
	}

	public RankingSettings withBm25(float newK1, float newB) {
		return new RankingSettings(ranker, multifield, newK1, newB, titleWeight, abstractWeight, priorWeight,
				graphWeight, seedHits, candidates, retrieval);
	}

	public RankingSettings withCitationWeights(double prior, double graph) {
		return new RankingSettings(ranker, multifield, k1, b, titleWeight, abstractWeight, prior, graph, seedHits,
				candidates, retrieval);
	}

	public RankingSettings withRetrieval(Retrieval value) {
		return new RankingSettings(ranker, multifield, k1, b, titleWeight, abstractWeight, priorWeight, graphWeight,
				seedHits, candidates, value);
	}

	/**
	 * These settings with the ranker of a spec: {@code citation} (citation-aware BM25), {@code bm25}, or a
	 * {@link Retrieval#parse retrieval spec} ({@code dense:M}, {@code rrf:M}, {@code convex:M[@W]}), optionally
	 * prefixed by {@code citation+} to add the citation-aware part, e.g. {@code citation+convex:bge-small}.
	 *
	 * @throws IllegalArgumentException with a sentence naming what is wrong
	 */
	public RankingSettings withRankerSpec(String spec) {
		String s = spec.strip().toLowerCase(java.util.Locale.ROOT);
		if (s.equals("citation") || s.equals("citation-aware")) { //$NON-NLS-1$ //$NON-NLS-2$
			return withRanker(Ranker.CITATION).withRetrieval(Retrieval.LEXICAL);
		}
		if (s.startsWith("citation+")) { //$NON-NLS-1$
			return withRanker(Ranker.CITATION).withRetrieval(Retrieval.parse(s.substring("citation+".length()))); //$NON-NLS-1$
		}
		return withRanker(Ranker.BM25).withRetrieval(Retrieval.parse(s));
	}

	/** The spec {@link #withRankerSpec} reads back. */
	public String rankerSpec() {
		if (ranker == Ranker.CITATION) {
			return retrieval.equals(Retrieval.LEXICAL) ? "citation" : "citation+" + retrieval.spec(); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return retrieval.spec();
	}
}
