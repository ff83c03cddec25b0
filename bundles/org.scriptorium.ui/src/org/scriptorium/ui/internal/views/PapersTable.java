package org.scriptorium.ui.internal.views;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ColumnPixelData;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.ILabelDecorator;
import org.eclipse.jface.viewers.ILabelProviderListener;
import org.eclipse.jface.viewers.ILazyContentProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.scriptorium.core.model.Paper;
import org.scriptorium.search.HighlightTerms;
import org.scriptorium.ui.ScriptoriumUI;
import org.scriptorium.ui.internal.JobFamilies;
import org.scriptorium.ui.internal.Messages;
import org.scriptorium.ui.internal.Tracing;
import org.scriptorium.ui.internal.jobs.JobUtil;

/**
 * The table part of the Papers view: the filter box, the count, and the virtual table of the papers the filter
 * finds, with sortable columns that can be hidden. Its rows are computed in a job (family
 * {@link JobFamilies#PAPERS_FILTER}, the newest request wins); it selects and reveals papers.
 */
public final class PapersTable {

	private final Text filterText;
	private final Label countLabel;
	private final Link hiddenLink;
	private final PapersTableViewer viewer;
	private final PaperFilter filter = new PaperFilter();
	private final PaperComparator comparator = new PaperComparator();
	private final TableColumnLayout columnLayout = new TableColumnLayout();
	private final List<TableColumn> columns = new ArrayList<>();
	private final List<Integer> columnWeights = new ArrayList<>();
	private final Set<String> hiddenColumns = new HashSet<>();
	private final Consumer<HighlightTerms> highlight;
	private final Runnable referenceOnlyShown;
	private LoadedCorpus loaded;
	private List<Paper> rows = List.of();
	private Map<String, Integer> rowIndex;
	private long rowsRequest;
	private Job rowsJob;
	private boolean traced;
	private String pendingReveal;

