package org.scriptorium.ui.internal.search;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.osgi.util.NLS;
import org.eclipse.search.ui.ISearchQuery;
import org.eclipse.search.ui.text.AbstractTextSearchResult;
import org.eclipse.search.ui.text.IEditorMatchAdapter;
import org.eclipse.search.ui.text.IFileMatchAdapter;
import org.eclipse.search.ui.text.Match;
import org.scriptorium.search.SearchHit;
import org.scriptorium.ui.internal.Messages;

/** The hits of one paper search, one {@link Match} per {@link SearchHit}, shown in the Search view. */
public final class PaperSearchResult extends AbstractTextSearchResult {

	private final PaperSearchQuery query;
	private volatile long totalHits;
	private volatile String error;

	PaperSearchResult(PaperSearchQuery query) {
		this.query = query;
	}

	void add(SearchHit hit) {
		addMatch(new Match(hit, 0, 0));
	}

	void setTotalHits(long total) {
		totalHits = total;
	}

	void setError(String message) {
		error = message;
	}

	/** Why the query could not run, or null. */
	public String error() {
		return error;
	}

	@Override
	public String getLabel() {
		if (error != null) {
			return NLS.bind(Messages.SearchResult_error, query.request().query(), error);
		}
		return NLS.bind(Messages.SearchResult_label,
				new Object[] { query.request().query(), getElementsCount(), totalHits });
	}

	@Override
	public String getTooltip() {
		return getLabel();
	}

	@Override
	public ImageDescriptor getImageDescriptor() {
		return null;
	}

	@Override
	public ISearchQuery getQuery() {
		return query;
	}

	@Override
	public IEditorMatchAdapter getEditorMatchAdapter() {
		return null;
	}

	@Override
	public IFileMatchAdapter getFileMatchAdapter() {
		return null;
	}
}
