package org.scriptorium.ui.internal.views;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.scriptorium.core.model.Paper;
import org.scriptorium.search.HighlightTerms;
import org.scriptorium.search.service.SearchService;
import org.scriptorium.ui.ScriptoriumUI;
import org.scriptorium.ui.internal.JobFamilies;
import org.scriptorium.ui.internal.Messages;
import org.scriptorium.ui.internal.jobs.JobUtil;

/**
 * The tabs part of the Papers view, below the table: the selected paper's details, its references, the papers citing
 * it, related papers (found in a job, family {@link JobFamilies#RELATED}) and a citation path. Opening a paper of a
 * list reveals it in the table.
 */
public final class PaperTabs {

	private static final int RELATED_LIMIT = 20;

	private final CTabFolder tabs;
	private final PaperDetails details;
	private final PaperListTab references;
	private final PaperListTab citedBy;
	private final PaperListTab related;
	private final PaperListTab path;
	private final Supplier<LoadedCorpus> corpus;
	private final Consumer<String> status;
	private Paper shown;
	private Job relatedJob;

	/**
	 * @param corpus the corpus the view shows, or null while it loads
	 * @param reveal reveals the paper with this id in the table
	 * @param status shows a message of the tabs (a citation path that does not exist) in place of the count
	 */
	PaperTabs(Composite parent, Supplier<LoadedCorpus> corpus, Consumer<String> reveal, Consumer<String> status) {
		this.corpus = corpus;
		this.status = status;
		tabs = new CTabFolder(parent, SWT.BOTTOM | SWT.FLAT);
		tabs.setData(ScriptoriumUI.WIDGET_ID_KEY, PapersView.TABS_ID);
		details = new PaperDetails(tabs);
		details.getControl().setData(ScriptoriumUI.WIDGET_ID_KEY, PapersView.DETAILS_ID);
		CTabItem detailsItem = new CTabItem(tabs, SWT.NONE, 0);
		detailsItem.setText(Messages.PapersView_tabDetails);
		detailsItem.setControl(details.getControl());
		PaperLabels labels = new PaperLabels();
		Consumer<Paper> open = p -> reveal.accept(p.id());
		references = new PaperListTab(tabs, Messages.PapersView_tabReferences, PapersView.REFERENCES_ID, labels, open);
		citedBy = new PaperListTab(tabs, Messages.PapersView_tabCitedBy, PapersView.CITED_BY_ID, labels, open);
		related = new PaperListTab(tabs, Messages.PapersView_tabRelated, PapersView.RELATED_ID, labels, open);
		path = new PaperListTab(tabs, Messages.PapersView_tabPath, PapersView.PATH_ID, labels, open);
		tabs.setSelection(0);
	}

	/** Highlights these words (those of the filter's query) in the details from now on. */
	void setHighlight(HighlightTerms terms) {
		details.setHighlight(terms);
	}

	/** Shows the details and relations of {@code paper} (null: none). */
	void show(Paper paper) {
		shown = paper;
		details.show(paper);
		LoadedCorpus loaded = corpus.get();
		boolean known = paper != null && loaded != null;
		references.show(known ? loaded.references(paper) : List.of());
		citedBy.show(known ? loaded.citedBy(paper) : List.of());
		related.show(List.of());
		if (known) {
			computeRelated(loaded, paper);
		}
	}

	/**
	 * Fills the Related tab in a job: the search engine merges co-citation, bibliographic coupling and similar text
	 * (family {@link JobFamilies#RELATED}).
	 */
	private void computeRelated(LoadedCorpus loaded, Paper paper) {
		Display display = tabs.getDisplay();
		if (relatedJob != null) {
			relatedJob.cancel();
		}
		relatedJob = JobUtil.create(Messages.PapersView_relatedJob, JobFamilies.RELATED, monitor -> {
			try {
				List<Paper> found = SearchService.get()
						.withEngine(loaded.corpus(), Set.of(), monitor, e -> e.related(paper.id(), RELATED_LIMIT))
						.orElse(List.of()).stream().map(r -> loaded.paper(r.paperId())).filter(p -> p != null)
						.toList();
				display.asyncExec(() -> {
					if (!tabs.isDisposed() && paper.equals(shown)) {
						related.show(found);
					}
				});
				return Status.OK_STATUS;
			} catch (CoreException e) {
				return e.getStatus();
			} catch (IOException e) {
				return Status.error(e.getMessage(), e);
			}
		});
		relatedJob.setSystem(true);
		relatedJob.schedule();
	}

	/**
	 * Shows in the Path tab the shortest chain of citations between two papers (references first, else either way).
	 *
	 * @return the papers of the path, empty if they are not connected
	 */
	public List<Paper> showPath(Paper from, Paper to) {
		LoadedCorpus loaded = corpus.get();
		List<Paper> found = loaded == null ? List.of() : loaded.path(from, to);
		path.show(found);
		tabs.setSelection(4);
		if (found.isEmpty()) {
			status.accept(NLS.bind(Messages.PapersView_noPath, from.title(), to.title()));
		}
		return found;
	}

	void dispose() {
		if (relatedJob != null) {
			relatedJob.cancel();
		}
	}
}
