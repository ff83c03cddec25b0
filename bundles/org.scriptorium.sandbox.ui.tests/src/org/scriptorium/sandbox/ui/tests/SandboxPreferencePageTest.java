package org.scriptorium.sandbox.ui.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.widgets.Button;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.service.prefs.BackingStoreException;
import org.scriptorium.launching.SandboxPreferences;
import org.scriptorium.sandbox.ui.SandboxUI;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.ui.PreferenceDialogTester;
import org.scriptorium.tests.common.ui.UiWait;

/** Preferences &gt; Scriptorium &gt; Sandbox, where it was before it moved to this bundle. */
@ExtendWith(NoErrorLoggedExtension.class)
class SandboxPreferencePageTest {

	private PreferenceDialogTester dialog;

	@AfterEach
	void restore() throws BackingStoreException {
		if (dialog != null) {
			dialog.close();
		}
		var node = InstanceScope.INSTANCE.getNode(SandboxPreferences.QUALIFIER);
		node.clear();
		node.flush();
	}

	@Test
	void externalCommandsAreOffUntilAllowed() {
		dialog = PreferenceDialogTester.open("org.scriptorium.ui.preferences.sandbox", SandboxUI.WIDGET_ID_KEY); //$NON-NLS-1$
		Button allow = dialog.button("Allow experiments to start external commands (e.g. a Python script)"); //$NON-NLS-1$
		assertFalse(allow.getSelection());
		PreferenceDialogTester.click(allow);
		UiWait.until("checked", allow::getSelection); //$NON-NLS-1$
		PreferenceDialogTester.click(dialog.button("Apply and Close")); //$NON-NLS-1$
		UiWait.until("the dialog closed", () -> dialog.dialog() == null); //$NON-NLS-1$
		assertTrue(InstanceScope.INSTANCE.getNode(SandboxPreferences.QUALIFIER)
				.getBoolean(SandboxPreferences.SANDBOX_ALLOW_EXTERNAL, false));
	}
}
