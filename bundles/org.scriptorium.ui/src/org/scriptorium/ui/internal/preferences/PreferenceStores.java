package org.scriptorium.ui.internal.preferences;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.scriptorium.core.preferences.CorePreferences;
import org.scriptorium.search.service.SearchPreferences;

/** The preference nodes the Scriptorium pages edit, as JFace stores shared by the pages. */
final class PreferenceStores {

	private static final Map<String, ScopedPreferenceStore> STORES = new HashMap<>();

	private PreferenceStores() {
	}

	/** The core's node (the corpus the Papers view opens). */
	static IPreferenceStore core() {
		return of(CorePreferences.QUALIFIER);
	}

	/** The search bundle's node (ranking, models to index, index folder). */
	static ScopedPreferenceStore search() {
		return of(SearchPreferences.QUALIFIER);
	}

	private static synchronized ScopedPreferenceStore of(String qualifier) {
		return STORES.computeIfAbsent(qualifier, q -> new ScopedPreferenceStore(InstanceScope.INSTANCE, q));
	}
}
