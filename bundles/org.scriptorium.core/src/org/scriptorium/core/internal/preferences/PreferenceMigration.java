package org.scriptorium.core.internal.preferences;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

/**
 * Moves preferences that an earlier version kept in another bundle's node to the node of the layer they belong to,
 * in the instance scope (the workspace). The one way the layers migrate their settings.
 */
public final class PreferenceMigration {

	private PreferenceMigration() {
	}

	/**
	 * Moves the values of {@code keys} from the instance node {@code from} to the instance node {@code to} and saves
	 * both. A key that {@code to} already holds keeps its value there; every key found in {@code from} is removed from
	 * it, so each moves once and later calls find nothing to do.
	 *
	 * @return the keys found in {@code from}, in the order of {@code keys}
	 * @throws BackingStoreException if the nodes could not be saved (the move is done in memory all the same)
	 */
	public static List<String> move(String from, String to, Collection<String> keys) throws BackingStoreException {
		IEclipsePreferences source = InstanceScope.INSTANCE.getNode(from);
		IEclipsePreferences target = InstanceScope.INSTANCE.getNode(to);
		List<String> moved = new ArrayList<>();
		for (String key : keys) {
			String value = source.get(key, null);
			if (value == null) {
				continue;
			}
			if (target.get(key, null) == null) {
				target.put(key, value);
			}
			source.remove(key);
			moved.add(key);
		}
		if (!moved.isEmpty()) {
			target.flush();
			source.flush();
		}
		return moved;
	}
}
