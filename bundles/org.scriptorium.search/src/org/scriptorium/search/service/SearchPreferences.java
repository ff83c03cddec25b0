package org.scriptorium.search.service;

import static org.scriptorium.core.preferences.CorePreferences.*;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IPreferencesService;
import org.eclipse.osgi.util.NLS;
import org.scriptorium.search.RankingSettings;
import org.scriptorium.search.TextEncoder;
import org.scriptorium.search.internal.service.Messages;

/** Reads the ranking preferences of the core's node into the search engine's settings. */
public final class SearchPreferences {

	/** The ranker preference warned about last, so that search as you type logs a bad value once. */
	private static volatile String warned;

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
						new Object[] { spec, String.join("', '", missing), installedIds() })); //$NON-NLS-1$
				return base.withRankerSpec(DEFAULT_RANKER);
			}
			return settings;
		} catch (IllegalArgumentException e) {
			warnOnce(spec, NLS.bind(Messages.Preferences_rankerInvalid, spec, e.getMessage()));
			return base.withRankerSpec(DEFAULT_RANKER);
		}
	}

	private static void warnOnce(String spec, String message) {
		if (!spec.equals(warned)) {
			warned = spec;
			ILog.of(SearchPreferences.class).warn(message);
		}
	}

	/** The ids of the installed embedding models, for messages ("none" when there is none). */
	public static String installedIds() {
		List<TextEncoder> installed = TextEncoders.installed();
		return installed.isEmpty() ? Messages.Encoders_none
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

	/** The ids a {@link org.scriptorium.core.preferences.CorePreferences#DENSE_MODELS} value names. */
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
