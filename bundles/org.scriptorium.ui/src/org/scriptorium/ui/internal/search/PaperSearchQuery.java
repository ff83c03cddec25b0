package org.scriptorium.ui.internal.search;

import java.io.IOException;
import java.util.concurrent.CancellationException;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;
import org.eclipse.search.ui.ISearchQuery;
import org.eclipse.search.ui.ISearchResult;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.search.QueryError;
import org.scriptorium.search.SearchHit;
import org.scriptorium.search.SearchRequest;
import org.scriptorium.search.SearchResult;
import org.scriptorium.search.service.SearchService;
import org.scriptorium.ui.internal.Messages;

/**
 * A paper search run by the search framework in a background job; its results go to the Search view and its
 * history.
 */
public final class PaperSearchQuery implements ISearchQuery {

	private final SearchRequest request;
	private final PaperSearchResult result;

	public PaperSearchQuery(SearchRequest request) {
		this.request = request;
		this.result = new PaperSearchResult(this);
	}

	public SearchRequest request() {
		return request;
	}

	@Override
	public IStatus run(IProgressMonitor monitor) throws OperationCanceledException {
		SubMonitor progress = SubMonitor.convert(monitor, NLS.bind(Messages.SearchQuery_running, request.query()), 2);
		result.setComplete(false);
		result.removeAll();
		result.setError(null);
		result.setNotice(null);
		result.setFacets(null);
		try {
			SearchResult found = SearchService.get().search(DefaultCorpus.get(), request, progress.split(1));
			progress.split(1);
			if (!found.ok()) {
				QueryError error = found.error().orElseThrow();
				result.setError(error.position() < 0
						? NLS.bind(Messages.SearchQuery_problem, error.message())
						: NLS.bind(Messages.SearchQuery_syntax, error.position() + 1, error.message()));
				return Status.info(result.error());
			}
			result.setNotice(found.notice().orElse(null));
			result.setTotalHits(found.totalHits());
			result.setFacets(found.facets());
			for (SearchHit hit : found.hits()) {
				result.add(hit);
			}
			return Status.OK_STATUS;
		} catch (CancellationException e) {
			throw new OperationCanceledException();
		} catch (CoreException e) {
			return e.getStatus();
		} catch (IOException e) {
			return Status.error(NLS.bind(Messages.SearchQuery_failed, e.getMessage()), e);
		} finally {
			result.setComplete(true);
		}
	}

	@Override
	public String getLabel() {
		return NLS.bind(Messages.SearchQuery_label, request.query());
	}

	@Override
	public boolean canRerun() {
		return true;
	}

	@Override
	public boolean canRunInBackground() {
		return true;
	}

	@Override
	public ISearchResult getSearchResult() {
		return result;
	}
}
