package org.scriptorium.refs.internal.workspace;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.scriptorium.refs.RefsPreferences;

/** The defaults of {@link RefsPreferences}, in this bundle's own node (one initializer per layer). */
public class RefsPreferenceInitializer extends AbstractPreferenceInitializer {

	@Override
	public void initializeDefaultPreferences() {
		DefaultScope.INSTANCE.getNode(RefsPreferences.QUALIFIER).putBoolean(RefsPreferences.CHECK_REFERENCES,
				RefsPreferences.DEFAULT_CHECK_REFERENCES);
	}
}
