package org.scriptorium.ui.internal.preferences;

import static org.scriptorium.core.preferences.CorePreferences.DEFAULT_CORPUS;
import static org.scriptorium.search.service.SearchPreferences.INDEX_LOCATION;

import java.io.IOException;

import org.eclipse.core.runtime.Status;
import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.FileFieldEditor;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.eclipse.ui.statushandlers.StatusManager;
import org.scriptorium.search.service.SearchPreferences;
import org.scriptorium.search.service.SearchService;
import org.scriptorium.ui.ScriptoriumUI;
import org.scriptorium.ui.internal.Messages;

/**
 * Preferences > Scriptorium: the corpus the Papers view opens (the core's node) and where the paper index is kept
 * (the search bundle's node).
 */
public class ScriptoriumPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	/** The id of the rebuild button (see {@link ScriptoriumUI#WIDGET_ID_KEY}). */
	public static final String REBUILD_ID = "preferences.rebuildIndex"; //$NON-NLS-1$

	private DirectoryFieldEditor index;

	public ScriptoriumPreferencePage() {
		super(GRID);
		setDescription(Messages.Preferences_description);
	}

	@Override
	public void init(IWorkbench workbench) {
		setPreferenceStore(PreferenceStores.core());
	}

	@Override
	protected void createFieldEditors() {
		FileFieldEditor corpus = new FileFieldEditor(DEFAULT_CORPUS, Messages.Preferences_defaultCorpus,
				getFieldEditorParent());
		corpus.setFileExtensions(new String[]{"*.jsonl", "*.*"}); //$NON-NLS-1$ //$NON-NLS-2$
		corpus.setEmptyStringAllowed(true);
		addField(corpus);
		index = new DirectoryFieldEditor(INDEX_LOCATION, Messages.Preferences_indexLocation, getFieldEditorParent());
		index.setEmptyStringAllowed(true);
		addField(index);
		Label hint = new Label(getFieldEditorParent(), SWT.WRAP);
		hint.setText(Messages.Preferences_indexHint);
		hint.setLayoutData(new org.eclipse.swt.layout.GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
		Button rebuild = new Button(getFieldEditorParent(), SWT.PUSH);
		rebuild.setText(Messages.Preferences_rebuild);
		rebuild.setData(ScriptoriumUI.WIDGET_ID_KEY, REBUILD_ID);
		rebuild.addListener(SWT.Selection, e -> SearchService.get().rebuild());
	}

	/** The index folder is the search bundle's preference: its editor edits that node (the others the page's). */
	@Override
	protected void initialize() {
		super.initialize();
		index.setPreferenceStore(PreferenceStores.search());
		index.load();
	}

	/** Stores the fields; the dialog saves the page's store, this saves the search bundle's. */
	@Override
	public boolean performOk() {
		boolean ok = super.performOk();
		ScopedPreferenceStore search = PreferenceStores.search();
		if (search.needsSaving()) {
			try {
				search.save();
			} catch (IOException e) {
				StatusManager.getManager().handle(Status.error(
						NLS.bind(Messages.Preferences_saveFailed, SearchPreferences.QUALIFIER, e.getMessage()), e),
						StatusManager.LOG | StatusManager.SHOW);
			}
		}
		return ok;
	}
}
