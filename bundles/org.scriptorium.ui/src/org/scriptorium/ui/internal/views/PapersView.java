package org.scriptorium.ui.internal.views;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IMemento;
import org.eclipse.ui.IViewSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.part.ViewPart;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.preferences.CorePreferences;
import org.scriptorium.search.service.SearchService;
import org.scriptorium.ui.IPapersView;
import org.scriptorium.ui.ScriptoriumUI;

/**
 * The Papers view: a filterable, sortable table of the papers of a corpus ({@link PapersTable}), and below it the
 * selected paper's details, references, citing papers and related papers ({@link PaperTabs}), with the view's actions
 * ({@link PapersActions}); the corpus and its citation graph are loaded in a job ({@link CorpusLoader}). The view wires
 * these parts together, remembers their settings, and is the {@link IPapersView} of the workbench. Its part adapts to
 * its parts and to the {@link LoadedCorpus} it shows.
 */
public class PapersView extends ViewPart implements IPapersView {

	/** The id of the view-menu toggle that shows reference-only papers. */
	public static final String SHOW_REFERENCE_ONLY_ACTION_ID = "org.scriptorium.ui.papers.showReferenceOnly"; //$NON-NLS-1$

	/** Widget ids (see {@link ScriptoriumUI#WIDGET_ID_KEY}). */
	public static final String FILTER_ID = "papers.filter", TABLE_ID = "papers.table", //$NON-NLS-1$ //$NON-NLS-2$
			COUNT_ID = "papers.count", DETAILS_ID = "papers.details", REFERENCES_ID = "papers.references", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			CITED_BY_ID = "papers.citedBy", RELATED_ID = "papers.related", TABS_ID = "papers.tabs", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			PATH_ID = "papers.path"; //$NON-NLS-1$
	/** Widget id of the link saying how many matches of the filter are hidden (reference-only) and showing them. */
	public static final String HIDDEN_MATCHES_ID = "papers.hiddenMatches"; //$NON-NLS-1$

	/** The id of the table's context menu, for contributions by other plug-ins. */
	public static final String CONTEXT_MENU_ID = "org.scriptorium.ui.views.papers.context"; //$NON-NLS-1$

	/** The id of the context in which the view's key bindings apply (active while the view is). */
	public static final String CONTEXT_ID = "org.scriptorium.ui.contexts.papers"; //$NON-NLS-1$

	/** The context menu's group of the add, delete and merge actions. */
	public static final String EDIT_GROUP = "edit"; //$NON-NLS-1$

	private static final String MEMENTO_SHOW_REFERENCE_ONLY = "showReferenceOnly"; //$NON-NLS-1$
	private static final String MEMENTO_HIDDEN_COLUMNS = "hiddenColumns"; //$NON-NLS-1$

	private boolean showReferenceOnly;
	private List<String> hiddenColumns = List.of();
	private PapersTable table;
	private PaperTabs tabs;
	private PapersActions actions;
	private CorpusLoader loader;
	private LoadedCorpus loaded;
	private Path corpusFile;

	@Override
	public void init(IViewSite site, IMemento memento) throws PartInitException {
		super.init(site, memento);
		showReferenceOnly = memento != null && Boolean.TRUE.equals(memento.getBoolean(MEMENTO_SHOW_REFERENCE_ONLY));
		String hidden = memento == null ? null : memento.getString(MEMENTO_HIDDEN_COLUMNS);
		if (hidden != null && !hidden.isEmpty()) {
			hiddenColumns = Arrays.asList(hidden.split("\\|")); //$NON-NLS-1$
		}
	}

	@Override
	public void saveState(IMemento memento) {
		memento.putBoolean(MEMENTO_SHOW_REFERENCE_ONLY, table.isShowReferenceOnly());
		memento.putString(MEMENTO_HIDDEN_COLUMNS, String.join("|", table.hiddenColumns())); //$NON-NLS-1$
	}

