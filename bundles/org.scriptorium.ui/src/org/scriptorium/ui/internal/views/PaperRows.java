package org.scriptorium.ui.internal.views;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.scriptorium.core.model.Paper;
import org.scriptorium.search.HighlightTerms;
import org.scriptorium.search.QueryError;
import org.scriptorium.search.RankingSettings;
import org.scriptorium.search.SearchHit;
import org.scriptorium.search.SearchRequest;
import org.scriptorium.search.SearchResult;
import org.scriptorium.search.internal.query.FilterQueries;
import org.scriptorium.search.service.SearchPreferences;
import org.scriptorium.search.service.SearchService;

/**
 * Computes the rows of the Papers table in a job: without filter text every paper (in corpus order), with it the
 * papers the search engine finds (in rank order; with a dense or hybrid ranker the {@value #DENSE_LIMIT} nearest at
 * most, since every paper has a similarity to the text); then reference-only papers are dropped unless asked for, and the
 * rows are sorted if a column is sorted.
 */
final class PaperRows {

	/**
	 * The rows and the words of the filter to highlight, or why the filter text is not a valid query (then
	 * {@code papers} is null); {@code notice} says how the ranking differs from the preferred one (null if it does
	 * not), e.g. lexical until the vectors of a dense ranker are computed; {@code hidden} counts the matches of the
	 * filter text left out because they are reference-only.
	 */
	record Result(List<Paper> papers, HighlightTerms highlight, QueryError error, String notice, int hidden) {
	}

	private static final int CHECK_EVERY = 4096;
	/** How many papers the filter shows at most with a dense or hybrid ranker, nearest first. */
	static final int DENSE_LIMIT = 1000;

	private PaperRows() {
	}

	static Result compute(LoadedCorpus corpus, PaperFilter.Settings filter, Comparator<Paper> order,
			IProgressMonitor monitor) throws CoreException {
		List<Paper> candidates;
		HighlightTerms highlight = HighlightTerms.NONE;
		String notice = null;
		if (filter.text().isEmpty()) {
			candidates = corpus.corpus().papers();
		} else {
			SearchResult result = search(corpus, filter.text(), monitor);
			if (!result.ok()) {
				QueryError e = result.error().orElseThrow(); // located in the filter text, not in the query made of it
				return new Result(null, HighlightTerms.NONE,
						new QueryError(e.message(), FilterQueries.textPosition(filter.text(), e.position())), null, 0);
			}
			highlight = result.highlight();
			notice = result.notice().orElse(null);
			candidates = new ArrayList<>(result.hits().size());
			for (SearchHit hit : result.hits()) {
				Paper p = corpus.paper(hit.paperId());
				if (p != null) {
					candidates.add(p);
				}
			}
		}
		List<Paper> rows = new ArrayList<>();
		int hidden = 0;
		for (int i = 0; i < candidates.size(); i++) {
			if (i % CHECK_EVERY == 0 && monitor.isCanceled()) {
				throw new OperationCanceledException();
			}
			Paper p = candidates.get(i);
			if (filter.referenceOnly() || !p.isReferenceOnly()) {
				rows.add(p);
			} else {
				hidden++;
			}
		}
		if (order != null) {
			rows.sort(order);
		}
		return new Result(rows, highlight, null, notice, filter.text().isEmpty() ? 0 : hidden);
	}

	private static SearchResult search(LoadedCorpus corpus, String text, IProgressMonitor monitor)
			throws CoreException {
		try {
			RankingSettings ranking = SearchPreferences.ranking();
			int limit = corpus.corpus().size();
			if (ranking.retrieval().usesVectors()) {
				limit = Math.min(limit, DENSE_LIMIT); // every paper has a nearest-neighbour score: show the nearest
			}
			SearchRequest request = SearchRequest.of(FilterQueries.toQuery(text)).withLimit(Math.max(1, limit))
					.withRanking(ranking).withHighlight(false);
			return SearchService.get().search(corpus.corpus(), request, monitor);
		} catch (IOException e) {
			throw new CoreException(Status.error(e.getMessage(), e));
		}
	}
}
