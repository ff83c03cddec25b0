package org.scriptorium.core.preferences;

/**
 * Keys and default values of Scriptorium's preferences. They live in the instance scope node {@link #QUALIFIER}; the
 * defaults are set by the core's preference initializer, the preference pages of the UI edit them, and the search,
 * the Papers view and the sandbox launcher read them. The default ranking values are the best-evaluated setting
 * (see {@code docs/QUALITY.md}): citation-aware ranking on top of Anserini's BM25 (k1 0.9, b 0.4) over one flat
 * title+abstract field; with no citations it ranks exactly like that BM25.
 *
 * @noinstantiate This class is not intended to be instantiated by clients.
 */
public final class CorePreferences {

	/** The preference node: the core bundle's symbolic name. */
	public static final String QUALIFIER = "org.scriptorium.core"; //$NON-NLS-1$

	/** Folder of the paper index; empty means the workspace metadata area. */
	public static final String INDEX_LOCATION = "index.location"; //$NON-NLS-1$
	public static final String DEFAULT_INDEX_LOCATION = ""; //$NON-NLS-1$

	/** The corpus the Papers view opens: empty for the built-in default corpus, else a corpus file path. */
	public static final String DEFAULT_CORPUS = "corpus.default"; //$NON-NLS-1$
	public static final String DEFAULT_DEFAULT_CORPUS = ""; //$NON-NLS-1$

	/**
	 * Ranking, as a ranker spec: {@code citation}, {@code bm25}, or a dense or hybrid first stage {@code dense:MODEL},
	 * {@code rrf:MODEL}, {@code convex:MODEL[@WEIGHT]}, optionally prefixed by {@code citation+}.
	 */
	public static final String RANKER = "search.ranker"; //$NON-NLS-1$
	public static final String DEFAULT_RANKER = "citation"; //$NON-NLS-1$

	/**
	 * The embedding models whose vectors the paper index holds (for dense and hybrid rankers): {@code *} for every
	 * installed model, else their ids separated by commas (empty: none).
	 */
	public static final String DENSE_MODELS = "search.dense.models"; //$NON-NLS-1$
	public static final String DEFAULT_DENSE_MODELS = "*"; //$NON-NLS-1$

	/** BM25 over title and abstract as separate weighted fields instead of one flat field. */
	public static final String MULTIFIELD = "search.multifield"; //$NON-NLS-1$
	public static final boolean DEFAULT_MULTIFIELD = false;

	/** BM25 term-frequency saturation k1 (Anserini: 0.9). */
	public static final String BM25_K1 = "search.bm25.k1"; //$NON-NLS-1$
	public static final double DEFAULT_BM25_K1 = 0.9;

	/** BM25 length normalisation b (Anserini: 0.4). */
	public static final String BM25_B = "search.bm25.b"; //$NON-NLS-1$
	public static final double DEFAULT_BM25_B = 0.4;

	/** Multifield BM25: weight of the title field. */
	public static final String TITLE_WEIGHT = "search.weight.title"; //$NON-NLS-1$
	public static final double DEFAULT_TITLE_WEIGHT = 1.0;

	/** Multifield BM25: weight of the abstract field. */
	public static final String ABSTRACT_WEIGHT = "search.weight.abstract"; //$NON-NLS-1$
	public static final double DEFAULT_ABSTRACT_WEIGHT = 1.0;

	/** Citation-aware ranking: weight of the citation prior (PageRank / cited-by). */
	public static final String PRIOR_WEIGHT = "search.weight.prior"; //$NON-NLS-1$
	public static final double DEFAULT_PRIOR_WEIGHT = 0.1;

	/** Citation-aware ranking: weight of the propagation from the top text hits. */
	public static final String GRAPH_WEIGHT = "search.weight.graph"; //$NON-NLS-1$
	public static final double DEFAULT_GRAPH_WEIGHT = 0.2;

	/** Sandbox: wall-clock limit of one run, in seconds. */
	public static final String SANDBOX_TIMEOUT = "sandbox.timeoutSeconds"; //$NON-NLS-1$
	public static final int DEFAULT_SANDBOX_TIMEOUT = 600;

	/** Sandbox: maximum heap of a run's child JVM, in MiB. */
	public static final String SANDBOX_HEAP = "sandbox.maxHeapMb"; //$NON-NLS-1$
	public static final int DEFAULT_SANDBOX_HEAP = 1024;

	/** Sandbox: how many runs of a sweep may run at once. */
	public static final String SANDBOX_PARALLEL = "sandbox.parallelRuns"; //$NON-NLS-1$
	public static final int DEFAULT_SANDBOX_PARALLEL = 2;

	/** Sandbox: whether experiments may start external commands (e.g. a Python script); off unless allowed. */
	public static final String SANDBOX_ALLOW_EXTERNAL = "sandbox.allowExternal"; //$NON-NLS-1$
	public static final boolean DEFAULT_SANDBOX_ALLOW_EXTERNAL = false;

	private CorePreferences() {
	}
}
