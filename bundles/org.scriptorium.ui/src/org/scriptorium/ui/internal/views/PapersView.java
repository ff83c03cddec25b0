package org.scriptorium.ui.internal.views;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.preference.JFacePreferences;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IMemento;
import org.eclipse.ui.IViewSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.core.model.Paper;
import org.scriptorium.ui.ScriptoriumUI;
import org.scriptorium.ui.internal.JobFamilies;
import org.scriptorium.ui.internal.Messages;
import org.scriptorium.ui.internal.Tracing;

/**
 * The Papers view: a filterable, sortable table of the papers of a corpus and a details pane for the selected paper.
 * The corpus is loaded in a job; the UI thread never reads files.
 */
public class PapersView extends ViewPart {

	/** The id of the view-menu toggle that shows reference-only papers. */
	public static final String SHOW_REFERENCE_ONLY_ACTION_ID = "org.scriptorium.ui.papers.showReferenceOnly"; //$NON-NLS-1$

	private static final String MEMENTO_SHOW_REFERENCE_ONLY = "showReferenceOnly"; //$NON-NLS-1$

	/** Widget ids (see {@link ScriptoriumUI#WIDGET_ID_KEY}). */
	public static final String FILTER_ID = "papers.filter", TABLE_ID = "papers.table", //$NON-NLS-1$ //$NON-NLS-2$
			COUNT_ID = "papers.count", DETAILS_ID = "papers.details"; //$NON-NLS-1$ //$NON-NLS-2$

	private Text filterText;
	private Label countLabel;
	private TableViewer viewer;
	private PaperDetails details;
	private final PaperFilter filter = new PaperFilter();
	private final PaperComparator comparator = new PaperComparator();
	private List<Paper> papers = List.of();
	private Action showReferenceOnlyAction;
	private String pendingReveal;

	@Override
	public void init(IViewSite site, IMemento memento) throws PartInitException {
		super.init(site, memento);
		filter.setShowReferenceOnly(memento != null
				&& Boolean.TRUE.equals(memento.getBoolean(MEMENTO_SHOW_REFERENCE_ONLY)));
	}

	@Override
	public void saveState(IMemento memento) {
		memento.putBoolean(MEMENTO_SHOW_REFERENCE_ONLY, filter.isShowReferenceOnly());
	}

	@Override
	public void createPartControl(Composite parent) {
		GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(parent);

		Composite top = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).margins(2, 2).applyTo(top);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(top);
		filterText = new Text(top, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
		filterText.setMessage(Messages.PapersView_filterMessage);
		filterText.setData(ScriptoriumUI.WIDGET_ID_KEY, FILTER_ID);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(filterText);
		countLabel = new Label(top, SWT.NONE);
		countLabel.setText(Messages.PapersView_loading);
		countLabel.setData(ScriptoriumUI.WIDGET_ID_KEY, COUNT_ID);
		GridDataFactory.fillDefaults().align(SWT.END, SWT.CENTER).hint(160, SWT.DEFAULT).applyTo(countLabel);

		SashForm sash = new SashForm(parent, SWT.VERTICAL);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
		createTable(new Composite(sash, SWT.NONE));
		details = new PaperDetails(sash);
		details.getControl().setData(ScriptoriumUI.WIDGET_ID_KEY, DETAILS_ID);
		sash.setWeights(65, 35);

		filterText.addModifyListener(e -> {
			if (filter.setText(filterText.getText())) {
				viewer.refresh(false);
				updateCount();
			}
		});
		viewer.addSelectionChangedListener(
				e -> details.show((Paper) ((IStructuredSelection) e.getSelection()).getFirstElement()));
		getSite().setSelectionProvider(viewer);
		contributeActions();
		load(DefaultCorpus::get, DefaultCorpus.class.getSimpleName());
	}

	private void contributeActions() {
		Action showReferenceOnly = new Action(Messages.PapersView_showReferenceOnly, IAction.AS_CHECK_BOX) {
			@Override
			public void run() {
				filter.setShowReferenceOnly(isChecked());
				viewer.refresh(false);
				updateCount();
			}
		};
		showReferenceOnly.setId(SHOW_REFERENCE_ONLY_ACTION_ID);
		showReferenceOnly.setToolTipText(Messages.PapersView_showReferenceOnlyTooltip);
		showReferenceOnly.setChecked(filter.isShowReferenceOnly());
		getViewSite().getActionBars().getMenuManager().add(showReferenceOnly);
		showReferenceOnlyAction = showReferenceOnly;
	}

