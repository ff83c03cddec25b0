package org.scriptorium.ui.internal.search;

import static org.scriptorium.core.preferences.CorePreferences.*;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IPreferencesService;
import org.scriptorium.search.Ranker;
import org.scriptorium.search.RankingSettings;

/** Reads the ranking preferences of the core's node into the search engine's settings. */
public final class SearchPreferences {

	private SearchPreferences() {
	}

	/** The ranking the preferences ask for (defaults: Anserini's flat BM25). */
	public static RankingSettings ranking() {
		IPreferencesService p = Platform.getPreferencesService();
		Ranker ranker;
		try {
			ranker = Ranker.parse(p.getString(QUALIFIER, RANKER, DEFAULT_RANKER, null));
		} catch (IllegalArgumentException e) {
			ranker = Ranker.BM25;
		}
		return RankingSettings.defaults().withRanker(ranker)
				.withBm25((float) p.getDouble(QUALIFIER, BM25_K1, DEFAULT_BM25_K1, null),
						(float) p.getDouble(QUALIFIER, BM25_B, DEFAULT_BM25_B, null))
				.withMultifield(p.getBoolean(QUALIFIER, MULTIFIELD, DEFAULT_MULTIFIELD, null),
						(float) p.getDouble(QUALIFIER, TITLE_WEIGHT, DEFAULT_TITLE_WEIGHT, null),
						(float) p.getDouble(QUALIFIER, ABSTRACT_WEIGHT, DEFAULT_ABSTRACT_WEIGHT, null))
				.withCitationWeights(p.getDouble(QUALIFIER, PRIOR_WEIGHT, DEFAULT_PRIOR_WEIGHT, null),
						p.getDouble(QUALIFIER, GRAPH_WEIGHT, DEFAULT_GRAPH_WEIGHT, null));
	}

	/** The index folder the preferences name, or null for the default location. */
	public static String indexLocation() {
		String s = Platform.getPreferencesService().getString(QUALIFIER, INDEX_LOCATION, DEFAULT_INDEX_LOCATION, null);
		return s == null || s.isBlank() ? null : s.strip();
	}
}
