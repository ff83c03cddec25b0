package org.scriptorium.core.internal.preferences;

import static org.scriptorium.core.preferences.CorePreferences.*;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.osgi.service.prefs.Preferences;

/** Sets the defaults of {@link org.scriptorium.core.preferences.CorePreferences} in the default scope. */
public class CorePreferenceInitializer extends AbstractPreferenceInitializer {

	@Override
	public void initializeDefaultPreferences() {
		Preferences node = DefaultScope.INSTANCE.getNode(QUALIFIER);
		node.put(INDEX_LOCATION, DEFAULT_INDEX_LOCATION);
		node.put(DEFAULT_CORPUS, DEFAULT_DEFAULT_CORPUS);
		node.put(RANKER, DEFAULT_RANKER);
		node.put(DENSE_MODELS, DEFAULT_DENSE_MODELS);
		node.putBoolean(MULTIFIELD, DEFAULT_MULTIFIELD);
		node.putDouble(BM25_K1, DEFAULT_BM25_K1);
		node.putDouble(BM25_B, DEFAULT_BM25_B);
		node.putDouble(TITLE_WEIGHT, DEFAULT_TITLE_WEIGHT);
		node.putDouble(ABSTRACT_WEIGHT, DEFAULT_ABSTRACT_WEIGHT);
		node.putDouble(PRIOR_WEIGHT, DEFAULT_PRIOR_WEIGHT);
		node.putDouble(GRAPH_WEIGHT, DEFAULT_GRAPH_WEIGHT);
		node.putInt(SANDBOX_TIMEOUT, DEFAULT_SANDBOX_TIMEOUT);
		node.putInt(SANDBOX_HEAP, DEFAULT_SANDBOX_HEAP);
		node.putInt(SANDBOX_PARALLEL, DEFAULT_SANDBOX_PARALLEL);
		node.putBoolean(SANDBOX_ALLOW_EXTERNAL, DEFAULT_SANDBOX_ALLOW_EXTERNAL);
	}
}
