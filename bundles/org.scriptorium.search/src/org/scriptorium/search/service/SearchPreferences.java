package org.scriptorium.search.service;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IPreferencesService;
import org.eclipse.osgi.util.NLS;
import org.scriptorium.search.RankingSettings;
import org.scriptorium.search.TextEncoder;
import org.scriptorium.search.internal.service.Messages;

/**
 * The search preferences: their keys and defaults in the instance scope node {@link #QUALIFIER} (defaults set by the
 * search bundle's preference initializer, edited by the preference pages of the UI), and reading them into the search
 * engine's settings. The default ranking values are the best-evaluated setting (see {@code docs/QUALITY.md}):
 * citation-aware ranking on top of Anserini's BM25 (k1 0.9, b 0.4) over one flat title+abstract field; with no
 * citations it ranks exactly like that BM25.
 *
 * @noinstantiate This class is not intended to be instantiated by clients.
 */
public final class SearchPreferences {

	/** The preference node: the search bundle's symbolic name. */
	public static final String QUALIFIER = "org.scriptorium.search"; //$NON-NLS-1$

	/** Folder of the paper indexes; empty means the workspace metadata area. */
	public static final String INDEX_LOCATION = "index.location"; //$NON-NLS-1$
	public static final String DEFAULT_INDEX_LOCATION = ""; //$NON-NLS-1$

	/**
	 * Ranking, as a ranker spec: {@code citation}, {@code bm25}, or a dense or hybrid first stage {@code dense:MODEL},
	 * {@code rrf:MODEL}, {@code convex:MODEL[@WEIGHT]}, optionally prefixed by {@code citation+}.
	 */
	public static final String RANKER = "search.ranker"; //$NON-NLS-1$
	public static final String DEFAULT_RANKER = "citation"; //$NON-NLS-1$

	/**
	 * The embedding models whose vectors the paper index holds ahead of use (for dense and hybrid rankers): {@code *}
	 * for every installed model, else their ids separated by commas (empty: none). The index also holds the models of
	 * the preferred ranker, and a search adds the model it asks for in a background job; so by default (none) no CPU
	 * is spent embedding with a model nothing uses.
	 */
	public static final String DENSE_MODELS = "search.dense.models"; //$NON-NLS-1$
	public static final String DEFAULT_DENSE_MODELS = ""; //$NON-NLS-1$

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

	/** Every key of this node (what earlier versions kept in the core's node). */
	public static final List<String> KEYS = List.of(INDEX_LOCATION, RANKER, DENSE_MODELS, MULTIFIELD, BM25_K1, BM25_B,
			TITLE_WEIGHT, ABSTRACT_WEIGHT, PRIOR_WEIGHT, GRAPH_WEIGHT);

	/**
	 * The ranker preference warned about last, so that search as you type logs a bad value once (also when the
	 * index job and a search read the preference at the same moment).
	 */
	private static final AtomicReference<String> WARNED = new AtomicReference<>();

	private SearchPreferences() {
	}

	/**
	 * The ranking the preferences ask for (defaults: citation-aware over Anserini's flat BM25). A ranker preference
	 * that is not a ranker spec, or that names an embedding model which is not installed, falls back to
	 * {@code citation} with a warning in the log.
	 */
	public static RankingSettings ranking() {
		IPreferencesService p = Platform.getPreferencesService();
		RankingSettings base = RankingSettings.defaults()
				.withBm25((float) p.getDouble(QUALIFIER, BM25_K1, DEFAULT_BM25_K1, null),
						(float) p.getDouble(QUALIFIER, BM25_B, DEFAULT_BM25_B, null))
				.withMultifield(p.getBoolean(QUALIFIER, MULTIFIELD, DEFAULT_MULTIFIELD, null),
						(float) p.getDouble(QUALIFIER, TITLE_WEIGHT, DEFAULT_TITLE_WEIGHT, null),
						(float) p.getDouble(QUALIFIER, ABSTRACT_WEIGHT, DEFAULT_ABSTRACT_WEIGHT, null))
				.withCitationWeights(p.getDouble(QUALIFIER, PRIOR_WEIGHT, DEFAULT_PRIOR_WEIGHT, null),
						p.getDouble(QUALIFIER, GRAPH_WEIGHT, DEFAULT_GRAPH_WEIGHT, null));
		String spec = p.getString(QUALIFIER, RANKER, DEFAULT_RANKER, null);
		try {
			RankingSettings settings = base.withRankerSpec(spec);
			List<String> missing = TextEncoders.missing(settings.retrieval().models());
			if (!missing.isEmpty()) {
				warnOnce(spec, NLS.bind(Messages.Preferences_rankerModelMissing,
						new Object[]{spec, String.join("', '", missing), installedIds()})); //$NON-NLS-1$
				return base.withRankerSpec(DEFAULT_RANKER);
			}
			return settings;
		} catch (IllegalArgumentException e) {
			warnOnce(spec, NLS.bind(Messages.Preferences_rankerInvalid, spec, e.getMessage()));
			return base.withRankerSpec(DEFAULT_RANKER);
		}
	}

	private static void warnOnce(String spec, String message) {
		if (!spec.equals(WARNED.getAndSet(spec))) {
			ILog.of(SearchPreferences.class).warn(message);
		}
	}

	/** The ids of the installed embedding models, for messages ("none" when there is none). */
	public static String installedIds() {
		List<TextEncoder> installed = TextEncoders.installed();
		return installed.isEmpty()
				? Messages.Encoders_none
				: installed.stream().map(TextEncoder::id).collect(Collectors.joining(", ")); //$NON-NLS-1$
	}

	/**
	 * The ids of the embedding models the preferences ask to index: every installed one for {@code *}, else those
	 * listed (installed or not).
	 */
	public static Set<String> denseModels() {
		String value = Platform.getPreferencesService().getString(QUALIFIER, DENSE_MODELS, DEFAULT_DENSE_MODELS, null);
		return parseModels(value);
	}

	/** The ids a {@link #DENSE_MODELS} value names. */
	public static Set<String> parseModels(String value) {
		String v = value == null ? "" : value.strip(); //$NON-NLS-1$
		if (v.equals("*")) { //$NON-NLS-1$
			return TextEncoders.installed().stream().map(TextEncoder::id)
					.collect(Collectors.toCollection(LinkedHashSet::new));
		}
		return Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()) //$NON-NLS-1$
				.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	/** The index folder the preferences name, or null for the default location. */
	public static String indexLocation() {
		String s = Platform.getPreferencesService().getString(QUALIFIER, INDEX_LOCATION, DEFAULT_INDEX_LOCATION, null);
		return s == null || s.isBlank() ? null : s.strip();
	}
}
