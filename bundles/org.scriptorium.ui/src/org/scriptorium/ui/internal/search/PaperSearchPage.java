package org.scriptorium.ui.internal.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

import org.eclipse.jface.dialogs.DialogPage;
import org.eclipse.jface.dialogs.IDialogSettings;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.search.ui.ISearchPage;
import org.eclipse.search.ui.ISearchPageContainer;
import org.eclipse.search.ui.NewSearchUI;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.scriptorium.search.Ranker;
import org.scriptorium.search.SearchRequest;
import org.scriptorium.ui.ScriptoriumUI;
import org.scriptorium.ui.internal.Messages;

/**
 * The "Paper Search" page of the Search dialog (Ctrl+H): a query of the search language, the fields to search plain
 * words in, a year range and the ranking. Queries run in the background; results go to the Search view.
 */
public final class PaperSearchPage extends DialogPage implements ISearchPage {

	/** The page id, for {@code NewSearchUI.openSearchDialog}. */
	public static final String ID = "org.scriptorium.ui.search.page"; //$NON-NLS-1$

	/** Widget ids (see {@link ScriptoriumUI#WIDGET_ID_KEY}). */
	public static final String QUERY_ID = "search.query", FROM_ID = "search.from", TO_ID = "search.to", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			CITATION_ID = "search.citationAware"; //$NON-NLS-1$

	private static final String HISTORY = "history", FIELDS = "fields", RANKER = "ranker"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	private static final int HISTORY_SIZE = 12;
	private static final int LIMIT = 200;

	private ISearchPageContainer container;
	private Combo query;
	private final List<Button> fieldButtons = new ArrayList<>();
	private Text from;
	private Text to;
	private Button bm25;
	private Button citationAware;

	@Override
	public void setContainer(ISearchPageContainer value) {
		container = value;
	}

