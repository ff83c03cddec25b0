package org.scriptorium.ui.internal.views;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.IOperationHistory;
import org.eclipse.core.commands.operations.IUndoContext;
import org.eclipse.core.commands.operations.ObjectUndoContext;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.ILabelDecorator;
import org.eclipse.jface.viewers.ILabelProviderListener;
import org.eclipse.jface.viewers.ILazyContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DragSource;
import org.eclipse.swt.dnd.DragSourceAdapter;
import org.eclipse.swt.dnd.DragSourceEvent;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IMemento;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.IViewSite;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.dialogs.ElementListSelectionDialog;
import org.eclipse.ui.operations.UndoRedoActionGroup;
import org.eclipse.ui.part.ViewPart;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.corpus.JsonlCorpus;
import org.scriptorium.core.io.ImportException;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.preferences.CorePreferences;
import org.scriptorium.search.service.SearchService;
import org.scriptorium.ui.ScriptoriumUI;
import org.scriptorium.ui.internal.JobFamilies;
import org.scriptorium.ui.internal.Messages;
import org.scriptorium.ui.internal.Tracing;
import org.scriptorium.ui.internal.papers.Citations;
import org.scriptorium.ui.internal.papers.CorpusEditOperation;
import org.scriptorium.ui.internal.papers.CorpusFiles;
import org.scriptorium.ui.internal.jobs.JobUtil;

/**
 * The Papers view: a filterable, sortable table of the papers of a corpus, and below it the selected paper's details,
 * references, citing papers and related papers, with back and forward navigation. The corpus and its citation graph
 * are loaded in a job; the UI thread never reads files.
 */
public class PapersView extends ViewPart {

	/** The id of the view-menu toggle that shows reference-only papers. */
	public static final String SHOW_REFERENCE_ONLY_ACTION_ID = "org.scriptorium.ui.papers.showReferenceOnly"; //$NON-NLS-1$

	/** Widget ids (see {@link ScriptoriumUI#WIDGET_ID_KEY}). */
	public static final String FILTER_ID = "papers.filter", TABLE_ID = "papers.table", //$NON-NLS-1$ //$NON-NLS-2$
			COUNT_ID = "papers.count", DETAILS_ID = "papers.details", REFERENCES_ID = "papers.references", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			CITED_BY_ID = "papers.citedBy", RELATED_ID = "papers.related", TABS_ID = "papers.tabs", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			PATH_ID = "papers.path"; //$NON-NLS-1$

	private static final String MEMENTO_SHOW_REFERENCE_ONLY = "showReferenceOnly"; //$NON-NLS-1$
	private static final String MEMENTO_HIDDEN_COLUMNS = "hiddenColumns"; //$NON-NLS-1$
	private static final int RELATED_LIMIT = 20;

	private Text filterText;
	private Label countLabel;
	private PapersTableViewer viewer;
	private PaperDetails details;
	private PaperListTab references;
	private PaperListTab citedBy;
	private PaperListTab related;
	private PaperListTab path;
	private CTabFolder tabs;
	private final PaperFilter filter = new PaperFilter();
	private final PaperComparator comparator = new PaperComparator();
	private final NavigationHistory history = new NavigationHistory();
	private LoadedCorpus loaded;
	private Action showReferenceOnlyAction;
	private Action backAction;
	private Action forwardAction;
	private String pendingReveal;
	private List<Paper> rows = List.of();
	private Map<String, Integer> rowIndex;
	private long rowsRequest;
	private Job rowsJob;
	private Job relatedJob;
	private boolean traced;
	private TableColumnLayout columnLayout;
	private final List<TableColumn> columns = new java.util.ArrayList<>();
	private final List<Integer> columnWeights = new java.util.ArrayList<>();
	private final java.util.Set<String> hiddenColumns = new java.util.HashSet<>();
	private Path corpusFile;
	private final IUndoContext undoContext = new ObjectUndoContext(this, Messages.PapersView_undoContext);
	private UndoRedoActionGroup undoRedo;
	private Action deleteAction;

