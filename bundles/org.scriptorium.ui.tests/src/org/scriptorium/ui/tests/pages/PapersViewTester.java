package org.scriptorium.ui.tests.pages;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.Adapters;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.scriptorium.tests.common.ui.Input;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.tests.common.ui.Widgets;
import org.scriptorium.ui.IPapersView;
import org.scriptorium.ui.ScriptoriumUI;
import org.scriptorium.ui.internal.JobFamilies;
import org.scriptorium.ui.internal.views.CorpusLoader;
import org.scriptorium.ui.internal.views.PaperTabs;
import org.scriptorium.ui.internal.views.PapersActions;
import org.scriptorium.ui.internal.views.PapersTable;
import org.scriptorium.ui.internal.views.PapersView;

/** Drives the Papers view through its widgets, as a person would. */
public final class PapersViewTester {

	private final IViewPart view;

	private PapersViewTester(IViewPart view) {
		this.view = view;
	}

	/** Shows the Papers view in the active page and waits until its corpus is loaded. */
	public static PapersViewTester open() throws PartInitException {
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		PapersViewTester tester = new PapersViewTester(page.showView(ScriptoriumUI.PAPERS_VIEW_ID));
		UiWait.jobs(JobFamilies.CORPUS_LOAD);
		UiWait.until("the Papers view shows its corpus", () -> tester.table().getItemCount() > 0); //$NON-NLS-1$
		return tester;
	}

	/**
	 * Closes the view, so the next test gets a new one; first puts back the view settings that are remembered across
	 * instances (the reference-only toggle), so tests do not depend on their order.
	 */
	public void close() {
		var item = (org.eclipse.jface.action.ActionContributionItem) view.getViewSite().getActionBars().getMenuManager()
				.find(PapersView.SHOW_REFERENCE_ONLY_ACTION_ID);
		if (item.getAction().isChecked()) {
			toggleReferenceOnly();
		}
		view.getSite().getPage().hideView(view);
	}

	/** The view as the workbench uses it. */
	public IPapersView view() {
		return IPapersView.of(view);
	}

	/** The view's part. */
	public IViewPart part() {
		return view;
	}

	/** The view's table part (filter, rows, columns). */
	public PapersTable tablePart() {
		return Adapters.adapt(view, PapersTable.class);
	}

	/** The view's tabs part (details, relations, citation path). */
	public PaperTabs tabsPart() {
		return Adapters.adapt(view, PaperTabs.class);
	}

	/** The view's actions part (menus, Back and Forward, editing). */
	public PapersActions actionsPart() {
		return Adapters.adapt(view, PapersActions.class);
	}

	/** The view's corpus loader. */
	public CorpusLoader loader() {
		return Adapters.adapt(view, CorpusLoader.class);
	}

	private <T> T widget(String id, Class<T> type) {
		Composite parent = (Composite) view.getSite().getShell();
		return type.cast(Widgets.byId(parent, ScriptoriumUI.WIDGET_ID_KEY, id, org.eclipse.swt.widgets.Widget.class));
	}

	public Text filter() {
		return widget(PapersView.FILTER_ID, Text.class);
	}

	public Table table() {
		return widget(PapersView.TABLE_ID, Table.class);
	}

	public StyledText details() {
		return widget(PapersView.DETAILS_ID, StyledText.class);
	}

	public String count() {
		return widget(PapersView.COUNT_ID, Label.class).getText();
	}

	public int rowCount() {
		return table().getItemCount();
	}

	/** The text of column {@code column} of every row, top to bottom. */
	public List<String> column(int column) {
		List<String> out = new ArrayList<>();
		for (var item : table().getItems()) {
			out.add(item.getText(column));
		}
		return out;
	}

	public List<String> titles() {
		return column(0);
	}

	/** Types into the filter box with real key events and waits until the table shows {@code expectedRows}. */
	public void typeFilter(String text, int expectedRows) {
		Input.type(filter(), text);
		UiWait.until("the filter box holds '" + text + "'", () -> filter().getText().equals(text)); //$NON-NLS-1$ //$NON-NLS-2$
		settle();
		UiWait.until("the filter '" + text + "' leaves " + expectedRows + " rows", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				() -> rowCount() == expectedRows);
	}

