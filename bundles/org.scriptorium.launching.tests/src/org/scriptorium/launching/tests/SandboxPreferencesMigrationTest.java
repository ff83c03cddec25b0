package org.scriptorium.launching.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.service.prefs.BackingStoreException;
import org.scriptorium.core.preferences.CorePreferences;
import org.scriptorium.launching.SandboxPreferences;
import org.scriptorium.launching.internal.SandboxPreferenceInitializer;
import org.scriptorium.tests.common.NoErrorLoggedExtension;

/** A workspace of an earlier version kept the sandbox limits in the core's node; they move to the launching node. */
@ExtendWith(NoErrorLoggedExtension.class)
class SandboxPreferencesMigrationTest {

	private final IEclipsePreferences core = InstanceScope.INSTANCE.getNode(CorePreferences.QUALIFIER);
	private final IEclipsePreferences sandbox = InstanceScope.INSTANCE.getNode(SandboxPreferences.QUALIFIER);

	@AfterEach
	void clear() throws BackingStoreException {
		core.clear();
		core.flush();
		sandbox.clear();
		sandbox.flush();
	}

	@Test
	void theSandboxLimitsOfTheCoreNodeMoveToTheLaunchingNodeOnce() {
		core.putInt(SandboxPreferences.SANDBOX_TIMEOUT, 120);
		core.putInt(SandboxPreferences.SANDBOX_HEAP, 512);
		core.putBoolean(SandboxPreferences.SANDBOX_ALLOW_EXTERNAL, true);
		core.putInt(SandboxPreferences.SANDBOX_PARALLEL, 3);
		core.put(CorePreferences.DEFAULT_CORPUS, "/data/papers.jsonl"); //$NON-NLS-1$
		sandbox.putInt(SandboxPreferences.SANDBOX_PARALLEL, 4); // set in the launching node already: it stays

		new SandboxPreferenceInitializer().initializeDefaultPreferences(); // what the workbench runs at the first read

		assertEquals(120, sandbox.getInt(SandboxPreferences.SANDBOX_TIMEOUT, 0));
		assertEquals(512, sandbox.getInt(SandboxPreferences.SANDBOX_HEAP, 0));
		assertTrue(sandbox.getBoolean(SandboxPreferences.SANDBOX_ALLOW_EXTERNAL, false));
		assertEquals(4, sandbox.getInt(SandboxPreferences.SANDBOX_PARALLEL, 0));
		for (String key : SandboxPreferences.KEYS) {
			assertNull(core.get(key, null), key + " is removed from the core's node"); //$NON-NLS-1$
		}
		assertEquals("/data/papers.jsonl", core.get(CorePreferences.DEFAULT_CORPUS, null), "the core's own key stays"); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(512, Platform.getPreferencesService().getInt(SandboxPreferences.QUALIFIER,
				SandboxPreferences.SANDBOX_HEAP, SandboxPreferences.DEFAULT_SANDBOX_HEAP, null));

		sandbox.putInt(SandboxPreferences.SANDBOX_HEAP, 2048);
		new SandboxPreferenceInitializer().initializeDefaultPreferences();
		assertEquals(2048, sandbox.getInt(SandboxPreferences.SANDBOX_HEAP, 0), "moved once: nothing is moved again"); //$NON-NLS-1$
	}
}