	@Override
	public void init(IViewSite site, IMemento memento) throws PartInitException {
		super.init(site, memento);
		filter.setShowReferenceOnly(memento != null
				&& Boolean.TRUE.equals(memento.getBoolean(MEMENTO_SHOW_REFERENCE_ONLY)));
		String hidden = memento == null ? null : memento.getString(MEMENTO_HIDDEN_COLUMNS);
		if (hidden != null && !hidden.isEmpty()) {
			hiddenColumns.addAll(java.util.Arrays.asList(hidden.split("\\|"))); //$NON-NLS-1$
		}
	}

	@Override
	public void saveState(IMemento memento) {
		memento.putBoolean(MEMENTO_SHOW_REFERENCE_ONLY, filter.isShowReferenceOnly());
		memento.putString(MEMENTO_HIDDEN_COLUMNS, String.join("|", hiddenColumns)); //$NON-NLS-1$
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
					columnLayout.setColumnData(c, new org.eclipse.jface.viewers.ColumnPixelData(0, false));
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
		createTabs(sash);
		sash.setWeights(60, 40);

		filterText.addModifyListener(e -> {
			if (filter.setText(filterText.getText())) {
				refreshRows();
			}
		});
		viewer.addSelectionChangedListener(e -> {
			Paper paper = (Paper) ((IStructuredSelection) e.getSelection()).getFirstElement();
			showSelected(paper);
			if (paper != null) {
				history.visit(paper.id());
				updateNavigation();
			}
		});
		getSite().setSelectionProvider(viewer);
		contributeActions();
		createContextMenu();
		createEditing();
		createDragSource();
		getSite().getService(IContextService.class).activateContext(CONTEXT_ID);
		String preferred = Platform.getPreferencesService().getString(CorePreferences.QUALIFIER,
				CorePreferences.DEFAULT_CORPUS, CorePreferences.DEFAULT_DEFAULT_CORPUS, null);
		if (preferred == null || preferred.isBlank()) {
			load(DefaultCorpus::get, Messages.PapersView_defaultCorpus, null, null);
		} else {
			openCorpusFile(Path.of(preferred.strip()));
		}
	}

	/**
	 * Shows the corpus in a JSON Lines corpus file (see docs/corpus-format.md); if the file cannot be read the view
	 * says why (and the Error Log has the details) and keeps what it showed.
	 */
	public void openCorpusFile(Path file) {
		openCorpusFile(file, null);
	}

	/**
	 * Shows the corpus in a JSON Lines corpus file (again, if it changed) and then selects the paper with id
	 * {@code revealId} (may be null; if it is gone, the paper selected before stays selected if it is still there).
	 */
	public void openCorpusFile(Path file, String revealId) {
		load(() -> {
			try {
				return JsonlCorpus.load(file);
			} catch (IOException | ImportException e) {
				throw new IllegalStateException(NLS.bind(Messages.PapersView_corpusFileFailed, file, e.getMessage()), e);
			}
		}, file.getFileName().toString(), file, revealId);
	}

	/** The corpus file the view shows, or null for the default corpus or a corpus not read from a file. */
	public Path corpusFile() {
		return corpusFile;
	}

	/** The view's undo context: Edit &gt; Undo in the view undoes the edits of the corpus files made from it. */
	public IUndoContext undoContext() {
		return undoContext;
	}

	/** The papers selected in the table, in table order. */
	public List<Paper> selectedPapers() {
		return viewer.getStructuredSelection().toList().stream().filter(Paper.class::isInstance)
				.map(Paper.class::cast).toList();
	}

	/** The corpus and its citation graph, or null while loading. */
	LoadedCorpus loadedCorpus() {
		return loaded;
	}

