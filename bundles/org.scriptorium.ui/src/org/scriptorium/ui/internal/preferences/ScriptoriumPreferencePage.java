package org.scriptorium.ui.internal.preferences;

import static org.scriptorium.core.preferences.CorePreferences.DEFAULT_CORPUS;
import static org.scriptorium.core.preferences.CorePreferences.INDEX_LOCATION;

import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.FileFieldEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.scriptorium.search.service.SearchService;
import org.scriptorium.ui.ScriptoriumUI;
import org.scriptorium.ui.internal.Messages;

/** Preferences > Scriptorium: the corpus the Papers view opens and where the paper index is kept. */
public class ScriptoriumPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	/** The id of the rebuild button (see {@link ScriptoriumUI#WIDGET_ID_KEY}). */
	public static final String REBUILD_ID = "preferences.rebuildIndex"; //$NON-NLS-1$

	public ScriptoriumPreferencePage() {
		super(GRID);
		setDescription(Messages.Preferences_description);
	}

	@Override
	public void init(IWorkbench workbench) {
		setPreferenceStore(CorePreferenceStore.get());
	}

	@Override
	protected void createFieldEditors() {
		FileFieldEditor corpus = new FileFieldEditor(DEFAULT_CORPUS, Messages.Preferences_defaultCorpus,
				getFieldEditorParent());
		corpus.setFileExtensions(new String[] { "*.jsonl", "*.*" }); //$NON-NLS-1$ //$NON-NLS-2$
		corpus.setEmptyStringAllowed(true);
		addField(corpus);
		DirectoryFieldEditor index = new DirectoryFieldEditor(INDEX_LOCATION, Messages.Preferences_indexLocation,
				getFieldEditorParent());
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
}
