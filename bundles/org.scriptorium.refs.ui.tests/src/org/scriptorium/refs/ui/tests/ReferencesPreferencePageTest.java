package org.scriptorium.refs.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scriptorium.refs.ReferenceMarkers;
import org.scriptorium.refs.RefsPreferences;
import org.scriptorium.refs.internal.workspace.IgnoredReferences;
import org.scriptorium.refs.ui.RefsUI;
import org.scriptorium.refs.ui.internal.checks.ReferencesPreferencePage;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.ui.EditorProject;
import org.scriptorium.tests.common.ui.PreferenceDialogTester;
import org.scriptorium.tests.common.ui.Screenshots;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.ui.ScriptoriumUI;

/**
 * Issue 20, item 5: Preferences &gt; Scriptorium &gt; References switches the reference checks off and on, and lists
 * the references a project ignores (after the Ignore quick fix) with their project; Remove and Apply and Close mark
 * the reference again.
 */
@ExtendWith(NoErrorLoggedExtension.class)
class ReferencesPreferencePageTest {

	private static final String KEY = "nobody2099unseen"; //$NON-NLS-1$

	@RegisterExtension
	final EditorProject project = new EditorProject("references-preferences"); //$NON-NLS-1$

	private PreferenceDialogTester dialog;

	@AfterEach
	void close() {
		if (dialog != null) {
			dialog.close();
		}
		InstanceScope.INSTANCE.getNode(RefsPreferences.QUALIFIER).remove(RefsPreferences.CHECK_REFERENCES);
	}

	@Test
	void anIgnoredReferenceIsListedAndRemoveMarksItAgain() throws Exception {
		IFile notes = project.write("notes.md", "# Notes\n\nSee [@" + KEY + "].\n"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		UiWait.until("the file has its warning", () -> markers(notes).length == 1); //$NON-NLS-1$
		IMarkerResolution ignore = Arrays.stream(IDE.getMarkerHelpRegistry().getResolutions(markers(notes)[0]))
				.filter(r -> r.getLabel().equals("Ignore this reference")).findFirst().orElseThrow(); //$NON-NLS-1$
		ignore.run(markers(notes)[0]);
		UiWait.until("the ignored reference has no warning", () -> markers(notes).length == 0); //$NON-NLS-1$

		dialog = PreferenceDialogTester.open(RefsUI.PREFERENCE_PAGE_ID, ScriptoriumUI.WIDGET_ID_KEY);
		Table table = dialog.byId(ReferencesPreferencePage.ID_IGNORED, Table.class);
		TableItem row = Arrays.stream(table.getItems()).filter(i -> i.getText(0).equals("cite:" + KEY)).findFirst() //$NON-NLS-1$
				.orElseThrow(() -> new AssertionError("the page lists the ignored reference")); //$NON-NLS-1$
		assertEquals("references-preferences", row.getText(1)); //$NON-NLS-1$
		String folder = System.getProperty("scriptorium.screenshots"); //$NON-NLS-1$
		if (folder != null) {
			Screenshots.capture(dialog.dialog().getShell(), Path.of(folder, "references-preferences.png")); //$NON-NLS-1$
		}
		Button remove = dialog.byId(ReferencesPreferencePage.ID_REMOVE, Button.class);
		assertFalse(remove.isEnabled(), "nothing selected, nothing to remove"); //$NON-NLS-1$
		table.setSelection(row); // as SWTBotTable.select does
		Event select = new Event();
		select.item = row;
		table.notifyListeners(SWT.Selection, select);
		UiWait.until("Remove is enabled", remove::isEnabled); //$NON-NLS-1$
		PreferenceDialogTester.click(remove);
		UiWait.until("the row has gone", () -> Arrays.stream(table.getItems()) //$NON-NLS-1$
				.noneMatch(i -> i.getText(0).equals("cite:" + KEY))); //$NON-NLS-1$
		dialog.applyAndClose();

		assertEquals(Set.of(), IgnoredReferences.of(project.project()));
		UiWait.until("the reference is marked again", () -> markers(notes).length == 1); //$NON-NLS-1$
	}

	@Test
	void theSwitchTurnsTheChecksOffAndOn() throws Exception {
		IFile notes = project.write("notes.md", "See [@" + KEY + "].\n"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		UiWait.until("the file has its warning", () -> markers(notes).length == 1); //$NON-NLS-1$

		dialog = PreferenceDialogTester.open(RefsUI.PREFERENCE_PAGE_ID, ScriptoriumUI.WIDGET_ID_KEY);
		assertTrue(dialog.byId(ReferencesPreferencePage.ID_CHECK, Button.class).getSelection(), "on by default"); //$NON-NLS-1$
		dialog.click(ReferencesPreferencePage.ID_CHECK, false);
		dialog.applyAndClose();
		assertFalse(checksOn());
		UiWait.until("switched off, the warnings go", () -> markers(notes).length == 0); //$NON-NLS-1$

		dialog = PreferenceDialogTester.open(RefsUI.PREFERENCE_PAGE_ID, ScriptoriumUI.WIDGET_ID_KEY);
		assertFalse(dialog.byId(ReferencesPreferencePage.ID_CHECK, Button.class).getSelection());
		dialog.click(ReferencesPreferencePage.ID_CHECK, true);
		dialog.applyAndClose();
		assertTrue(checksOn());
		UiWait.until("switched on, the workspace is checked again", () -> markers(notes).length == 1); //$NON-NLS-1$
		assertEquals(List.of(KEY), Arrays.stream(markers(notes)).map(m -> m.getAttribute(ReferenceMarkers.ID, "")) //$NON-NLS-1$
				.toList());
	}

	private static boolean checksOn() {
		return Platform.getPreferencesService().getBoolean(RefsPreferences.QUALIFIER, RefsPreferences.CHECK_REFERENCES,
				RefsPreferences.DEFAULT_CHECK_REFERENCES, null);
	}

	private static IMarker[] markers(IFile file) {
		try {
			return file.findMarkers(ReferenceMarkers.TYPE, false, IResource.DEPTH_ZERO);
		} catch (CoreException e) {
			throw new AssertionError(e);
		}
	}
}
