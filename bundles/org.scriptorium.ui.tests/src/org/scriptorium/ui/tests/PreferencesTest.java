package org.scriptorium.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.prefs.BackingStoreException;
import org.scriptorium.core.preferences.CorePreferences;
import org.scriptorium.search.Ranker;
import org.scriptorium.search.service.JobFamilies;
import org.scriptorium.search.service.SearchPreferences;
import org.scriptorium.search.service.SearchService;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.ui.Input;
import org.scriptorium.tests.common.ui.PreferenceDialogTester;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.ui.ScriptoriumUI;
import org.scriptorium.ui.internal.preferences.ScriptoriumPreferencePage;

/**
 * The Scriptorium preference pages edit the core's and the search bundle's nodes, validate numbers, and rebuild the
 * index.
 */
@ExtendWith(NoErrorLoggedExtension.class)
class PreferencesTest {

	private PreferenceDialogTester dialog;

	@AfterEach
	void restore() throws BackingStoreException {
		if (dialog != null) {
			dialog.close();
		}
		for (String qualifier : new String[]{CorePreferences.QUALIFIER, SearchPreferences.QUALIFIER}) {
			var node = InstanceScope.INSTANCE.getNode(qualifier);
			node.clear();
			node.flush();
		}
		UiWait.jobs(JobFamilies.INDEX); // the service follows the index folder back
	}

	private PreferenceDialogTester open(String pageId) {
		dialog = PreferenceDialogTester.open(pageId, ScriptoriumUI.WIDGET_ID_KEY);
		return dialog;
	}

	@Test
	void bm25ParametersAreValidatedAndStoredInTheSearchNode() {
		open("org.scriptorium.ui.preferences.search"); //$NON-NLS-1$
		Text k1 = dialog.fieldAfterLabel("BM25 k1:"); //$NON-NLS-1$
		assertEquals("0.9", k1.getText(), "Anserini's default"); //$NON-NLS-1$ //$NON-NLS-2$
		Button apply = dialog.button("Apply and Close"); //$NON-NLS-1$

		Input.press(k1, SWT.END, 1);
		Input.press(k1, SWT.BS, k1.getText().length());
		Input.type(k1, "abc"); //$NON-NLS-1$
		UiWait.until("the page is invalid", () -> !apply.isEnabled()); //$NON-NLS-1$
		assertNotNull(dialog.errorMessage());

		Input.press(k1, SWT.BS, 3);
		Input.type(k1, "1.2"); //$NON-NLS-1$
		UiWait.until("the field holds 1.2", () -> k1.getText().equals("1.2")); //$NON-NLS-1$ //$NON-NLS-2$
		UiWait.until("the page is valid with " + k1.getText(), apply::isEnabled); //$NON-NLS-1$
		PreferenceDialogTester.click(apply);
		UiWait.until("the dialog closed", () -> dialog.dialog() == null); //$NON-NLS-1$

		assertEquals(1.2,
				InstanceScope.INSTANCE.getNode(SearchPreferences.QUALIFIER).getDouble(SearchPreferences.BM25_K1, 0),
				1e-9);
		assertEquals(1.2f, SearchPreferences.ranking().k1(), 1e-6);
		assertEquals(Ranker.CITATION, SearchPreferences.ranking().ranker(), "the best-evaluated default"); //$NON-NLS-1$
	}

	@Test
	void theCorpusFileGoesToTheCoreNodeAndTheIndexFolderToTheSearchNode(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("papers.jsonl"), ""); //$NON-NLS-1$ //$NON-NLS-2$
		open("org.scriptorium.ui.preferences"); //$NON-NLS-1$
		Text corpus = dialog.fieldAfterLabel("Corpus file (empty: the built-in default corpus):"); //$NON-NLS-1$
		Text index = dialog.fieldAfterLabel("Index folder (empty: the workspace metadata):"); //$NON-NLS-1$
		assertEquals("", index.getText()); //$NON-NLS-1$
		Input.type(corpus, dir.resolve("papers.jsonl").toString()); //$NON-NLS-1$
		Input.type(index, dir.toString());
		UiWait.until("the fields hold what was typed", () -> index.getText().equals(dir.toString())); //$NON-NLS-1$
		dialog.applyAndClose();

		var core = InstanceScope.INSTANCE.getNode(CorePreferences.QUALIFIER);
		var search = InstanceScope.INSTANCE.getNode(SearchPreferences.QUALIFIER);
		assertEquals(dir.resolve("papers.jsonl").toString(), core.get(CorePreferences.DEFAULT_CORPUS, null)); //$NON-NLS-1$
		assertEquals(dir.toString(), search.get(SearchPreferences.INDEX_LOCATION, null));
		assertNull(core.get(SearchPreferences.INDEX_LOCATION, null), "the index folder is not the core's"); //$NON-NLS-1$
		assertEquals(dir.resolve("default"), SearchService.indexLocation()); //$NON-NLS-1$
		UiWait.jobs(JobFamilies.INDEX); // the service closes its engines for the new folder
	}

	@Test
	void rebuildIndexRebuildsTheIndexOfTheDefaultCorpus() {
		open("org.scriptorium.ui.preferences"); //$NON-NLS-1$
		PreferenceDialogTester.click(dialog.byId(ScriptoriumPreferencePage.REBUILD_ID, Button.class));
		UiWait.jobs(JobFamilies.INDEX);
		assertTrue(Files.isDirectory(SearchService.indexLocation()),
				"the index is at " + SearchService.indexLocation()); //$NON-NLS-1$
		dialog.close();
	}
}
