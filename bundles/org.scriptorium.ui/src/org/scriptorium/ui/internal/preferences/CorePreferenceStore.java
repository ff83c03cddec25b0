package org.scriptorium.ui.internal.preferences;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.scriptorium.core.preferences.CorePreferences;

/** The core's preference node as a JFace store, shared by the Scriptorium preference pages. */
final class CorePreferenceStore {

	private static IPreferenceStore store;

	private CorePreferenceStore() {
	}

	static synchronized IPreferenceStore get() {
		if (store == null) {
			store = new ScopedPreferenceStore(InstanceScope.INSTANCE, CorePreferences.QUALIFIER);
		}
		return store;
	}
}
