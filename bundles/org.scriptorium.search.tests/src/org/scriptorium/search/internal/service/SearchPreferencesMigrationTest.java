package org.scriptorium.search.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.prefs.BackingStoreException;
import org.scriptorium.core.preferences.CorePreferences;
import org.scriptorium.search.Ranker;
import org.scriptorium.search.RankingSettings;
import org.scriptorium.search.service.SearchPreferences;

/** A workspace of an earlier version kept the search settings in the core's node; they move to the search node. */
class SearchPreferencesMigrationTest {

	private final IEclipsePreferences core = InstanceScope.INSTANCE.getNode(CorePreferences.QUALIFIER);
	private final IEclipsePreferences search = InstanceScope.INSTANCE.getNode(SearchPreferences.QUALIFIER);

	@AfterEach
	void clear() throws BackingStoreException {
		core.clear();
		core.flush();
		search.clear();
		search.flush();
	}

	@Test
	void theSearchSettingsOfTheCoreNodeMoveToTheSearchNodeOnce() {
		core.put(SearchPreferences.RANKER, "bm25"); //$NON-NLS-1$
		core.putDouble(SearchPreferences.BM25_K1, 1.3);
		core.putDouble(SearchPreferences.BM25_B, 0.5);
		core.put(SearchPreferences.INDEX_LOCATION, "/data/paper-index"); //$NON-NLS-1$
		core.put(SearchPreferences.DENSE_MODELS, "minilm"); //$NON-NLS-1$
		core.put(CorePreferences.DEFAULT_CORPUS, "/data/papers.jsonl"); //$NON-NLS-1$
		search.putDouble(SearchPreferences.BM25_B, 0.7); // set in the search node already: it stays

		new SearchPreferenceInitializer().initializeDefaultPreferences(); // what the workbench runs at the first read

		assertEquals("bm25", search.get(SearchPreferences.RANKER, null)); //$NON-NLS-1$
		assertEquals(1.3, search.getDouble(SearchPreferences.BM25_K1, 0), 1e-9);
		assertEquals(0.7, search.getDouble(SearchPreferences.BM25_B, 0), 1e-9);
		assertEquals("/data/paper-index", search.get(SearchPreferences.INDEX_LOCATION, null)); //$NON-NLS-1$
		assertEquals("minilm", search.get(SearchPreferences.DENSE_MODELS, null)); //$NON-NLS-1$
		for (String key : SearchPreferences.KEYS) {
			assertNull(core.get(key, null), key + " is removed from the core's node"); //$NON-NLS-1$
		}
		assertEquals("/data/papers.jsonl", core.get(CorePreferences.DEFAULT_CORPUS, null), "the core's own key stays"); //$NON-NLS-1$ //$NON-NLS-2$
		RankingSettings read = SearchPreferences.ranking();
		assertEquals(Ranker.BM25, read.ranker());
		assertEquals(1.3f, read.k1(), 1e-6);
		assertEquals("/data/paper-index", SearchPreferences.indexLocation()); //$NON-NLS-1$

		search.put(SearchPreferences.RANKER, "citation"); //$NON-NLS-1$
		new SearchPreferenceInitializer().initializeDefaultPreferences();
		assertEquals("citation", search.get(SearchPreferences.RANKER, null), "moved once: nothing is moved again"); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
