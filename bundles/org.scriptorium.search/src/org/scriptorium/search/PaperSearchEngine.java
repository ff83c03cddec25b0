package org.scriptorium.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.scriptorium.core.model.ICorpus;
import org.scriptorium.search.internal.SearchCore;
import org.scriptorium.search.internal.index.IndexStore;

/**
 * Citation-aware search over one corpus, backed by a Lucene index on disk.
 * <p>
 * {@link #open} builds, checks, repairs or updates the index (it may take a while for a large corpus: call it from a
 * background job with a {@link ProgressMonitor}); {@link #search} is fast and thread-safe and may run while
 * {@link #update} re-indexes a changed corpus in another thread. A query with a syntax error returns a
 * {@link SearchResult} carrying a {@link QueryError}; I/O problems are {@link IOException}s.
 */
public final class PaperSearchEngine implements AutoCloseable {

	private final SearchCore core;

	private PaperSearchEngine(SearchCore core) {
		this.core = core;
	}

	/**
	 * Opens the search engine of {@code corpus} with its index in {@code indexDir} (created when missing). A missing,
	 * damaged, outdated or stale index is rebuilt or updated from the corpus, and {@code messages} is told why.
	 */
	public static PaperSearchEngine open(ICorpus corpus, Path indexDir, IndexMessages messages,
			ProgressMonitor monitor) throws IOException {
		return new PaperSearchEngine(SearchCore.open(corpus, indexDir, true, messages, monitor));
	}

	/**
	 * Opens the search engine with dense vectors: every document carries the vector of each encoder (title and
	 * abstract), looked up in or added to the vector caches in {@code vectorCacheDir}; dense and hybrid rankers
	 * ({@link Retrieval}) can then use those encoders. Embedding reports progress on the monitor and can be canceled.
	 */
	public static PaperSearchEngine open(ICorpus corpus, Path indexDir, IndexMessages messages,
			List<TextEncoder> encoders, Path vectorCacheDir, ProgressMonitor monitor) throws IOException {
		return new PaperSearchEngine(SearchCore.open(corpus, indexDir, true, messages,
				org.scriptorium.search.internal.index.DenseVectors.of(encoders, vectorCacheDir, messages), monitor));
	}

	/** The encoders whose vectors the index holds (dense and hybrid rankers may use these). */
	public List<TextEncoder> encoders() {
		return core.store().dense().encoders();
	}

	/**
	 * Where the clause {@code citedin:<file or folder>} looks for the files' references; without one (the default),
	 * a query with {@code citedin:} is an error saying that it is not available here.
	 */
	public void setCitedIn(CitedIn citedIn) {
		core.setCitedIn(citedIn);
	}

	/** Runs a search. */
	public SearchResult search(SearchRequest request) throws IOException {
		return core.search(request);
	}

	/** Runs a query with the default settings. */
	public SearchResult search(String query) throws IOException {
		return core.search(SearchRequest.of(query));
	}

	/**
	 * Papers related to {@code paper} (an id or a citation string): co-cited, bibliographically coupled and similar
	 * in text, merged. Empty when the paper is not found.
	 */
	public Optional<List<RelatedPaper>> related(String paper, int limit) throws IOException {
		return core.related(paper, limit);
	}

	/** Brings the index to a changed corpus, paper by paper. */
	public IndexUpdate update(ICorpus corpus, ProgressMonitor monitor) throws IOException {
		IndexStore.UpdateStats s = core.store().update(corpus, monitor);
		return new IndexUpdate(s.added(), s.changed(), s.deleted(), s.graphValuesUpdated());
	}

	/** Re-indexes every paper of {@code corpus}. */
	public void rebuild(ICorpus corpus, ProgressMonitor monitor) throws IOException {
		core.store().rebuild(corpus, monitor);
	}

	/** The number of indexed papers. */
	public int documentCount() throws IOException {
		return core.store().documentCount();
	}

	/** The corpus the index currently reflects. */
	public ICorpus corpus() {
		return core.store().view().corpus();
	}

	/** Internal access for friends (UI, tests, CLI). */
	public SearchCore core() {
		return core;
	}

	@Override
	public void close() throws IOException {
		core.close();
	}

	/**
	 * What an incremental update did.
	 *
	 * @param added              newly indexed papers
	 * @param changed            re-indexed papers
	 * @param deleted            removed papers
	 * @param graphValuesUpdated papers whose cited-by count or PageRank was rewritten in place
	 */
	public record IndexUpdate(int added, int changed, int deleted, int graphValuesUpdated) {
	}
}
