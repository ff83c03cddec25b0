package org.scriptorium.ui.tests.pages;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.search.ui.ISearchQuery;
import org.eclipse.search.ui.NewSearchUI;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.PlatformUI;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.tests.common.ui.Widgets;
import org.scriptorium.ui.ScriptoriumUI;
import org.scriptorium.ui.internal.search.PaperSearchQuery;
import org.scriptorium.ui.internal.search.PaperSearchResult;
import org.scriptorium.ui.internal.search.PaperSearchResultPage;

/** Reads and drives paper search results in the Search view. */
public final class SearchViewTester {

	private final PaperSearchQuery query;

	private SearchViewTester(PaperSearchQuery query) {
		this.query = query;
	}

	/** Waits for the newest paper search to finish and its results to be shown. */
	public static SearchViewTester latest() {
		return latestAfter(null);
	}

	/** Waits for a paper search newer than {@code previous} to finish and its results to be shown. */
	public static SearchViewTester latestAfter(PaperSearchQuery previous) {
		UiWait.until("a paper search ran", () -> NewSearchUI.getQueries().length > 0 //$NON-NLS-1$
				&& NewSearchUI.getQueries()[0] instanceof PaperSearchQuery
				&& NewSearchUI.getQueries()[0] != previous);
		PaperSearchQuery q = (PaperSearchQuery) NewSearchUI.getQueries()[0];
		SearchViewTester tester = new SearchViewTester(q);
		// (NewSearchUI.isQueryRunning is false until the query's job starts: wait for the result's own end instead)
		UiWait.until("the paper search finished", () -> tester.result().isComplete()); //$NON-NLS-1$
		UiWait.until("the Search view shows the results", () -> { //$NON-NLS-1$
			Table t = tester.table();
			return t != null && t.getItemCount() == tester.result().getElementsCount();
		});
		return tester;
	}

	public PaperSearchQuery query() {
		return query;
	}

	public PaperSearchResult result() {
		return (PaperSearchResult) query.getSearchResult();
	}

	/** The results table of the Search view, or null while it is not there. */
	public Table table() {
		IViewPart view = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage()
				.findView(NewSearchUI.SEARCH_VIEW_ID);
		if (view == null) {
			return null;
		}
		List<Table> tables = Widgets.all((Composite) view.getViewSite().getShell(), Table.class).stream()
				.filter(t -> PaperSearchResultPage.TABLE_ID.equals(t.getData(ScriptoriumUI.WIDGET_ID_KEY))
						&& t.isVisible())
				.toList();
		return tables.isEmpty() ? null : tables.get(0);
	}

	/** The facet tree beside the results, or null while it is not there. */
	public Tree facets() {
		IViewPart view = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage()
				.findView(NewSearchUI.SEARCH_VIEW_ID);
		if (view == null) {
			return null;
		}
		List<Tree> trees = Widgets.all((Composite) view.getViewSite().getShell(), Tree.class).stream()
				.filter(t -> PaperSearchResultPage.FACETS_ID.equals(t.getData(ScriptoriumUI.WIDGET_ID_KEY))
						&& t.isVisible())
				.toList();
		return trees.isEmpty() ? null : trees.get(0);
	}

	/** The entries shown under a facet group, e.g. {@code "Year"} → {@code ["2024 (12)", "2023 (5)"]}. */
	public List<String> facetEntries(String group) {
		List<String> out = new ArrayList<>();
		Tree t = facets();
		if (t == null) {
			return out;
		}
		for (TreeItem g : t.getItems()) {
			if (g.getText().equals(group)) {
				for (TreeItem item : g.getItems()) {
					out.add(item.getText());
				}
			}
		}
		return out;
	}

	/**
	 * Clicks a facet entry as SWTBot's tree item click does: the press, selection and release events at the item's
	 * centre (posted OS events are not reliable in a part of a workbench under a bare Xvfb without a window manager).
	 */
	public void clickFacet(String group, String entry) {
		Tree t = facets();
		TreeItem item = null;
		for (TreeItem g : t.getItems()) {
			for (TreeItem i : g.getText().equals(group) ? g.getItems() : new TreeItem[0]) {
				if (i.getText().equals(entry)) {
					item = i;
				}
			}
		}
		if (item == null) {
			throw new AssertionError("no facet entry " + group + " / " + entry + " in " + facetEntries(group)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		t.showItem(item);
		UiWait.flush();
		org.eclipse.swt.graphics.Rectangle b = item.getBounds();
		t.setSelection(item);
		for (int type : new int[]{SWT.MouseDown, SWT.Selection, SWT.MouseUp}) {
			Event e = new Event();
			e.x = b.x + b.width / 2;
			e.y = b.y + b.height / 2;
			e.button = 1;
			e.count = 1;
			e.item = type == SWT.Selection ? item : null;
			t.notifyListeners(type, e);
		}
		UiWait.flush();
	}

	/** The text of column {@code column} of every row. */
	public List<String> column(int column) {
		List<String> out = new ArrayList<>();
		for (var item : table().getItems()) {
			out.add(item.getText(column));
		}
		return out;
	}

	/** Opens row {@code index} as a double-click does (select, then default selection). */
	public void open(int index) {
		Table t = table();
		t.setFocus();
		t.setSelection(index);
		Event e = new Event();
		e.item = t.getItem(index);
		t.notifyListeners(SWT.Selection, e);
		e = new Event();
		e.item = t.getItem(index);
		t.notifyListeners(SWT.DefaultSelection, e);
		UiWait.flush();
	}

	public ISearchQuery searchQuery() {
		return query;
	}
}
