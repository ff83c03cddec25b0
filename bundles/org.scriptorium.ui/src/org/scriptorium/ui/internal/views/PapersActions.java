package org.scriptorium.ui.internal.views;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.IOperationHistory;
import org.eclipse.core.commands.operations.IUndoContext;
import org.eclipse.core.commands.operations.ObjectUndoContext;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DragSource;
import org.eclipse.swt.dnd.DragSourceAdapter;
import org.eclipse.swt.dnd.DragSourceEvent;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.IViewSite;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.dialogs.ElementListSelectionDialog;
import org.eclipse.ui.operations.UndoRedoActionGroup;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.core.model.Paper;
import org.scriptorium.ui.IPapersView;
import org.scriptorium.ui.internal.JobFamilies;
import org.scriptorium.ui.internal.Messages;
import org.scriptorium.ui.internal.jobs.JobUtil;
import org.scriptorium.ui.internal.papers.Citations;
import org.scriptorium.ui.internal.papers.CorpusEditOperation;
import org.scriptorium.ui.internal.papers.CorpusFiles;

/**
 * The actions part of the Papers view: its view menu (reference-only papers, corpus to show, columns), Back and
 * Forward, the table's context menu, editing corpus files (add, delete, merge as undoable operations run in jobs of
 * family {@link JobFamilies#CORPUS_EDIT}) and dragging cite keys.
 */
public final class PapersActions {

	private final IViewSite site;
	private final IPapersView view;
	private final PapersTable table;
	private final PaperTabs tabs;
	private final NavigationHistory history = new NavigationHistory();
	private final IUndoContext undoContext = new ObjectUndoContext(this, Messages.PapersView_undoContext);
	private final Action showReferenceOnlyAction;
	private final Action backAction;
	private final Action forwardAction;
	private final Action deleteAction;
	private final UndoRedoActionGroup undoRedo;