	private void createTabs(Composite parent) {
		tabs = new CTabFolder(parent, SWT.BOTTOM | SWT.FLAT);
		tabs.setData(ScriptoriumUI.WIDGET_ID_KEY, TABS_ID);
		details = new PaperDetails(tabs);
		details.getControl().setData(ScriptoriumUI.WIDGET_ID_KEY, DETAILS_ID);
		var detailsItem = new org.eclipse.swt.custom.CTabItem(tabs, SWT.NONE, 0);
		detailsItem.setText(Messages.PapersView_tabDetails);
		detailsItem.setControl(details.getControl());
		PaperLabels labels = new PaperLabels();
		references = new PaperListTab(tabs, Messages.PapersView_tabReferences, REFERENCES_ID, labels, p -> reveal(p.id()));
		citedBy = new PaperListTab(tabs, Messages.PapersView_tabCitedBy, CITED_BY_ID, labels, p -> reveal(p.id()));
		related = new PaperListTab(tabs, Messages.PapersView_tabRelated, RELATED_ID, labels, p -> reveal(p.id()));
		path = new PaperListTab(tabs, Messages.PapersView_tabPath, PATH_ID, labels, p -> reveal(p.id()));
		tabs.setSelection(0);
	}

	private void showSelected(Paper paper) {
		details.show(paper);
		boolean known = paper != null && loaded != null;
		references.show(known ? loaded.references(paper) : List.of());
		citedBy.show(known ? loaded.citedBy(paper) : List.of());
		related.show(List.of());
		if (known) {
			computeRelated(paper);
		}
	}

	/**
	 * Fills the Related tab in a job: the search engine merges co-citation, bibliographic coupling and similar text
	 * (family {@link JobFamilies#RELATED}).
	 */
	private void computeRelated(Paper paper) {
		LoadedCorpus corpus = loaded;
		Display display = viewer.getControl().getDisplay();
		if (relatedJob != null) {
			relatedJob.cancel();
		}
		relatedJob = JobUtil.create(Messages.PapersView_relatedJob, JobFamilies.RELATED, monitor -> {
			try {
				List<Paper> found = SearchService.get()
						.withEngine(corpus.corpus(), java.util.Set.of(), monitor,
								e -> e.related(paper.id(), RELATED_LIMIT))
						.orElse(List.of()).stream()
						.map(r -> corpus.paper(r.paperId())).filter(p -> p != null).toList();
				display.asyncExec(() -> {
					if (!viewer.getControl().isDisposed() && paper.equals(viewer.getStructuredSelection().getFirstElement())) {
						related.show(found);
					}
				});
				return Status.OK_STATUS;
			} catch (CoreException e) {
				return e.getStatus();
			} catch (java.io.IOException e) {
				return Status.error(e.getMessage(), e);
			}
		});
		relatedJob.setSystem(true);
		relatedJob.schedule();
	}