	private void createTable(Composite container) {
		TableColumnLayout layout = new TableColumnLayout();
		container.setLayout(layout);
		viewer = new TableViewer(container, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
		Table table = viewer.getTable();
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		table.setData(ScriptoriumUI.WIDGET_ID_KEY, TABLE_ID);
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		viewer.setFilters(filter);
		viewer.setComparator(comparator);
		viewer.setUseHashlookup(true);
		column(layout, Messages.PapersView_columnTitle, 60, Paper::title,
				Comparator.comparing(Paper::title, String.CASE_INSENSITIVE_ORDER));
		column(layout, Messages.PapersView_columnAuthors, 25, Paper::authorsDisplay,
				Comparator.comparing(Paper::authorsDisplay, String.CASE_INSENSITIVE_ORDER));
		column(layout, Messages.PapersView_columnYear, 6, p -> p.year().map(String::valueOf).orElse(""), //$NON-NLS-1$
				Comparator.comparing((Paper p) -> p.year().orElse(Integer.MIN_VALUE)));
		column(layout, Messages.PapersView_columnVenue, 15, p -> p.venue().orElse(""), //$NON-NLS-1$
				Comparator.comparing((Paper p) -> p.venue().orElse(""), String.CASE_INSENSITIVE_ORDER)); //$NON-NLS-1$
	}

	private void column(TableColumnLayout layout, String title, int weight, Function<Paper, String> text,
			Comparator<Paper> order) {
		TableViewerColumn vc = new TableViewerColumn(viewer, SWT.NONE);
		TableColumn c = vc.getColumn();
		c.setText(title);
		c.setMoveable(true);
		layout.setColumnData(c, new ColumnWeightData(weight, 40, true));
		vc.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((Paper) element);
			}

			@Override
			public Font getFont(Object element) {
				return ((Paper) element).isReferenceOnly()
						? JFaceResources.getFontRegistry().getItalic(JFaceResources.DEFAULT_FONT)
						: null;
			}

			@Override
			public Color getForeground(Object element) {
				return ((Paper) element).isReferenceOnly()
						? JFaceResources.getColorRegistry().get(JFacePreferences.QUALIFIER_COLOR)
						: null;
			}
		});
		c.addListener(SWT.Selection, e -> {
			Table table = viewer.getTable();
			int dir = table.getSortColumn() == c && comparator.direction() == SWT.UP ? SWT.DOWN : SWT.UP;
			comparator.sortBy(order, dir);
			table.setSortColumn(c);
			table.setSortDirection(dir);
			viewer.refresh(false);
		});
	}

	/** Loads a corpus in a job and shows it when done. */
	private void load(java.util.function.Supplier<ICorpus> source, String name) {
		Job job = new Job(NLS.bind(Messages.PapersView_loadJob, name)) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				try {
					ICorpus corpus = source.get();
					viewer.getControl().getDisplay().asyncExec(() -> show(corpus));
					return Status.OK_STATUS;
				} catch (RuntimeException e) {
					viewer.getControl().getDisplay().asyncExec(() -> {
						if (!countLabel.isDisposed()) {
							countLabel.setText(NLS.bind(Messages.PapersView_loadFailed, e.getMessage()));
							countLabel.getParent().layout();
						}
					});
					return Status.error(NLS.bind(Messages.PapersView_loadFailed, e.getMessage()), e);
				}
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == JobFamilies.CORPUS_LOAD;
			}
		};
		job.setSystem(false);
		job.schedule();
	}

	private void show(ICorpus corpus) {
		if (viewer.getControl().isDisposed()) {
			return;
		}
		papers = corpus.papers();
		setContentDescription(corpus.name());
		viewer.setInput(papers);
		updateCount();
		if (pendingReveal != null) {
			reveal(pendingReveal);
			pendingReveal = null;
		}
		Tracing.trace(Tracing.VIEWS, "Papers view shows " + viewer.getTable().getItemCount() + " of " + papers.size() //$NON-NLS-1$ //$NON-NLS-2$
				+ " papers of " + corpus.name()); //$NON-NLS-1$
	}

	/**
	 * Selects and shows the paper with this {@link Paper#id() id}, clearing the filter and listing reference-only
	 * papers if that is what hides it. If the corpus is still loading, the paper is selected once it is shown.
	 *
	 * @return whether the paper is in the view's corpus (or the corpus is still loading)
	 */
	public boolean reveal(String paperId) {
		if (papers.isEmpty()) {
			pendingReveal = paperId;
			return true;
		}
		Paper paper = papers.stream().filter(p -> p.id().equals(paperId)).findFirst().orElse(null);
		if (paper == null) {
			return false;
		}
		if (!filter.matches(paper)) {
			filterText.setText(""); //$NON-NLS-1$
			if (!filter.matches(paper)) {
				showReferenceOnlyAction.setChecked(true);
				showReferenceOnlyAction.run();
			}
		}
		viewer.setSelection(new StructuredSelection(paper), true);
		return true;
	}

	private void updateCount() {
		countLabel.setText(NLS.bind(Messages.PapersView_count, viewer.getTable().getItemCount(), papers.size()));
	}

	@Override
	public void setFocus() {
		filterText.setFocus();
	}
}
