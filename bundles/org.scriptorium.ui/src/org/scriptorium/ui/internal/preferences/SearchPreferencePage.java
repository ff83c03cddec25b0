package org.scriptorium.ui.internal.preferences;

import static org.scriptorium.core.preferences.CorePreferences.*;

import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.RadioGroupFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.scriptorium.ui.internal.Messages;

/** Preferences > Scriptorium > Search: ranking, BM25 parameters and the weights of citation-aware ranking. */
public class SearchPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	public SearchPreferencePage() {
		super(GRID);
		setDescription(Messages.Preferences_searchDescription);
	}

	@Override
	public void init(IWorkbench workbench) {
		setPreferenceStore(CorePreferenceStore.get());
	}

	@Override
	protected void createFieldEditors() {
		addField(new RadioGroupFieldEditor(RANKER, Messages.Preferences_ranker, 1,
				new String[][] { { Messages.SearchPage_bm25, "bm25" }, //$NON-NLS-1$
						{ Messages.SearchPage_citationAware, "citation" } }, //$NON-NLS-1$
				getFieldEditorParent(), true));
		addField(new DoubleFieldEditor(BM25_K1, Messages.Preferences_k1, 0, 10, getFieldEditorParent()));
		addField(new DoubleFieldEditor(BM25_B, Messages.Preferences_b, 0, 1, getFieldEditorParent()));
		addField(new BooleanFieldEditor(MULTIFIELD, Messages.Preferences_multifield, getFieldEditorParent()));
		addField(new DoubleFieldEditor(TITLE_WEIGHT, Messages.Preferences_titleWeight, 0, 100,
				getFieldEditorParent()));
		addField(new DoubleFieldEditor(ABSTRACT_WEIGHT, Messages.Preferences_abstractWeight, 0, 100,
				getFieldEditorParent()));
		addField(new DoubleFieldEditor(PRIOR_WEIGHT, Messages.Preferences_priorWeight, 0, 10, getFieldEditorParent()));
		addField(new DoubleFieldEditor(GRAPH_WEIGHT, Messages.Preferences_graphWeight, 0, 10, getFieldEditorParent()));
	}
}