	private void contributeActions() {
		showReferenceOnlyAction = new Action(Messages.PapersView_showReferenceOnly, IAction.AS_CHECK_BOX) {
			@Override
			public void run() {
				filter.setShowReferenceOnly(isChecked());
				refreshRows();
			}
		};
		showReferenceOnlyAction.setId(SHOW_REFERENCE_ONLY_ACTION_ID);
		showReferenceOnlyAction.setToolTipText(Messages.PapersView_showReferenceOnlyTooltip);
		showReferenceOnlyAction.setChecked(filter.isShowReferenceOnly());
		getViewSite().getActionBars().getMenuManager().add(showReferenceOnlyAction);
		getViewSite().getActionBars().getMenuManager().add(new Action(Messages.PapersView_openCorpusFile) {
			@Override
			public void run() {
				FileDialog dialog = new FileDialog(getSite().getShell(), SWT.OPEN);
				dialog.setFilterExtensions(new String[] { "*.jsonl", "*.*" }); //$NON-NLS-1$ //$NON-NLS-2$
				String chosen = dialog.open();
				if (chosen != null) {
					openCorpusFile(Path.of(chosen));
				}
			}
		});
		getViewSite().getActionBars().getMenuManager().add(new Action(Messages.PapersView_showDefaultCorpus) {
			@Override
			public void run() {
				load(DefaultCorpus::get, Messages.PapersView_defaultCorpus, null, null);
			}
		});
		MenuManager columnsMenu = new MenuManager(Messages.PapersView_columns);
		for (int i = 1; i < columns.size(); i++) {
			String title = columns.get(i).getText();
			Action toggle = new Action(title, IAction.AS_CHECK_BOX) {
				@Override
				public void run() {
					setColumnVisible(title, isChecked());
				}
			};
			toggle.setChecked(isColumnVisible(title));
			columnsMenu.add(toggle);
		}
		getViewSite().getActionBars().getMenuManager().add(columnsMenu);

		ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
		backAction = new Action(Messages.PapersView_back) {
			@Override
			public void run() {
				navigate(history.back());
			}
		};
		backAction.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_TOOL_BACK));
		forwardAction = new Action(Messages.PapersView_forward) {
			@Override
			public void run() {
				navigate(history.forward());
			}
		};
		forwardAction.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_TOOL_FORWARD));
		IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
		toolbar.add(backAction);
		toolbar.add(forwardAction);
		updateNavigation();
	}

	/** The id of the table's context menu, for contributions by other plug-ins. */
	public static final String CONTEXT_MENU_ID = "org.scriptorium.ui.views.papers.context"; //$NON-NLS-1$

	private void createContextMenu() {
		MenuManager menu = new MenuManager(CONTEXT_MENU_ID, CONTEXT_MENU_ID);
		menu.setRemoveAllWhenShown(true);
		menu.addMenuListener(m -> {
			Paper paper = (Paper) viewer.getStructuredSelection().getFirstElement();
			if (paper != null) {
				PaperLinksText.urls(paper.ids()).forEach((label, url) -> m.add(new Action(
						NLS.bind(Messages.PapersView_openPage, label)) {
					@Override
					public void run() {
						PaperDetails.open(url);
					}
				}));
				m.add(new Action(Messages.PapersView_findPath) {
					@Override
					public void run() {
						choosePathTarget(paper);
					}
				});
				m.add(new Action(Messages.PapersView_copyTitle) {
					@Override
					public void run() {
						Clipboard clipboard = new Clipboard(viewer.getControl().getDisplay());
						try {
							clipboard.setContents(new Object[] { paper.title() },
									new Transfer[] { TextTransfer.getInstance() });
						} finally {
							clipboard.dispose();
						}
					}
				});
			}
			List<Paper> selection = selectedPapers();
			if (!selection.isEmpty()) {
				m.add(new Separator(EDIT_GROUP));
				m.add(new Action(Messages.PapersView_addToCorpus) {
					@Override
					public void run() {
						chooseCorpusAndAdd(selection);
					}
				});
				if (corpusFile != null) {
					m.add(deleteAction);
					if (selection.size() > 1) {
						m.add(new Action(NLS.bind(Messages.PapersView_merge, selection.size(), selection.get(0).title())) {
							@Override
							public void run() {
								merge(selection.get(0), selection.subList(1, selection.size()));
							}
						});
					}
				}
			}
			m.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
		});
		viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
		getSite().registerContextMenu(CONTEXT_MENU_ID, menu, viewer);
	}

	/** The id of the context in which the view's key bindings apply (active while the view is). */
	public static final String CONTEXT_ID = "org.scriptorium.ui.contexts.papers"; //$NON-NLS-1$

	/** The context menu's group of the add, delete and merge actions. */
	public static final String EDIT_GROUP = "edit"; //$NON-NLS-1$

	/** Undo and redo (Edit menu) for the view's undo context; Delete (Edit menu, Delete key) in a user corpus. */
	private void createEditing() {
		undoRedo = new UndoRedoActionGroup(getSite(), undoContext, true);
		undoRedo.fillActionBars(getViewSite().getActionBars());
		deleteAction = new Action(Messages.PapersView_delete) {
			@Override
			public void run() {
				List<Paper> selection = selectedPapers();
				if (corpusFile != null && !selection.isEmpty()) {
					edit(CorpusEditOperation.delete(corpusFile, selection, undoContext));
				}
			}
		};
		deleteAction.setActionDefinitionId(IWorkbenchCommandConstants.EDIT_DELETE);
		deleteAction.setImageDescriptor(
				PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(ISharedImages.IMG_TOOL_DELETE));
		getViewSite().getActionBars().setGlobalActionHandler(ActionFactory.DELETE.getId(), deleteAction);
		updateDelete();
		viewer.addSelectionChangedListener(e -> updateDelete());
	}

	private void updateDelete() {
		deleteAction.setEnabled(corpusFile != null && !viewer.getSelection().isEmpty());
	}

	/** Deletes the selected papers from the corpus file the view shows (undoable); false if it shows none. */
	public boolean deleteSelected() {
		if (!deleteAction.isEnabled()) {
			return false;
		}
		deleteAction.run();
		return true;
	}

	/** Merges {@code others} into {@code kept} in the corpus file the view shows (undoable). */
	public void merge(Paper kept, List<Paper> others) {
		if (corpusFile != null) {
			edit(CorpusEditOperation.merge(corpusFile, kept, others, undoContext));
		}
	}

	/** Adds papers to a user corpus file (undoable from this view); duplicates merge into the file's papers. */
	public void addToCorpus(List<Paper> papers, Path target) {
		edit(CorpusEditOperation.add(target, papers, undoContext));
	}

	private void chooseCorpusAndAdd(List<Paper> papers) {
		List<IFile> files = CorpusFiles.inWorkspace().stream()
				.filter(f -> f.getLocation() != null && !f.getLocation().toPath().equals(corpusFile)).toList();
		if (files.isEmpty()) {
			MessageDialog.openInformation(getSite().getShell(), Messages.PapersView_addToCorpusTitle,
					Messages.PapersView_noCorpusFile);
			return;
		}
		ElementListSelectionDialog dialog = new ElementListSelectionDialog(getSite().getShell(),
				new org.eclipse.jface.viewers.LabelProvider() {
					@Override
					public String getText(Object element) {
						return ((IFile) element).getFullPath().toString();
					}
				});
		dialog.setTitle(Messages.PapersView_addToCorpusTitle);
		dialog.setMessage(NLS.bind(Messages.PapersView_addToCorpusMessage, papers.size()));
		dialog.setElements(files.toArray());
		dialog.setMultipleSelection(false);
		if (dialog.open() == Window.OK && dialog.getFirstResult() instanceof IFile target) {
			addToCorpus(papers, target.getLocation().toPath());
		}
	}

	/** Runs an edit of a corpus file in a job, through the workbench's operation history. */
	private void edit(CorpusEditOperation operation) {
		IOperationHistory history = PlatformUI.getWorkbench().getOperationSupport().getOperationHistory();
		JobUtil.scheduleUser(operation.getLabel(), JobFamilies.CORPUS_EDIT, monitor -> {
			try {
				return history.execute(operation, monitor, null);
			} catch (ExecutionException e) {
				return Status.error(e.getMessage(), e);
			}
		});
	}

	/** Dragging papers into a text (an editor) drops their cite keys. */
	private void createDragSource() {
		DragSource source = new DragSource(viewer.getControl(), DND.DROP_COPY);
		source.setTransfer(TextTransfer.getInstance());
		source.addDragListener(new DragSourceAdapter() {
			@Override
			public void dragStart(DragSourceEvent event) {
				event.doit = !selectedPapers().isEmpty();
			}

			@Override
			public void dragSetData(DragSourceEvent event) {
				if (TextTransfer.getInstance().isSupportedType(event.dataType)) {
					event.data = Citations.keys(selectedPapers());
				}
			}
		});
	}

	private void choosePathTarget(Paper from) {
		ElementListSelectionDialog dialog = new ElementListSelectionDialog(getSite().getShell(), new PaperLabels());
		dialog.setTitle(Messages.PapersView_findPathTitle);
		dialog.setMessage(NLS.bind(Messages.PapersView_findPathMessage, from.title()));
		dialog.setElements(loaded.corpus().papers().stream().filter(p -> p != from).toArray());
		dialog.setMultipleSelection(false);
		if (dialog.open() == Window.OK && dialog.getFirstResult() instanceof Paper to) {
			showPath(from, to);
		}
	}

	/**
	 * Shows in the Path tab the shortest chain of citations between two papers (references first, else either way).
	 *
	 * @return the papers of the path, empty if they are not connected
	 */
	public List<Paper> showPath(Paper from, Paper to) {
		List<Paper> found = loaded == null ? List.of() : loaded.path(from, to);
		path.show(found);
		tabs.setSelection(4);
		if (found.isEmpty()) {
			countLabel.setText(NLS.bind(Messages.PapersView_noPath, from.title(), to.title()));
		}
		return found;
	}

	/** The view's Back and Forward actions. */
	public IAction backAction() {
		return backAction;
	}

	public IAction forwardAction() {
		return forwardAction;
	}

	private void navigate(String id) {
		reveal(id);
		updateNavigation();
	}

	private void updateNavigation() {
		backAction.setEnabled(history.canGoBack());
		forwardAction.setEnabled(history.canGoForward());
	}

	private void createTable(Composite container) {
		TableColumnLayout layout = new TableColumnLayout();
		columnLayout = layout;
		container.setLayout(layout);
		viewer = new PapersTableViewer(container, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.VIRTUAL);
		Table table = viewer.getTable();
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		table.setData(ScriptoriumUI.WIDGET_ID_KEY, TABLE_ID);
		viewer.setUseHashlookup(true);
		viewer.setContentProvider(new ILazyContentProvider() {
			@Override
			public void updateElement(int index) {
				if (index < rows.size()) {
					viewer.replace(rows.get(index), index);
				}
			}
		});
		// the title carries the workbench's label decorations (e.g. the sandbox's "[sandbox: top-p]")
		ILabelDecorator decorator = PlatformUI.getWorkbench().getDecoratorManager().getLabelDecorator();
		column(layout, Messages.PapersView_columnTitle, 50, p -> {
			String decorated = decorator.decorateText(p.title(), p);
			return decorated == null ? p.title() : decorated;
		}, Comparator.comparing(Paper::title, String.CASE_INSENSITIVE_ORDER));
		// decorations are computed in the background: show them when they arrive
		ILabelProviderListener decorationsChanged = event -> {
			if (!viewer.getControl().isDisposed()) {
				if (event.getElements() == null) {
					viewer.refresh();
				} else {
					viewer.update(event.getElements(), null);
				}
			}
		};
		decorator.addListener(decorationsChanged);
		table.addDisposeListener(e -> decorator.removeListener(decorationsChanged));
		column(layout, Messages.PapersView_columnAuthors, 22, Paper::authorsDisplay,
				Comparator.comparing(Paper::authorsDisplay, String.CASE_INSENSITIVE_ORDER));
		column(layout, Messages.PapersView_columnYear, 6, p -> p.year().map(String::valueOf).orElse(""), //$NON-NLS-1$
				Comparator.comparing((Paper p) -> p.year().orElse(Integer.MIN_VALUE)));
		column(layout, Messages.PapersView_columnVenue, 12, p -> p.venue().orElse(""), //$NON-NLS-1$
				Comparator.comparing((Paper p) -> p.venue().orElse(""), String.CASE_INSENSITIVE_ORDER)); //$NON-NLS-1$
		column(layout, Messages.PapersView_columnCitedBy, 6, p -> String.valueOf(citedByCount(p)),
				Comparator.comparingInt(this::citedByCount));
		column(layout, Messages.PapersView_columnIds, 10, PapersView::ids,
				Comparator.comparing(PapersView::ids, String.CASE_INSENSITIVE_ORDER));
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

	private void column(TableColumnLayout layout, String title, int weight, Function<Paper, String> text,
			Comparator<Paper> order) {
		TableViewerColumn vc = new TableViewerColumn(viewer, SWT.NONE);
		TableColumn c = vc.getColumn();
		c.setText(title);
		c.setMoveable(true);
		columns.add(c);
		columnWeights.add(weight);
		if (columns.size() > 1 && hiddenColumns.contains(title)) {
			layout.setColumnData(c, new org.eclipse.jface.viewers.ColumnPixelData(0, false));
			c.setResizable(false);
		} else {
			layout.setColumnData(c, new ColumnWeightData(weight, 40, true));
		}
		vc.setLabelProvider(new PaperLabels() {
			@Override
			public String getText(Object element) {
				return text.apply((Paper) element);
			}
		});
		c.addListener(SWT.Selection, e -> {
			Table table = viewer.getTable();
			int dir = table.getSortColumn() == c && comparator.direction() == SWT.UP ? SWT.DOWN : SWT.UP;
			comparator.sortBy(order, dir);
			table.setSortColumn(c);
			table.setSortDirection(dir);
			refreshRows();
		});
	}

	/**
	 * Shows another corpus: loads it and its citation graph in a job (family {@link JobFamilies#CORPUS_LOAD}), then
	 * lists it; the filter then searches that corpus' own index.
	 */
	public void showCorpus(Supplier<ICorpus> source, String name) {
		load(source, name, null, null);
	}

	/** The corpus the view lists, or null while it loads. */
	public ICorpus corpus() {
		return loaded == null ? null : loaded.corpus();
	}

	/** Loads a corpus and its citation graph in a job and shows them when done. */
	private void load(Supplier<ICorpus> source, String name, Path file, String revealId) {
		Display display = viewer.getControl().getDisplay();
		JobUtil.schedule(NLS.bind(Messages.PapersView_loadJob, name), JobFamilies.CORPUS_LOAD, monitor -> {
			try {
				LoadedCorpus corpus = LoadedCorpus.of(source.get());
				display.asyncExec(() -> show(corpus, file, revealId));
				return Status.OK_STATUS;
			} catch (RuntimeException e) {
				display.asyncExec(() -> {
					if (!countLabel.isDisposed()) {
						countLabel.setText(NLS.bind(Messages.PapersView_loadFailed, e.getMessage()));
						countLabel.getParent().layout();
					}
				});
				return Status.error(NLS.bind(Messages.PapersView_loadFailed, e.getMessage()), e);
			}
		});
	}

	private void show(LoadedCorpus corpus, Path file, String revealId) {
		if (viewer.getControl().isDisposed()) {
			return;
		}
		Paper before = (Paper) viewer.getStructuredSelection().getFirstElement();
		boolean reloaded = file != null && file.equals(corpusFile);
		loaded = corpus;
		corpusFile = file;
		updateDelete();
		if (revealId != null) {
			pendingReveal = revealId;
		} else if (reloaded && before != null && corpus.paper(before.id()) != null) {
			pendingReveal = before.id(); // the file changed: keep the selection
		}
		setContentDescription(corpus.corpus().name());
		viewer.setInput(corpus.corpus());
		refreshRows();
		if (corpus.corpus() instanceof DefaultCorpus) {
			SearchService.get().warmUp();
		}
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
		filterText.setToolTipText(null);
		details.setHighlight(computed.highlight());
		Paper selected = (Paper) viewer.getStructuredSelection().getFirstElement();
		if (computed.papers().size() < rows.size()) {
			viewer.removeAll();
		}
		rows = computed.papers();
		rowIndex = null;
		viewer.setItemCount(rows.size());
		viewer.refresh();
		updateCount();
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
		countLabel.getParent().layout();
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
	 * @return whether the paper is in the view's corpus (or the corpus is still loading)
	 */
	public boolean reveal(String paperId) {
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
			showReferenceOnlyAction.setChecked(true);
			filter.setShowReferenceOnly(true);
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

	@Override
	public void dispose() {
		if (undoRedo != null) {
			undoRedo.dispose();
		}
		PlatformUI.getWorkbench().getOperationSupport().getOperationHistory().dispose(undoContext, true, true, true);
		if (relatedJob != null) {
			relatedJob.cancel();
		}
		if (rowsJob != null) {
			rowsJob.cancel();
		}
		super.dispose();
	}

	@Override
	public void setFocus() {
		filterText.setFocus();
	}
}
