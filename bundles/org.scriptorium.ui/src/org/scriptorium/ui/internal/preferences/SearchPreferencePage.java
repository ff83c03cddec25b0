package org.scriptorium.ui.internal.preferences;

import static org.scriptorium.search.service.SearchPreferences.*;

import java.util.List;

import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.RadioGroupFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.scriptorium.search.TextEncoder;
import org.scriptorium.search.service.TextEncoders;
import org.scriptorium.ui.internal.Messages;
import org.scriptorium.ui.internal.search.RetrievalChoices;

/**
 * Preferences > Scriptorium > Search: ranking (with installed embedding models also a dense or hybrid first stage and
 * the models to index), BM25 parameters and the weights of citation-aware ranking.
 */
public class SearchPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	/** The page id. */
	public static final String ID = "org.scriptorium.ui.preferences.search"; //$NON-NLS-1$
	/** Widget ids of the ranker choice when embedding models are installed (see {@code ScriptoriumUI.WIDGET_ID_KEY}). */
	public static final String RANKER_BM25_ID = "preferences.ranker.bm25", //$NON-NLS-1$
			RANKER_CITATION_ID = "preferences.ranker.citation", //$NON-NLS-1$
			RANKER_RETRIEVAL_ID = "preferences.ranker.retrieval"; //$NON-NLS-1$
	/** Widget id prefix of the check boxes of the models to index, followed by the model id. */
	public static final String DENSE_MODEL_ID_PREFIX = "preferences.denseModel."; //$NON-NLS-1$

	public SearchPreferencePage() {
		super(GRID);
		setDescription(Messages.Preferences_searchDescription);
	}

	@Override
	public void init(IWorkbench workbench) {
		setPreferenceStore(PreferenceStores.search());
	}

	@Override
	protected void createFieldEditors() {
		List<TextEncoder> encoders = TextEncoders.installed();
		if (encoders.isEmpty()) {
			addField(new RadioGroupFieldEditor(RANKER, Messages.Preferences_ranker, 1,
					new String[][]{{Messages.SearchPage_bm25, "bm25"}, //$NON-NLS-1$
							{Messages.SearchPage_citationAware, "citation"}}, //$NON-NLS-1$
					getFieldEditorParent(), true));
		} else {
			addField(new RankerFieldEditor(RANKER, Messages.Preferences_ranker, RetrievalChoices.of(encoders),
					getFieldEditorParent()));
			addField(new ModelsFieldEditor(DENSE_MODELS, Messages.Preferences_denseModels, encoders,
					getFieldEditorParent()));
		}
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