	/**
	 * @param top                the composite of the filter box, the count and the hidden matches (three columns)
	 * @param container          the composite of the table
	 * @param showReferenceOnly  whether reference-only papers are listed
	 * @param hidden             the titles of the hidden columns
	 * @param highlight          told the words of the filter to highlight whenever new rows show
	 * @param referenceOnlyShown told when revealing a paper started listing reference-only papers
	 */
	PapersTable(Composite top, Composite container, boolean showReferenceOnly, Collection<String> hidden,
			Consumer<HighlightTerms> highlight, Runnable referenceOnlyShown) {
		this.highlight = highlight;
		this.referenceOnlyShown = referenceOnlyShown;
		filter.setShowReferenceOnly(showReferenceOnly);
		hiddenColumns.addAll(hidden);
		filterText = new Text(top, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
		filterText.setMessage(Messages.PapersView_filterMessage);
		filterText.setData(ScriptoriumUI.WIDGET_ID_KEY, PapersView.FILTER_ID);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(filterText);
		countLabel = new Label(top, SWT.WRAP);
		countLabel.setText(Messages.PapersView_loading);
		countLabel.setData(ScriptoriumUI.WIDGET_ID_KEY, PapersView.COUNT_ID);
		layoutCount(false);
		// matches of the filter that are hidden because they are reference-only, and a link that lists them
		hiddenLink = new Link(top, SWT.NONE);
		hiddenLink.setData(ScriptoriumUI.WIDGET_ID_KEY, PapersView.HIDDEN_MATCHES_ID);
		GridDataFactory.fillDefaults().align(SWT.END, SWT.CENTER).exclude(true).applyTo(hiddenLink);
		hiddenLink.setVisible(false);
		hiddenLink.addListener(SWT.Selection, e -> {
			filter.setShowReferenceOnly(true);
			referenceOnlyShown.run();
			refreshRows();
		});
		viewer = createTable(container);
		filterText.addModifyListener(e -> {
			if (filter.setText(filterText.getText())) {
				refreshRows();
			}
		});
	}

	/** The composite for the filter box and the count of {@link #PapersTable}. */
	static Composite top(Composite parent) {
		Composite top = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(3).margins(2, 2).applyTo(top);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(top);
		return top;
	}

	TableViewer viewer() {
		return viewer;
	}

	/** The papers selected in the table, in table order. */
	List<Paper> selectedPapers() {
		return viewer.getStructuredSelection().toList().stream().filter(Paper.class::isInstance)
				.map(Paper.class::cast).toList();
	}

	/** Shows or hides the column titled {@code title} (the Title column always shows); remembered by the view. */
	public void setColumnVisible(String title, boolean visible) {
		for (int i = 1; i < columns.size(); i++) {
			TableColumn c = columns.get(i);
			if (c.getText().equals(title)) {
				if (visible) {
					hiddenColumns.remove(title);
					columnLayout.setColumnData(c, new ColumnWeightData(columnWeights.get(i), 40, true));
				} else {
					hiddenColumns.add(title);
					columnLayout.setColumnData(c, new ColumnPixelData(0, false));
				}
				c.setResizable(visible);
				viewer.getTable().getParent().layout(true);
			}
		}
	}

	/** Whether the column titled {@code title} shows. */
	public boolean isColumnVisible(String title) {
		return !hiddenColumns.contains(title);
	}

	/** The titles of the columns that can be hidden (all but the Title column), in order. */
	List<String> hideableColumns() {
		return columns.stream().skip(1).map(TableColumn::getText).toList();
	}

	/** The titles of the hidden columns. */
	Set<String> hiddenColumns() {
		return Set.copyOf(hiddenColumns);
	}

	boolean isShowReferenceOnly() {
		return filter.isShowReferenceOnly();
	}

	/** Lists reference-only papers or not, and computes the rows again. */
	void setShowReferenceOnly(boolean show) {
		filter.setShowReferenceOnly(show);
		refreshRows();
	}

	/**
	 * Lists the papers of {@code corpus}; the paper {@code revealId} (or, if null, one revealed while the corpus loaded)
	 * is selected once they show.
	 */
	void show(LoadedCorpus corpus, String revealId) {
		if (revealId != null) {
			pendingReveal = revealId;
		}
		loaded = corpus;
		viewer.setInput(corpus.corpus());
		refreshRows();
	}

	/** Shows a message in place of the count, e.g. why the corpus could not be loaded. */
	void showMessage(String message) {
		if (!countLabel.isDisposed()) {
			countLabel.setText(message);
			countLabel.getParent().layout();
		}
	}

	private PapersTableViewer createTable(Composite container) {
		container.setLayout(columnLayout);
		PapersTableViewer v = new PapersTableViewer(container,
				SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.VIRTUAL);
		Table table = v.getTable();
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		table.setData(ScriptoriumUI.WIDGET_ID_KEY, PapersView.TABLE_ID);
		v.setUseHashlookup(true);
		v.setContentProvider(new ILazyContentProvider() {
			@Override
			public void updateElement(int index) {
				if (index < rows.size()) {
					v.replace(rows.get(index), index);
				}
			}
		});
		// the title carries the workbench's label decorations (e.g. the sandbox's "[sandbox: top-p]")
		ILabelDecorator decorator = PlatformUI.getWorkbench().getDecoratorManager().getLabelDecorator();
		column(v, Messages.PapersView_columnTitle, 50, p -> {
			// an incomplete paper (its source gave no title) says so rather than showing an empty cell
			String title = p.isIncomplete() && p.title().isBlank() ? Messages.PapersView_untitled : p.title();
			String decorated = decorator.decorateText(title, p);
			return decorated == null ? title : decorated;
		}, Comparator.comparing(Paper::title, String.CASE_INSENSITIVE_ORDER));
		// decorations are computed in the background: show them when they arrive
		ILabelProviderListener decorationsChanged = event -> {
			if (!v.getControl().isDisposed()) {
				if (event.getElements() == null) {
					v.refresh();
				} else {
					v.update(event.getElements(), null);
				}
			}
		};
		decorator.addListener(decorationsChanged);
		table.addDisposeListener(e -> decorator.removeListener(decorationsChanged));
		column(v, Messages.PapersView_columnAuthors, 22, Paper::authorsDisplay,
				Comparator.comparing(Paper::authorsDisplay, String.CASE_INSENSITIVE_ORDER));
		column(v, Messages.PapersView_columnYear, 6, p -> p.year().map(String::valueOf).orElse(""), //$NON-NLS-1$
				Comparator.comparing((Paper p) -> p.year().orElse(Integer.MIN_VALUE)));
		column(v, Messages.PapersView_columnVenue, 12, p -> p.venue().orElse(""), //$NON-NLS-1$
				Comparator.comparing((Paper p) -> p.venue().orElse(""), String.CASE_INSENSITIVE_ORDER)); //$NON-NLS-1$
		column(v, Messages.PapersView_columnCitedBy, 6, p -> String.valueOf(citedByCount(p)),
				Comparator.comparingInt(this::citedByCount));
		column(v, Messages.PapersView_columnIds, 10, PapersTable::ids,
				Comparator.comparing(PapersTable::ids, String.CASE_INSENSITIVE_ORDER));
		return v;
	}

	private int citedByCount(Paper p) {
		return loaded == null ? 0 : loaded.citedByCount(p);
	}

	private static String ids(Paper p) {
		if (p.ids().arxiv() != null) {
			return "arXiv:" + p.ids().arxiv(); //$NON-NLS-1$
		}
		return p.ids().doi() != null ? "doi:" + p.ids().doi() : ""; //$NON-NLS-1$ //$NON-NLS-2$
	}

	private void column(TableViewer v, String title, int weight, Function<Paper, String> text,
			Comparator<Paper> order) {
		TableViewerColumn vc = new TableViewerColumn(v, SWT.NONE);
		TableColumn c = vc.getColumn();
		c.setText(title);
		c.setMoveable(true);
		columns.add(c);
		columnWeights.add(weight);
		if (columns.size() > 1 && hiddenColumns.contains(title)) {
			columnLayout.setColumnData(c, new ColumnPixelData(0, false));
			c.setResizable(false);
		} else {
			columnLayout.setColumnData(c, new ColumnWeightData(weight, 40, true));
		}
		vc.setLabelProvider(new PaperLabels() {
			@Override
			public String getText(Object element) {
				return text.apply((Paper) element);
			}
		});
		c.addListener(SWT.Selection, e -> {
			Table table = v.getTable();
			int dir = table.getSortColumn() == c && comparator.direction() == SWT.UP ? SWT.DOWN : SWT.UP;
			comparator.sortBy(order, dir);
			table.setSortColumn(c);
			table.setSortDirection(dir);
			refreshRows();
		});
	}

	/** Recomputes the rows for the current filter and order in a job; the newest request wins. */
	private void refreshRows() {
		if (loaded == null) {
			return;
		}
		long request = ++rowsRequest;
		LoadedCorpus corpus = loaded;
		PaperFilter.Settings settings = filter.snapshot();
		Comparator<Paper> order = comparator.comparator();
		if (rowsJob != null) {
			rowsJob.cancel();
		}
		Display display = viewer.getControl().getDisplay();
		rowsJob = JobUtil.create(Messages.PapersView_filterJob, JobFamilies.PAPERS_FILTER, monitor -> {
			try {
				PaperRows.Result computed = PaperRows.compute(corpus, settings, order, monitor);
				display.asyncExec(() -> {
					if (request == rowsRequest && !viewer.getControl().isDisposed()) {
						showRows(computed);
					}
				});
				return Status.OK_STATUS;
			} catch (CoreException e) {
				display.asyncExec(() -> {
					if (!countLabel.isDisposed()) {
						showError(NLS.bind(Messages.PapersView_searchFailed, e.getMessage()));
					}
				});
				return e.getStatus();
			}
		});
		rowsJob.setSystem(true);
		rowsJob.schedule();
	}

	private void showRows(PaperRows.Result computed) {
		if (computed.error() != null) {
			showError(computed.error().position() < 0
					? NLS.bind(Messages.PapersView_queryProblem, computed.error().message())
					: NLS.bind(Messages.PapersView_queryError, computed.error().position() + 1,
							computed.error().message()));
			return;
		}
		countLabel.setForeground(null);
		countLabel.setToolTipText(computed.notice());
		layoutCount(false);
		showHidden(computed.hidden());
		filterText.setToolTipText(computed.notice());
		highlight.accept(computed.highlight());
		Paper selected = (Paper) viewer.getStructuredSelection().getFirstElement();
		if (computed.papers().size() < rows.size()) {
			viewer.removeAll();
		}
		rows = computed.papers();
		rowIndex = null;
		viewer.setItemCount(rows.size());
		viewer.refresh();
		updateCount();
		if (computed.notice() != null) {
			countLabel.setText(NLS.bind(Messages.PapersView_countLexical, countLabel.getText()));
		}
		if (selected != null) {
			selected = loaded.paper(selected.id()); // the corpus may have been reloaded
		}
		if (selected != null && indexOf(selected) >= 0) {
			select(selected);
		}
		if (!traced) {
			traced = true;
			Tracing.trace(Tracing.VIEWS, "Papers view shows " + rows.size() + " of " + loaded.corpus().size() //$NON-NLS-1$ //$NON-NLS-2$
					+ " papers of " + loaded.corpus().name()); //$NON-NLS-1$
		}
		if (pendingReveal != null) {
			String id = pendingReveal;
			pendingReveal = null;
			reveal(id);
		}
	}

	/** Shows why the rows could not be computed; the rows of the last good filter stay. */
	private void showError(String message) {
		countLabel.setText(message);
		countLabel.setToolTipText(message);
		countLabel.setForeground(countLabel.getDisplay().getSystemColor(SWT.COLOR_RED));
		showHidden(0);
		layoutCount(true);
	}

	/**
	 * Lays the count out beside the filter box, or (for a message such as a query error) on its own row below it
	 * across the view, wrapped, so that the whole message shows.
	 */
	private void layoutCount(boolean message) {
		if (message) {
			GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(100, SWT.DEFAULT).applyTo(countLabel);
		} else {
			GridDataFactory.fillDefaults().align(SWT.END, SWT.CENTER).hint(160, SWT.DEFAULT).applyTo(countLabel);
		}
		countLabel.requestLayout();
	}

	/** Says how many matches the view hides because they are reference-only, with a link that shows them. */
	private void showHidden(int hidden) {
		if (hidden > 0) {
			hiddenLink.setText(NLS.bind(Messages.PapersView_hiddenMatches, hidden));
		}
		hiddenLink.setVisible(hidden > 0);
		((GridData) hiddenLink.getLayoutData()).exclude = hidden == 0;
		hiddenLink.requestLayout();
	}

	private int indexOf(Paper paper) {
		if (rowIndex == null) {
			Map<String, Integer> index = new HashMap<>();
			for (int i = 0; i < rows.size(); i++) {
				index.put(rows.get(i).id(), i);
			}
			rowIndex = index;
		}
		return rowIndex.getOrDefault(paper.id(), -1);
	}

	private void select(Paper paper) {
		int index = indexOf(paper);
		viewer.replace(paper, index);
		viewer.setSelection(new StructuredSelection(paper), true);
	}

	/**
	 * Selects and shows the paper with this {@link Paper#id() id}, clearing the filter and listing reference-only
	 * papers if that is what hides it. If the corpus is still loading, the paper is selected once it is shown.
	 *
	 * @return whether the paper is in the corpus (or the corpus is still loading)
	 */
	boolean reveal(String paperId) {
		if (loaded == null) {
			pendingReveal = paperId;
			return true;
		}
		Paper paper = loaded.paper(paperId);
		if (paper == null) {
			return false;
		}
		if (indexOf(paper) >= 0) {
			select(paper);
			return true;
		}
		// the filter hides it (or its rows are still being computed): show everything the paper needs
		pendingReveal = paperId;
		if (paper.isReferenceOnly() && !filter.isShowReferenceOnly()) {
			filter.setShowReferenceOnly(true);
			referenceOnlyShown.run();
		}
		if (!filterText.getText().isEmpty()) {
			filterText.setText(""); //$NON-NLS-1$ (refreshes the rows)
		} else {
			refreshRows();
		}
		return true;
	}

	private void updateCount() {
		int total = loaded == null ? 0 : loaded.corpus().size();
		countLabel.setText(NLS.bind(Messages.PapersView_count, rows.size(), total));
	}

	void setFocus() {
		filterText.setFocus();
	}

	void dispose() {
		if (rowsJob != null) {
			rowsJob.cancel();
		}
	}
}
