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
import org.scriptorium.search.RankingSettings;
import org.scriptorium.search.Retrieval;
import org.scriptorium.search.SearchRequest;
import org.scriptorium.search.internal.query.SearchQueries;
import org.scriptorium.search.service.SearchPreferences;
import org.scriptorium.search.service.TextEncoders;
import org.scriptorium.ui.ScriptoriumUI;
import org.scriptorium.ui.internal.Messages;

/**
 * The "Paper Search" page of the Search dialog (Ctrl+H): a query of the search language, the fields to search plain
 * words in, a year range and the ranking (BM25 or citation-aware, over a lexical, dense or hybrid first stage when
 * embedding models are installed). Queries run in the background; results go to the Search view.
 */
public final class PaperSearchPage extends DialogPage implements ISearchPage {

	/** The page id, for {@code NewSearchUI.openSearchDialog}. */
	public static final String ID = "org.scriptorium.ui.search.page"; //$NON-NLS-1$

	/** Widget ids (see {@link ScriptoriumUI#WIDGET_ID_KEY}). */
	public static final String QUERY_ID = "search.query", FROM_ID = "search.from", TO_ID = "search.to", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			CITATION_ID = "search.citationAware", BM25_ID = "search.bm25", RETRIEVAL_ID = "search.retrieval"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

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
	/** The first-stage choice; null when no embedding model is installed (then the first stage is BM25). */
	private Combo retrieval;
	private List<RetrievalChoices.Choice> choices = List.of();
	/** The first stage remembered or preferred, kept when its choice stays selected (a convex weight). */
	private Retrieval initialRetrieval = Retrieval.LEXICAL;

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
		String[] labels = {Messages.SearchPage_title, Messages.SearchPage_abstract, Messages.SearchPage_authors,
				Messages.SearchPage_venue};
		List<String> checked = settings().getArray(FIELDS) == null
				? SearchQueries.FIELDS
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
		bm25.setData(ScriptoriumUI.WIDGET_ID_KEY, BM25_ID);
		citationAware = new Button(ranking, SWT.RADIO);
		citationAware.setText(Messages.SearchPage_citationAware);
		citationAware.setData(ScriptoriumUI.WIDGET_ID_KEY, CITATION_ID);
		RankingSettings initial = initialRanking();
		citationAware.setSelection(initial.ranker() == Ranker.CITATION);
		bm25.setSelection(initial.ranker() != Ranker.CITATION);
		choices = RetrievalChoices.all();
		if (choices.size() > 1) {
			new Label(ranking, SWT.NONE).setText(Messages.SearchPage_retrieval);
			retrieval = new Combo(ranking, SWT.DROP_DOWN | SWT.READ_ONLY);
			retrieval.setData(ScriptoriumUI.WIDGET_ID_KEY, RETRIEVAL_ID);
			retrieval.setItems(choices.stream().map(RetrievalChoices.Choice::label).toArray(String[]::new));
			int index = RetrievalChoices.indexOf(choices, initial.retrieval());
			retrieval.select(index);
			initialRetrieval = index == 0 ? Retrieval.LEXICAL : initial.retrieval();
			GridDataFactory.fillDefaults().grab(true, false).applyTo(retrieval);
		}

		query.addModifyListener(e -> validate());
		from.addModifyListener(e -> validate());
		to.addModifyListener(e -> validate());
		PlatformUI.getWorkbench().getHelpSystem().setHelp(c, ScriptoriumUI.HELP_SEARCH_PAGE);
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
		RankingSettings ranking = chosenRanking();
		remember(ranking);
		SearchRequest request = SearchRequest.of(composedQuery()).withLimit(LIMIT).withRanking(ranking)
				.withExplain(true).withFacets(true);
		NewSearchUI.runQueryInBackground(new PaperSearchQuery(request));
		return true;
	}

	/**
	 * The ranking to start with: the one remembered from the last search (a ranker spec; older settings hold
	 * {@code BM25} or {@code CITATION}), else the preferred one. A remembered model that is no longer installed gives
	 * way to BM25 as the first stage.
	 */
	private static RankingSettings initialRanking() {
		RankingSettings preferred = SearchPreferences.ranking();
		String remembered = settings().get(RANKER);
		if (remembered == null) {
			return preferred;
		}
		try {
			RankingSettings r = preferred.withRankerSpec(remembered);
			if (!TextEncoders.missing(r.retrieval().models()).isEmpty()) {
				return r.withRetrieval(Retrieval.LEXICAL);
			}
			return r;
		} catch (IllegalArgumentException e) {
			return preferred;
		}
	}

	/** The ranking the page's choices make: BM25 or citation-aware, composed with the first stage. */
	public RankingSettings chosenRanking() {
		Ranker ranker = citationAware.getSelection() ? Ranker.CITATION : Ranker.BM25;
		Retrieval first = Retrieval.LEXICAL;
		if (retrieval != null && retrieval.getSelectionIndex() > 0) {
			first = choices.get(retrieval.getSelectionIndex()).retrieval();
			if (first.kind() == initialRetrieval.kind() && first.model().equals(initialRetrieval.model())) {
				first = initialRetrieval;
			}
		}
		return SearchPreferences.ranking().withRanker(ranker).withRetrieval(first);
	}

	private void remember(RankingSettings ranking) {
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
		s.put(RANKER, ranking.rankerSpec());
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
