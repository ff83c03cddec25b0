package org.scriptorium.ui.internal.search;

import java.util.List;
import java.util.Map;

import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.IStructuredContentProvider;
import org.eclipse.jface.viewers.StyledCellLabelProvider;
import org.eclipse.jface.viewers.StyledString;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerCell;
import org.eclipse.jface.viewers.ViewerComparator;
import org.eclipse.osgi.util.NLS;
import org.eclipse.search.ui.ISearchResult;
import org.eclipse.search.ui.NewSearchUI;
import org.eclipse.search.ui.text.AbstractTextSearchResult;
import org.eclipse.search.ui.text.AbstractTextSearchViewPage;
import org.eclipse.search.ui.text.Match;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.scriptorium.search.FacetCount;
import org.scriptorium.search.SearchHit;
import org.scriptorium.search.SearchRequest;
import org.scriptorium.search.internal.query.SearchQueries;
import org.scriptorium.ui.IPapersView;
import org.scriptorium.ui.ScriptoriumUI;
import org.scriptorium.ui.internal.Messages;

/**
 * Shows paper search results in the Search view: rank, title, year, score and a snippet with the matching words in
 * bold. Opening a result selects the paper in the Papers view. Beside the results, a facet panel lists the year,
 * venue and author counts of all matches; clicking a value (or Enter on it) runs the search again narrowed to it,
 * e.g. {@code (routing) AND year:2023}, as a new search of the history.
 */
public final class PaperSearchResultPage extends AbstractTextSearchViewPage {

	/** The id of the results table (see {@link ScriptoriumUI#WIDGET_ID_KEY}). */
	public static final String TABLE_ID = "search.results"; //$NON-NLS-1$
	/** The id of the facet tree (see {@link ScriptoriumUI#WIDGET_ID_KEY}). */
	public static final String FACETS_ID = "search.facets"; //$NON-NLS-1$
	/** Tree item data: the facet name and value of a facet value's item. */
	private static final String FACET_KEY = "facet", VALUE_KEY = "value"; //$NON-NLS-1$ //$NON-NLS-2$

	private Tree facets;
	/** The counts the facet tree shows. */
	private Map<String, List<FacetCount>> shownFacets;

	public PaperSearchResultPage() {
		super(FLAG_LAYOUT_FLAT);
	}