	@Override
	public void createControl(Composite parent) {
		Composite c = new Composite(parent, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(4).applyTo(c);

		Label l = new Label(c, SWT.NONE);
		l.setText(Messages.SearchPage_query);
		GridDataFactory.fillDefaults().span(4, 1).applyTo(l);
		query = new Combo(c, SWT.DROP_DOWN);
		query.setData(ScriptoriumUI.WIDGET_ID_KEY, QUERY_ID);
		query.setItems(settings().getArray(HISTORY) == null ? new String[0] : settings().getArray(HISTORY));
		GridDataFactory.fillDefaults().grab(true, false).span(4, 1).hint(420, SWT.DEFAULT).applyTo(query);
		Label help = new Label(c, SWT.WRAP);
		help.setText(Messages.SearchPage_syntax);
		GridDataFactory.fillDefaults().span(4, 1).hint(420, SWT.DEFAULT).applyTo(help);

		Group fields = new Group(c, SWT.NONE);
		fields.setText(Messages.SearchPage_fields);
		GridLayoutFactory.swtDefaults().numColumns(4).applyTo(fields);
		GridDataFactory.fillDefaults().span(4, 1).applyTo(fields);
		String[] labels = { Messages.SearchPage_title, Messages.SearchPage_abstract, Messages.SearchPage_authors,
				Messages.SearchPage_venue };
		List<String> checked = settings().getArray(FIELDS) == null ? SearchQueries.FIELDS
				: Arrays.asList(settings().getArray(FIELDS));
		for (int i = 0; i < labels.length; i++) {
			Button b = new Button(fields, SWT.CHECK);
			b.setText(labels[i]);
			b.setData(ScriptoriumUI.WIDGET_ID_KEY, "search.field." + SearchQueries.FIELDS.get(i)); //$NON-NLS-1$
			b.setSelection(checked.contains(SearchQueries.FIELDS.get(i)));
			fieldButtons.add(b);
		}

		new Label(c, SWT.NONE).setText(Messages.SearchPage_yearFrom);
		from = yearText(c, FROM_ID);
		new Label(c, SWT.NONE).setText(Messages.SearchPage_yearTo);
		to = yearText(c, TO_ID);

		Group ranking = new Group(c, SWT.NONE);
		ranking.setText(Messages.SearchPage_ranking);
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(ranking);
		GridDataFactory.fillDefaults().span(4, 1).applyTo(ranking);
		bm25 = new Button(ranking, SWT.RADIO);
		bm25.setText(Messages.SearchPage_bm25);
		citationAware = new Button(ranking, SWT.RADIO);
		citationAware.setText(Messages.SearchPage_citationAware);
		citationAware.setData(ScriptoriumUI.WIDGET_ID_KEY, CITATION_ID);
		boolean citation = settings().get(RANKER) == null ? SearchPreferences.ranking().ranker() == Ranker.CITATION
				: Ranker.CITATION.name().equals(settings().get(RANKER));
		citationAware.setSelection(citation);
		bm25.setSelection(!citation);

		query.addModifyListener(e -> validate());
		from.addModifyListener(e -> validate());
		to.addModifyListener(e -> validate());
		setControl(c);
		validate();
	}

	private Text yearText(Composite parent, String id) {
		Text t = new Text(parent, SWT.BORDER);
		t.setData(ScriptoriumUI.WIDGET_ID_KEY, id);
		GridDataFactory.fillDefaults().hint(60, SWT.DEFAULT).applyTo(t);
		return t;
	}

	private void validate() {
		String problem = null;
		if (!isYear(from.getText()) || !isYear(to.getText())) {
			problem = Messages.SearchPage_badYear;
		} else if (query.getText().isBlank() && from.getText().isBlank() && to.getText().isBlank()) {
			problem = ""; //$NON-NLS-1$
		}
		setErrorMessage(problem == null || problem.isEmpty() ? null : problem);
		if (container != null) {
			container.setPerformActionEnabled(problem == null);
		}
	}

	private static boolean isYear(String s) {
		return s.isBlank() || s.strip().matches("\\d{4}"); //$NON-NLS-1$
	}

	private static Integer year(Text t) {
		return t.getText().isBlank() ? null : Integer.valueOf(t.getText().strip());
	}

	/** The query the page's fields make (what {@link #performAction()} searches for). */
	public String composedQuery() {
		List<String> fields = new ArrayList<>();
		for (int i = 0; i < fieldButtons.size(); i++) {
			if (fieldButtons.get(i).getSelection()) {
				fields.add(SearchQueries.FIELDS.get(i));
			}
		}
		return SearchQueries.compose(query.getText(), fields, year(from), year(to));
	}

	@Override
	public boolean performAction() {
		if (!isYear(from.getText()) || !isYear(to.getText())) {
			return false;
		}
		Ranker ranker = citationAware.getSelection() ? Ranker.CITATION : Ranker.BM25;
		remember(ranker);
		SearchRequest request = SearchRequest.of(composedQuery()).withLimit(LIMIT)
				.withRanking(SearchPreferences.ranking().withRanker(ranker)).withExplain(true).withFacets(true);
		NewSearchUI.runQueryInBackground(new PaperSearchQuery(request));
		return true;
	}

	private void remember(Ranker ranker) {
		IDialogSettings s = settings();
		LinkedHashSet<String> history = new LinkedHashSet<>();
		history.add(query.getText().strip());
		history.addAll(Arrays.asList(query.getItems()));
		s.put(HISTORY, history.stream().filter(h -> !h.isEmpty()).limit(HISTORY_SIZE).toArray(String[]::new));
		List<String> fields = new ArrayList<>();
		for (int i = 0; i < fieldButtons.size(); i++) {
			if (fieldButtons.get(i).getSelection()) {
				fields.add(SearchQueries.FIELDS.get(i));
			}
		}
		s.put(FIELDS, fields.toArray(String[]::new));
		s.put(RANKER, ranker.name());
	}

	private static IDialogSettings settings() {
		IDialogSettings root = PlatformUI.getDialogSettingsProvider(
				org.osgi.framework.FrameworkUtil.getBundle(PaperSearchPage.class)).getDialogSettings();
		IDialogSettings s = root.getSection(ID);
		return s != null ? s : root.addNewSection(ID);
	}

	@Override
	public void setVisible(boolean visible) {
		super.setVisible(visible);
		if (visible) {
			query.setFocus();
		}
	}
}