	/** Deletes the filter text with backspaces. */
	public void clearFilter() {
		Input.press(filter(), org.eclipse.swt.SWT.END, 1);
		Input.press(filter(), org.eclipse.swt.SWT.BS, filter().getText().length());
		UiWait.until("the filter is empty", () -> filter().getText().isEmpty()); //$NON-NLS-1$
	}

	/** Clicks row {@code index} with the mouse. */
	public void clickRow(int index) {
		Table table = table();
		table.showItem(table.getItem(index));
		UiWait.flush();
		Input.click(table, table.getItem(index).getBounds(0));
		UiWait.until("row " + index + " is selected", () -> table.getSelectionIndex() == index); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** Flips the view menu's "Show Reference-Only Papers" toggle, as choosing it in the view menu does. */
	public void toggleReferenceOnly() {
		var item = (org.eclipse.jface.action.ActionContributionItem) view.getViewSite().getActionBars().getMenuManager()
				.find(PapersView.SHOW_REFERENCE_ONLY_ACTION_ID);
		var action = item.getAction();
		action.setChecked(!action.isChecked());
		action.run();
		UiWait.flush();
	}

	/** Whether row {@code index} is drawn in italics. */
	public boolean isItalic(int index) {
		var font = table().getItem(index).getFont(0);
		return (font.getFontData()[0].getStyle() & org.eclipse.swt.SWT.ITALIC) != 0;
	}

	/** The list of a relation tab: {@link PapersView#REFERENCES_ID}, {@link PapersView#CITED_BY_ID} or {@link PapersView#RELATED_ID}. */
	public Table relation(String id) {
		return widget(id, Table.class);
	}

	/** The rows of a relation tab's list. */
	public List<String> relationRows(String id) {
		List<String> out = new ArrayList<>();
		for (var item : relation(id).getItems()) {
			out.add(item.getText());
		}
		return out;
	}

	/** Double-clicks row {@code index} of a relation list, as SWTBot does (select, then default selection). */
	public void openRelation(String id, int index) {
		Table table = relation(id);
		table.setSelection(index);
		org.eclipse.swt.widgets.Event e = new org.eclipse.swt.widgets.Event();
		e.item = table.getItem(index);
		table.notifyListeners(org.eclipse.swt.SWT.Selection, e);
		e = new org.eclipse.swt.widgets.Event();
		e.item = table.getItem(index);
		table.notifyListeners(org.eclipse.swt.SWT.DefaultSelection, e);
		UiWait.flush();
	}

	/** The title in the first column of the selected row of the main table, or null. */
	public String selectedTitle() {
		Table table = table();
		return table.getSelectionCount() == 0 ? null : table.getSelection()[0].getText(0);
	}

	/** Waits until the view has shown the rows of its latest filter and sort order. */
	public void settle() {
		UiWait.jobs(JobFamilies.PAPERS_FILTER);
		UiWait.flush();
	}

	/** Clicks the header of column {@code index} (as SWTBot does, by notifying its selection listeners). */
	public void clickHeader(int index) {
		Table table = table();
		TableColumn column = table.getColumn(index);
		column.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
		settle();
	}

	/** Selects these rows (as SWTBot does: set the selection, then notify the table's selection listeners). */
	public void selectRows(int... indices) {
		Table table = table();
		table.setSelection(indices);
		org.eclipse.swt.widgets.Event e = new org.eclipse.swt.widgets.Event();
		e.item = table.getItem(indices[0]);
		table.notifyListeners(org.eclipse.swt.SWT.Selection, e);
		UiWait.flush();
	}

	/** The row showing the paper titled {@code title}. */
	public int rowOf(String title) {
		int row = titles().indexOf(title);
		if (row < 0) {
			throw new AssertionError("no row titled " + title + " in " + titles()); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return row;
	}

	/** Activates the view (its commands and key bindings apply while it is the active part). */
	public void activate() {
		view.getSite().getPage().activate(view);
		UiWait.flush();
	}

	/**
	 * Chooses an item of the table's context menu as SWTBot's contextMenu(...).click() does: shows the menu (which
	 * fills it), follows the labels (without mnemonics) through submenus and selects the last one.
	 *
	 * @return the labels of the last menu shown, before the item was chosen
	 */
	public List<String> contextMenu(String... path) {
		activate();
		return Menus.choose(table().getMenu(), path);
	}
}