	/**
	 * @param showDefaultCorpus shows the built-in corpus (the view menu's Show the Default Corpus)
	 */
	PapersActions(IViewSite site, IPapersView view, PapersTable table, PaperTabs tabs, Runnable showDefaultCorpus) {
		this.site = site;
		this.view = view;
		this.table = table;
		this.tabs = tabs;
		showReferenceOnlyAction = new Action(Messages.PapersView_showReferenceOnly, IAction.AS_CHECK_BOX) {
			@Override
			public void run() {
				table.setShowReferenceOnly(isChecked());
			}
		};
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
		deleteAction = new Action(Messages.PapersView_delete) {
			@Override
			public void run() {
				List<Paper> selection = table.selectedPapers();
				Path file = view.corpusFile();
				if (file != null && !selection.isEmpty()) {
					edit(CorpusEditOperation.delete(file, selection, undoContext));
				}
			}
		};
		contributeToViewMenu(showDefaultCorpus);
		IToolBarManager toolbar = site.getActionBars().getToolBarManager();
		toolbar.add(backAction);
		toolbar.add(forwardAction);
		updateNavigation();
		createContextMenu();
		undoRedo = new UndoRedoActionGroup(site, undoContext, true);
		undoRedo.fillActionBars(site.getActionBars());
		deleteAction.setActionDefinitionId(IWorkbenchCommandConstants.EDIT_DELETE);
		deleteAction.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_TOOL_DELETE));
		site.getActionBars().setGlobalActionHandler(ActionFactory.DELETE.getId(), deleteAction);
		updateDelete();
		table.viewer().addSelectionChangedListener(e -> updateDelete());
		createDragSource();
	}

	private void contributeToViewMenu(Runnable showDefaultCorpus) {
		IMenuManager menu = site.getActionBars().getMenuManager();
		showReferenceOnlyAction.setId(PapersView.SHOW_REFERENCE_ONLY_ACTION_ID);
		showReferenceOnlyAction.setToolTipText(Messages.PapersView_showReferenceOnlyTooltip);
		showReferenceOnlyAction.setChecked(table.isShowReferenceOnly());
		menu.add(showReferenceOnlyAction);
		menu.add(new Action(Messages.PapersView_openCorpusFile) {
			@Override
			public void run() {
				FileDialog dialog = new FileDialog(site.getShell(), SWT.OPEN);
				dialog.setFilterExtensions(new String[]{"*.jsonl", "*.*"}); //$NON-NLS-1$ //$NON-NLS-2$
				String chosen = dialog.open();
				if (chosen != null) {
					view.openCorpusFile(Path.of(chosen));
				}
			}
		});
		menu.add(new Action(Messages.PapersView_showDefaultCorpus) {
			@Override
			public void run() {
				showDefaultCorpus.run();
			}
		});
		MenuManager columnsMenu = new MenuManager(Messages.PapersView_columns);
		for (String title : table.hideableColumns()) {
			Action toggle = new Action(title, IAction.AS_CHECK_BOX) {
				@Override
				public void run() {
					table.setColumnVisible(title, isChecked());
				}
			};
			toggle.setChecked(table.isColumnVisible(title));
			columnsMenu.add(toggle);
		}
		menu.add(columnsMenu);
	}

	/** The view's Back action. */
	public IAction backAction() {
		return backAction;
	}

	/** The view's Forward action. */
	public IAction forwardAction() {
		return forwardAction;
	}

	/** The view's undo context: Edit &gt; Undo in the view undoes the edits of the corpus files made from it. */
	public IUndoContext undoContext() {
		return undoContext;
	}

	/** Ticks Show Reference-Only Papers (revealing a reference-only paper listed them). */
	void referenceOnlyShown() {
		showReferenceOnlyAction.setChecked(true);
	}

	/** Records that the paper with this id was selected, for Back and Forward. */
	void visited(Paper paper) {
		history.visit(paper.id());
		updateNavigation();
	}

	private void navigate(String id) {
		view.reveal(id);
		updateNavigation();
	}

	private void updateNavigation() {
		backAction.setEnabled(history.canGoBack());
		forwardAction.setEnabled(history.canGoForward());
	}

	/** Called when the view shows another corpus: Delete applies to a corpus file only. */
	void updateDelete() {
		deleteAction.setEnabled(view.corpusFile() != null && !table.viewer().getSelection().isEmpty());
	}

	private void createContextMenu() {
		TableViewer viewer = table.viewer();
		MenuManager menu = new MenuManager(PapersView.CONTEXT_MENU_ID, PapersView.CONTEXT_MENU_ID);
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
							clipboard.setContents(new Object[]{paper.title()},
									new Transfer[]{TextTransfer.getInstance()});
						} finally {
							clipboard.dispose();
						}
					}
				});
			}
			List<Paper> selection = table.selectedPapers();
			if (!selection.isEmpty()) {
				m.add(new Separator(PapersView.EDIT_GROUP));
				m.add(new Action(Messages.PapersView_addToCorpus) {
					@Override
					public void run() {
						chooseCorpusAndAdd(selection);
					}
				});
				if (view.corpusFile() != null) {
					m.add(deleteAction);
					if (selection.size() > 1) {
						m.add(new Action(
								NLS.bind(Messages.PapersView_merge, selection.size(), selection.get(0).title())) {
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
		site.registerContextMenu(PapersView.CONTEXT_MENU_ID, menu, viewer);
	}

	private void choosePathTarget(Paper from) {
		ICorpus corpus = view.corpus();
		if (corpus == null) {
			return;
		}
		ElementListSelectionDialog dialog = new ElementListSelectionDialog(site.getShell(), new PaperLabels());
		dialog.setTitle(Messages.PapersView_findPathTitle);
		dialog.setMessage(NLS.bind(Messages.PapersView_findPathMessage, from.title()));
		dialog.setElements(corpus.papers().stream().filter(p -> p != from).toArray());
		dialog.setMultipleSelection(false);
		if (dialog.open() == Window.OK && dialog.getFirstResult() instanceof Paper to) {
			tabs.showPath(from, to);
		}
	}

	/** Merges {@code others} into {@code kept} in the corpus file the view shows (undoable). */
	private void merge(Paper kept, List<Paper> others) {
		Path file = view.corpusFile();
		if (file != null) {
			edit(CorpusEditOperation.merge(file, kept, others, undoContext));
		}
	}

	/** Adds papers to a user corpus file (undoable from this view); duplicates merge into the file's papers. */
	public void addToCorpus(List<Paper> papers, Path target) {
		edit(CorpusEditOperation.add(target, papers, undoContext));
	}

	private void chooseCorpusAndAdd(List<Paper> papers) {
		Path shown = view.corpusFile();
		List<IFile> files = CorpusFiles.inWorkspace().stream()
				.filter(f -> f.getLocation() != null && !f.getLocation().toPath().equals(shown)).toList();
		if (files.isEmpty()) {
			MessageDialog.openInformation(site.getShell(), Messages.PapersView_addToCorpusTitle,
					Messages.PapersView_noCorpusFile);
			return;
		}
		ElementListSelectionDialog dialog = new ElementListSelectionDialog(site.getShell(), new LabelProvider() {
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
		IOperationHistory operations = PlatformUI.getWorkbench().getOperationSupport().getOperationHistory();
		JobUtil.scheduleUser(operation.getLabel(), JobFamilies.CORPUS_EDIT, monitor -> {
			try {
				return operations.execute(operation, monitor, null);
			} catch (ExecutionException e) {
				return Status.error(e.getMessage(), e);
			}
		});
	}

	/** Dragging papers into a text (an editor) drops their cite keys. */
	private void createDragSource() {
		DragSource source = new DragSource(table.viewer().getControl(), DND.DROP_COPY);
		source.setTransfer(TextTransfer.getInstance());
		source.addDragListener(new DragSourceAdapter() {
			@Override
			public void dragStart(DragSourceEvent event) {
				event.doit = !table.selectedPapers().isEmpty();
			}

			@Override
			public void dragSetData(DragSourceEvent event) {
				if (TextTransfer.getInstance().isSupportedType(event.dataType)) {
					event.data = Citations.keys(table.selectedPapers());
				}
			}
		});
	}

	void dispose() {
		undoRedo.dispose();
		PlatformUI.getWorkbench().getOperationSupport().getOperationHistory().dispose(undoContext, true, true, true);
	}
}