	@Override
	protected TableViewer createTableViewer(Composite parent) {
		SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
		Composite container = new Composite(sash, SWT.NONE);
		TableColumnLayout layout = new TableColumnLayout();
		container.setLayout(layout);
		TableViewer viewer = new TableViewer(container, SWT.MULTI | SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setData(ScriptoriumUI.WIDGET_ID_KEY, TABLE_ID);
		column(viewer, layout, Messages.SearchResult_columnRank, 4, h -> new StyledString(String.valueOf(h.rank())));
		column(viewer, layout, Messages.SearchResult_columnTitle, 40, h -> new StyledString(h.title()));
		column(viewer, layout, Messages.SearchResult_columnYear, 5,
				h -> new StyledString(h.year() == null ? "" : String.valueOf(h.year()))); //$NON-NLS-1$
		column(viewer, layout, Messages.SearchResult_columnScore, 6,
				h -> new StyledString(String.format("%.3f", h.score()), StyledString.COUNTER_STYLER)); //$NON-NLS-1$
		ColumnViewerToolTipSupport.enableFor(viewer);
		column(viewer, layout, Messages.SearchResult_columnSnippet, 45, h -> Snippets.styled(h.snippet()));
		createFacets(sash);
		sash.setWeights(4, 1);
		return viewer;
	}

	private void createFacets(Composite parent) {
		facets = new Tree(parent, SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
		facets.setData(ScriptoriumUI.WIDGET_ID_KEY, FACETS_ID);
		facets.setToolTipText(Messages.SearchFacets_tooltip);
		// on the press, as GTK's tree does not always report the release of a click that selects an item
		facets.addListener(SWT.MouseDown, e -> {
			if (e.button == 1 && e.count == 1) {
				narrow(facets.getItem(new Point(e.x, e.y)));
			}
		});
		facets.addListener(SWT.KeyDown, e -> {
			if ((e.keyCode == SWT.CR || e.keyCode == SWT.KEYPAD_CR) && facets.getSelectionCount() == 1) {
				narrow(facets.getSelection()[0]);
			}
		});
	}

	/** Shows the facet counts of the result on display. */
	private void showFacets() {
		if (facets == null || facets.isDisposed()) {
			return;
		}
		Map<String, List<FacetCount>> counts = getInput() instanceof PaperSearchResult r ? r.facets() : Map.of();
		if (counts.equals(shownFacets)) {
			return; // the result reports changes more than once: keep the items, their selection and scroll position
		}
		shownFacets = counts;
		facets.setRedraw(false);
		try {
			facets.removeAll();
			counts.forEach((name, values) -> {
				if (values.isEmpty()) {
					return;
				}
				TreeItem group = new TreeItem(facets, SWT.NONE);
				group.setText(label(name));
				// newest years first, as the results' year column reads
				List<FacetCount> ordered = name.equals("year") //$NON-NLS-1$
						? values.stream().sorted((a, b) -> b.value().compareTo(a.value())).toList()
						: values;
				for (FacetCount c : ordered) {
					TreeItem item = new TreeItem(group, SWT.NONE);
					item.setText(NLS.bind(Messages.SearchFacets_entry, c.value(), c.count()));
					item.setData(FACET_KEY, name);
					item.setData(VALUE_KEY, c.value());
				}
				group.setExpanded(true);
			});
		} finally {
			facets.setRedraw(true);
		}
	}

	private static String label(String facet) {
		return switch (facet) {
			case "year" -> Messages.SearchFacets_year; //$NON-NLS-1$
			case "venue" -> Messages.SearchFacets_venue; //$NON-NLS-1$
			case "author" -> Messages.SearchFacets_author; //$NON-NLS-1$
			default -> facet;
		};
	}

	/** Runs the search on display again, narrowed to the facet value of {@code item} (a group item does nothing). */
	private void narrow(TreeItem item) {
		if (item == null || !(item.getData(FACET_KEY) instanceof String facet)
				|| !(getInput() instanceof PaperSearchResult r)) {
			return;
		}
		SearchRequest request = ((PaperSearchQuery) r.getQuery()).request();
		String narrowed = SearchQueries.narrow(request.query(), facet, (String) item.getData(VALUE_KEY));
		if (!narrowed.equals(request.query())) {
			NewSearchUI.runQueryInBackground(new PaperSearchQuery(request.withQuery(narrowed)));
		}
	}

	@Override
	public void setInput(ISearchResult newSearch, Object viewState) {
		super.setInput(newSearch, viewState);
		showFacets();
	}

	private static void column(TableViewer viewer, TableColumnLayout layout, String title, int weight,
			java.util.function.Function<SearchHit, StyledString> text) {
		TableViewerColumn c = new TableViewerColumn(viewer, SWT.NONE);
		c.getColumn().setText(title);
		layout.setColumnData(c.getColumn(), new ColumnWeightData(weight, 30, true));
		c.setLabelProvider(new StyledCellLabelProvider() {
			@Override
			public void update(ViewerCell cell) {
				StyledString s = text.apply((SearchHit) cell.getElement());
				cell.setText(s.getString());
				cell.setStyleRanges(s.getStyleRanges());
			}

			@Override
			public String getToolTipText(Object element) {
				return Explanations.describe((SearchHit) element);
			}
		});
	}

	@Override
	protected void configureTableViewer(TableViewer viewer) {
		viewer.setContentProvider(new IStructuredContentProvider() {
			@Override
			public Object[] getElements(Object input) {
				return input instanceof AbstractTextSearchResult r ? r.getElements() : new Object[0];
			}
		});
		viewer.setComparator(new ViewerComparator() {
			@Override
			public int compare(Viewer v, Object a, Object b) {
				return Integer.compare(((SearchHit) a).rank(), ((SearchHit) b).rank());
			}
		});
	}

	@Override
	protected void configureTreeViewer(TreeViewer viewer) {
		throw new UnsupportedOperationException("paper results have a flat layout only"); //$NON-NLS-1$
	}

	@Override
	protected void elementsChanged(Object[] objects) {
		if (getViewer() != null) {
			getViewer().refresh();
		}
		showFacets();
	}

	@Override
	protected void clear() {
		if (getViewer() != null) {
			getViewer().refresh();
		}
		showFacets();
	}

	@Override
	protected void showMatch(Match match, int currentOffset, int currentLength, boolean activate)
			throws PartInitException {
		IWorkbenchPage page = getSite().getPage();
		IPapersView.show(page, activate ? IWorkbenchPage.VIEW_ACTIVATE : IWorkbenchPage.VIEW_VISIBLE)
				.reveal(((SearchHit) match.getElement()).paperId());
	}
}
