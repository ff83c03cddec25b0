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
		node.put(DEFAULT_CORPUS, DEFAULT_DEFAULT_CORPUS);
	}
}
