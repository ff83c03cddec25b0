package org.scriptorium.search.internal.service;

import static org.scriptorium.search.service.SearchPreferences.*;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.prefs.BackingStoreException;
import org.osgi.service.prefs.Preferences;
import org.scriptorium.core.internal.preferences.PreferenceMigration;
import org.scriptorium.core.preferences.CorePreferences;

/**
 * Sets the defaults of {@link org.scriptorium.search.service.SearchPreferences} in the default scope, and before that
 * moves the search settings of a workspace of an earlier version from the core's node to the search node. The
 * preference service runs it before the search node is first read, so no read sees the node without them.
 */
public class SearchPreferenceInitializer extends AbstractPreferenceInitializer {

	@Override
	public void initializeDefaultPreferences() {
		migrate();
		Preferences node = DefaultScope.INSTANCE.getNode(QUALIFIER);
		node.put(INDEX_LOCATION, DEFAULT_INDEX_LOCATION);
		node.put(RANKER, DEFAULT_RANKER);
		node.put(DENSE_MODELS, DEFAULT_DENSE_MODELS);
		node.putBoolean(MULTIFIELD, DEFAULT_MULTIFIELD);
		node.putDouble(BM25_K1, DEFAULT_BM25_K1);
		node.putDouble(BM25_B, DEFAULT_BM25_B);
		node.putDouble(TITLE_WEIGHT, DEFAULT_TITLE_WEIGHT);
		node.putDouble(ABSTRACT_WEIGHT, DEFAULT_ABSTRACT_WEIGHT);
		node.putDouble(PRIOR_WEIGHT, DEFAULT_PRIOR_WEIGHT);
		node.putDouble(GRAPH_WEIGHT, DEFAULT_GRAPH_WEIGHT);
	}

	/**
	 * Moves the search keys of the core's instance node (where versions before the search service kept them) to the
	 * search node, once; a failure to save them is logged, and they stay moved for this session.
	 */
	public static void migrate() {
		try {
			PreferenceMigration.move(CorePreferences.QUALIFIER, QUALIFIER, KEYS);
		} catch (BackingStoreException e) {
			ILog.of(SearchPreferenceInitializer.class).warn(NLS.bind(Messages.Preferences_notMigrated,
					new Object[]{CorePreferences.QUALIFIER, QUALIFIER, e.getMessage()}), e);
		}
	}
}
