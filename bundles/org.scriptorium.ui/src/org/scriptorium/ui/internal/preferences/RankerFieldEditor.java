package org.scriptorium.ui.internal.preferences;

import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.FieldEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.scriptorium.search.Ranker;
import org.scriptorium.search.RankingSettings;
import org.scriptorium.search.Retrieval;
import org.scriptorium.ui.ScriptoriumUI;
import org.scriptorium.ui.internal.Messages;
import org.scriptorium.ui.internal.search.RetrievalChoices;

/**
 * Edits a ranker spec preference with the Paper Search page's choices: BM25 or citation-aware, composed with a
 * first stage (lexical, or dense / hybrid for each installed embedding model).
 */
final class RankerFieldEditor extends FieldEditor {

	private final List<RetrievalChoices.Choice> choices;
	private Group group;
	private Button bm25;
	private Button citation;
	private Combo retrieval;
	/** The first stage loaded, kept while its choice stays selected (a convex weight set by hand). */
	private Retrieval loaded = Retrieval.LEXICAL;

	RankerFieldEditor(String name, String label, List<RetrievalChoices.Choice> choices, Composite parent) {
		this.choices = choices;
		init(name, label);
		createControl(parent);
	}

	@Override
	protected void adjustForNumColumns(int numColumns) {
		((GridData) group.getLayoutData()).horizontalSpan = numColumns;
	}

	@Override
	protected void doFillIntoGrid(Composite parent, int numColumns) {
		group = new Group(parent, SWT.NONE);
		group.setText(getLabelText());
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(group);
		GridDataFactory.fillDefaults().grab(true, false).span(numColumns, 1).applyTo(group);
		bm25 = new Button(group, SWT.RADIO);
		bm25.setText(Messages.SearchPage_bm25);
		bm25.setData(ScriptoriumUI.WIDGET_ID_KEY, SearchPreferencePage.RANKER_BM25_ID);
		GridDataFactory.fillDefaults().span(2, 1).applyTo(bm25);
		citation = new Button(group, SWT.RADIO);
		citation.setText(Messages.SearchPage_citationAware);
		citation.setData(ScriptoriumUI.WIDGET_ID_KEY, SearchPreferencePage.RANKER_CITATION_ID);
		GridDataFactory.fillDefaults().span(2, 1).applyTo(citation);
		new Label(group, SWT.NONE).setText(Messages.Preferences_retrieval);
		retrieval = new Combo(group, SWT.DROP_DOWN | SWT.READ_ONLY);
		retrieval.setData(ScriptoriumUI.WIDGET_ID_KEY, SearchPreferencePage.RANKER_RETRIEVAL_ID);
		retrieval.setItems(choices.stream().map(RetrievalChoices.Choice::label).toArray(String[]::new));
		GridDataFactory.fillDefaults().grab(true, false).applyTo(retrieval);
	}

	@Override
	protected void doLoad() {
		show(getPreferenceStore().getString(getPreferenceName()));
	}

	@Override
	protected void doLoadDefault() {
		show(getPreferenceStore().getDefaultString(getPreferenceName()));
	}

	private void show(String spec) {
		RankingSettings r;
		try {
			r = RankingSettings.defaults().withRankerSpec(spec);
		} catch (IllegalArgumentException e) {
			r = RankingSettings.defaults(); // the log has the warning of SearchPreferences
		}
		citation.setSelection(r.ranker() == Ranker.CITATION);
		bm25.setSelection(r.ranker() != Ranker.CITATION);
		int index = RetrievalChoices.indexOf(choices, r.retrieval());
		retrieval.select(index);
		loaded = index == 0 ? Retrieval.LEXICAL : r.retrieval();
	}

	@Override
	protected void doStore() {
		getPreferenceStore().setValue(getPreferenceName(), spec());
	}

	/** The ranker spec the controls make. */
	String spec() {
		Retrieval first = choices.get(Math.max(0, retrieval.getSelectionIndex())).retrieval();
		if (first.kind() == loaded.kind() && first.model().equals(loaded.model())) {
			first = loaded;
		}
		return RankingSettings.defaults().withRanker(citation.getSelection() ? Ranker.CITATION : Ranker.BM25)
				.withRetrieval(first).rankerSpec();
	}

	@Override
	public int getNumberOfControls() {
		return 1;
	}
}