	@Override
	public void createPartControl(Composite parent) {
		GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(parent);
		PlatformUI.getWorkbench().getHelpSystem().setHelp(parent, ScriptoriumUI.HELP_PAPERS_VIEW);
		Composite top = PapersTable.top(parent);
		SashForm sash = new SashForm(parent, SWT.VERTICAL);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
		table = new PapersTable(top, new Composite(sash, SWT.NONE), showReferenceOnly, hiddenColumns,
				terms -> tabs.setHighlight(terms), () -> actions.referenceOnlyShown());
		tabs = new PaperTabs(sash, () -> loaded, this::reveal, table::showMessage);
		sash.setWeights(60, 40);
		table.viewer().addSelectionChangedListener(e -> {
			Paper paper = (Paper) e.getStructuredSelection().getFirstElement();
			tabs.show(paper);
			if (paper != null) {
				actions.visited(paper);
			}
		});
		getSite().setSelectionProvider(table.viewer());
		actions = new PapersActions(getViewSite(), this, table, tabs, () -> loader.loadDefault());
		getSite().getService(IContextService.class).activateContext(CONTEXT_ID);
		loader = new CorpusLoader(parent.getDisplay(), this::show, table::showMessage);
		String preferred = Platform.getPreferencesService().getString(CorePreferences.QUALIFIER,
				CorePreferences.DEFAULT_CORPUS, CorePreferences.DEFAULT_DEFAULT_CORPUS, null);
		if (preferred == null || preferred.isBlank()) {
			loader.loadDefault();
		} else {
			openCorpusFile(Path.of(preferred.strip()));
		}
	}

	@Override
	public void openCorpusFile(Path file, String revealPaperId) {
		loader.loadFile(file, revealPaperId);
	}

	@Override
	public Path corpusFile() {
		return corpusFile;
	}

	@Override
	public ICorpus corpus() {
		return loaded == null ? null : loaded.corpus();
	}

	@Override
	public boolean reveal(String paperId) {
		return table.reveal(paperId);
	}

	/** Shows a loaded corpus: the table lists it; the filter then searches that corpus' own index. */
	private void show(LoadedCorpus corpus, Path file, String revealId) {
		if (table.viewer().getControl().isDisposed()) {
			return;
		}
		Paper before = (Paper) table.viewer().getStructuredSelection().getFirstElement();
		boolean reloaded = file != null && file.equals(corpusFile);
		loaded = corpus;
		corpusFile = file;
		actions.updateDelete();
		String reveal = revealId;
		if (reveal == null && reloaded && before != null && corpus.paper(before.id()) != null) {
			reveal = before.id(); // the file changed: keep the selection
		}
		if (reveal == null && before != null) {
			// another corpus, or the paper is gone: nothing is selected, so no details of a paper of the last one
			table.viewer().setSelection(StructuredSelection.EMPTY);
			tabs.show(null);
		}
		setContentDescription(corpus.corpus().name());
		table.show(corpus, reveal);
		if (corpus.corpus() instanceof DefaultCorpus) {
			SearchService.get().warmUp();
		}
	}

	/** Its parts, the corpus it shows ({@link LoadedCorpus}, null while loading) and the view as {@link IPapersView}. */
	@Override
	public <T> T getAdapter(Class<T> adapter) {
		Object part = adapter == PapersTable.class
				? table
				: adapter == PaperTabs.class
						? tabs
						: adapter == PapersActions.class
								? actions
								: adapter == CorpusLoader.class
										? loader
										: adapter == LoadedCorpus.class
												? loaded
												: adapter == IPapersView.class ? this : null;
		return part != null ? adapter.cast(part) : super.getAdapter(adapter);
	}

	@Override
	public void dispose() {
		if (actions != null) {
			actions.dispose();
		}
		if (tabs != null) {
			tabs.dispose();
		}
		if (table != null) {
			table.dispose();
		}
		super.dispose();
	}

	@Override
	public void setFocus() {
		table.setFocus();
	}
}
