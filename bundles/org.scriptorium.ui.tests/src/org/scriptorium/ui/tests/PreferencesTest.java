package org.scriptorium.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.service.prefs.BackingStoreException;
import org.scriptorium.core.preferences.CorePreferences;
import org.scriptorium.search.Ranker;
import org.scriptorium.search.service.JobFamilies;
import org.scriptorium.search.service.SearchPreferences;
import org.scriptorium.search.service.SearchService;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.ui.Input;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.tests.common.ui.Widgets;
import org.scriptorium.ui.ScriptoriumUI;
import org.scriptorium.ui.internal.preferences.ScriptoriumPreferencePage;

/** The Scriptorium preference pages edit the core's node, validate numbers, and rebuild the index. */
@ExtendWith(NoErrorLoggedExtension.class)
class PreferencesTest {

	private PreferenceDialog dialog;

	@AfterEach
	void restore() throws BackingStoreException {
		if (dialog != null && dialog.getShell() != null && !dialog.getShell().isDisposed()) {
			dialog.close();
		}
		var node = InstanceScope.INSTANCE.getNode(CorePreferences.QUALIFIER);
		node.clear();
		node.flush();
	}

	private PreferenceDialog open(String pageId) {
		dialog = PreferencesUtil.createPreferenceDialogOn(
				PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), pageId, null, null);
		dialog.setBlockOnOpen(false);
		dialog.open();
		UiWait.flush();
		return dialog;
	}

	private Text fieldAfterLabel(String label) {
		var labels = Widgets.all(dialog.getShell(), org.eclipse.swt.widgets.Label.class);
		for (var l : labels) {
			if (l.getText().replace("&", "").equals(label) && l.isVisible()) { //$NON-NLS-1$ //$NON-NLS-2$
				var siblings = l.getParent().getChildren();
				for (int i = 0; i < siblings.length - 1; i++) {
					if (siblings[i] == l && siblings[i + 1] instanceof Text t) {
						return t;
					}
				}
			}
		}
		throw new AssertionError("no text field labelled " + label); //$NON-NLS-1$
	}

	private Button button(String label) {
		return Widgets.all(dialog.getShell(), Button.class).stream()
				.filter(b -> b.getText().replace("&", "").equals(label) && b.isVisible()).findFirst() //$NON-NLS-1$ //$NON-NLS-2$
				.orElseThrow(() -> new AssertionError("no button " + label)); //$NON-NLS-1$
	}

	private static void click(Button b) {
		Input.click(b, new Rectangle(0, 0, b.getSize().x, b.getSize().y));
	}

	@Test
	void bm25ParametersAreValidatedAndStoredInTheCoreNode() {
		open("org.scriptorium.ui.preferences.search"); //$NON-NLS-1$
		Text k1 = fieldAfterLabel("BM25 k1:"); //$NON-NLS-1$
		assertEquals("0.9", k1.getText(), "Anserini's default"); //$NON-NLS-1$ //$NON-NLS-2$
		Button apply = button("Apply and Close"); //$NON-NLS-1$

		Input.press(k1, SWT.END, 1);
		Input.press(k1, SWT.BS, k1.getText().length());
		Input.type(k1, "abc"); //$NON-NLS-1$
		UiWait.until("the page is invalid", () -> !apply.isEnabled()); //$NON-NLS-1$
		assertNotNull(((org.eclipse.jface.preference.IPreferencePage) dialog.getSelectedPage()).getErrorMessage());

		Input.press(k1, SWT.BS, 3);
		Input.type(k1, "1.2"); //$NON-NLS-1$
		UiWait.until("the field holds 1.2", () -> k1.getText().equals("1.2")); //$NON-NLS-1$ //$NON-NLS-2$
		UiWait.until("the page is valid with " + k1.getText(), apply::isEnabled); //$NON-NLS-1$
		click(apply);
		UiWait.until("the dialog closed", () -> dialog.getShell() == null || dialog.getShell().isDisposed()); //$NON-NLS-1$

		assertEquals(1.2, InstanceScope.INSTANCE.getNode(CorePreferences.QUALIFIER).getDouble(CorePreferences.BM25_K1, 0),
				1e-9);
		assertEquals(1.2f, SearchPreferences.ranking().k1(), 1e-6);
		assertEquals(Ranker.CITATION, SearchPreferences.ranking().ranker(), "the best-evaluated default"); //$NON-NLS-1$
	}

	@Test
	void externalCommandsAreOffUntilAllowed() {
		open("org.scriptorium.ui.preferences.sandbox"); //$NON-NLS-1$
		Button allow = button("Allow experiments to start external commands (e.g. a Python script)"); //$NON-NLS-1$
		assertFalse(allow.getSelection());
		click(allow);
		UiWait.until("checked", allow::getSelection); //$NON-NLS-1$
		click(button("Apply and Close")); //$NON-NLS-1$
		UiWait.until("the dialog closed", () -> dialog.getShell() == null || dialog.getShell().isDisposed()); //$NON-NLS-1$
		assertTrue(InstanceScope.INSTANCE.getNode(CorePreferences.QUALIFIER)
				.getBoolean(CorePreferences.SANDBOX_ALLOW_EXTERNAL, false));
	}

	@Test
	void rebuildIndexRebuildsTheIndexOfTheDefaultCorpus() {
		open("org.scriptorium.ui.preferences"); //$NON-NLS-1$
		Button rebuild = Widgets.byId(dialog.getShell(), ScriptoriumUI.WIDGET_ID_KEY,
				ScriptoriumPreferencePage.REBUILD_ID, Button.class);
		click(rebuild);
		UiWait.jobs(JobFamilies.INDEX);
		assertTrue(Files.isDirectory(SearchService.indexLocation()), "the index is at " + SearchService.indexLocation()); //$NON-NLS-1$
		dialog.close();
	}
}
