package org.scriptorium.launching.internal;

import static org.scriptorium.launching.SandboxPreferences.*;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.prefs.BackingStoreException;
import org.osgi.service.prefs.Preferences;
import org.scriptorium.core.internal.preferences.PreferenceMigration;
import org.scriptorium.core.preferences.CorePreferences;

/**
 * Sets the defaults of {@link org.scriptorium.launching.SandboxPreferences} in the default scope, and before that
 * moves the sandbox settings of a workspace of an earlier version from the core's node to this bundle's node. The
 * preference service runs it before the node is first read, so no read sees the node without them.
 */
public class SandboxPreferenceInitializer extends AbstractPreferenceInitializer {

	@Override
	public void initializeDefaultPreferences() {
		migrate();
		Preferences node = DefaultScope.INSTANCE.getNode(QUALIFIER);
		node.putInt(SANDBOX_TIMEOUT, DEFAULT_SANDBOX_TIMEOUT);
		node.putInt(SANDBOX_HEAP, DEFAULT_SANDBOX_HEAP);
		node.putInt(SANDBOX_PARALLEL, DEFAULT_SANDBOX_PARALLEL);
		node.putBoolean(SANDBOX_ALLOW_EXTERNAL, DEFAULT_SANDBOX_ALLOW_EXTERNAL);
	}

	/**
	 * Moves the sandbox keys of the core's instance node (where earlier versions kept them) to this bundle's node,
	 * once; a failure to save them is logged, and they stay moved for this session.
	 */
	public static void migrate() {
		try {
			PreferenceMigration.move(CorePreferences.QUALIFIER, QUALIFIER, KEYS);
		} catch (BackingStoreException e) {
			ILog.of(SandboxPreferenceInitializer.class).warn(NLS.bind(Messages.Preferences_notMigrated,
					new Object[]{CorePreferences.QUALIFIER, QUALIFIER, e.getMessage()}), e);
		}
	}
}
