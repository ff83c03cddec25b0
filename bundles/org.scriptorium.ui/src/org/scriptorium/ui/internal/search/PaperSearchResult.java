package org.scriptorium.ui.internal.search;

import java.util.List;
import java.util.Map;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.osgi.util.NLS;
import org.eclipse.search.ui.ISearchQuery;
import org.eclipse.search.ui.text.AbstractTextSearchResult;
import org.eclipse.search.ui.text.IEditorMatchAdapter;
import org.eclipse.search.ui.text.IFileMatchAdapter;
import org.eclipse.search.ui.text.Match;
import org.scriptorium.search.FacetCount;
import org.scriptorium.search.SearchHit;
import org.scriptorium.ui.internal.Messages;

/** The hits of one paper search, one {@link Match} per {@link SearchHit}, shown in the Search view. */
public final class PaperSearchResult extends AbstractTextSearchResult {

	private final PaperSearchQuery query;
	private volatile long totalHits;
	private volatile String error;
	private volatile String notice;
	private volatile Map<String, List<FacetCount>> facets = Map.of();
	private volatile boolean complete;

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

	void setNotice(String message) {
		notice = message;
	}

	/** How the ranking differs from the one asked for (lexical until vectors are computed), or null. */
	public String notice() {
		return notice;
	}

	void setFacets(Map<String, List<FacetCount>> value) {
		facets = value == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(value));
	}

	/**
	 * The year, venue and author counts over all matches (not only the hits shown), by facet name in the engine's
	 * order; empty before the search ran or when it failed.
	 */
	public Map<String, List<FacetCount>> facets() {
		return facets;
	}

	void setComplete(boolean value) {
		complete = value;
	}

	/** Whether the last run of the query has ended (with hits, an error or a cancel); false while it runs. */
	public boolean isComplete() {
		return complete;
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
		if (!complete) {
			return NLS.bind(Messages.SearchResult_searching, query.request().query());
		}
		String label = NLS.bind(Messages.SearchResult_label,
				new Object[]{query.request().query(), getElementsCount(), totalHits,
						query.request().ranking().rankerSpec()});
		return notice == null ? label : label + " - " + notice; //$NON-NLS-1$
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
