package org.scriptorium.ui.internal.search;

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
import org.eclipse.search.ui.text.AbstractTextSearchResult;
import org.eclipse.search.ui.text.AbstractTextSearchViewPage;
import org.eclipse.search.ui.text.Match;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.scriptorium.search.SearchHit;
import org.scriptorium.ui.ScriptoriumUI;
import org.scriptorium.ui.internal.Messages;
import org.scriptorium.ui.internal.views.PapersView;

/**
 * Shows paper search results in the Search view: rank, title, year, score and a snippet with the matching words in
 * bold. Opening a result selects the paper in the Papers view.
 */
public final class PaperSearchResultPage extends AbstractTextSearchViewPage {

	/** The id of the results table (see {@link ScriptoriumUI#WIDGET_ID_KEY}). */
	public static final String TABLE_ID = "search.results"; //$NON-NLS-1$

	public PaperSearchResultPage() {
		super(FLAG_LAYOUT_FLAT);
	}

	@Override
	protected TableViewer createTableViewer(Composite parent) {
		Composite container = new Composite(parent, SWT.NONE);
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
		return viewer;
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
	}

	@Override
	protected void clear() {
		if (getViewer() != null) {
			getViewer().refresh();
		}
	}

	@Override
	protected void showMatch(Match match, int currentOffset, int currentLength, boolean activate)
			throws PartInitException {
		IWorkbenchPage page = getSite().getPage();
		PapersView view = (PapersView) page.showView(ScriptoriumUI.PAPERS_VIEW_ID, null,
				activate ? IWorkbenchPage.VIEW_ACTIVATE : IWorkbenchPage.VIEW_VISIBLE);
		view.reveal(((SearchHit) match.getElement()).paperId());
	}
}
