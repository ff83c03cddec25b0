package org.scriptorium.search.internal.index;

import static org.scriptorium.search.internal.index.PaperFields.*;

import java.io.Closeable;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.core.model.Paper;
import org.scriptorium.search.IndexMessages;
import org.scriptorium.search.ProgressMonitor;
import org.scriptorium.search.internal.analysis.Analyzers;

/**
 * The on-disk index of one corpus, with a near-real-time {@link SearcherManager}. On open it checks the index
 * against the corpus: a missing index is built, a damaged one (corrupt or truncated files, an indexer killed before
 * its first commit, an unreadable commit) or one of another schema version is rebuilt, and a stale one (built from
 * another version of the corpus) is updated paper by paper; each case is reported through {@link IndexMessages}.
 * Only Lucene's own files in the index folder are ever deleted; the corpus is only read. The folder is checked first
 * ({@link IndexFolder}): a symbolic link, another user's folder or one holding other files is refused.
 * <p>
 * Searches ({@link #acquire()}) may run on any thread while an update runs: they see the previous commit until the
 * update is committed.
 */
public final class IndexStore implements Closeable {

	private static final System.Logger LOG = System.getLogger(IndexStore.class.getName());

	/** Names of the files Lucene writes into an index folder (and nothing else is deleted). */
	static final Pattern LUCENE_FILE = Pattern
			.compile("segments(_[a-z0-9]+)?|pending_segments_[a-z0-9]+|write\\.lock|_[a-z0-9]+(_.*)?\\..*"); //$NON-NLS-1$

	/** What the index folder held when it was opened. */
	public enum State {
		MISSING, DAMAGED, OLD_SCHEMA, OTHER_VECTORS, STALE, CURRENT
	}

	private final Path path;
	private final IndexMessages messages;
	private final DenseVectors dense;
	private final Analyzer analyzer = Analyzers.perField();
	private final Directory directory;
	private IndexWriter writer;
	private volatile SearcherManager searchers;
	private volatile CorpusView view;
	private State openedState;
	private boolean closed;

	private IndexStore(Path path, IndexMessages messages, DenseVectors dense) throws IOException {
		this.path = path;
		this.messages = messages;
		this.dense = dense;
		IndexFolder.prepare(path);
		this.directory = IndexFolder.open(path);
	}

	/**
	 * The vectors the last commit of the index in {@code path} holds ({@link DenseVectors#signature()}), read without
	 * opening a writer; empty when the folder holds no readable index or an index without vectors.
	 */
	public static String vectorSignature(Path path) {
		if (!Files.isDirectory(path)) {
			return ""; //$NON-NLS-1$
		}
		try (Directory d = FSDirectory.open(path)) {
			if (!DirectoryReader.indexExists(d)) {
				return ""; //$NON-NLS-1$
			}
			try (DirectoryReader r = DirectoryReader.open(d)) {
				return r.getIndexCommit().getUserData().getOrDefault(META_VECTORS, ""); //$NON-NLS-1$
			}
		} catch (IOException | RuntimeException e) {
			return ""; //$NON-NLS-1$
		}
	}

	/**
	 * Opens (and if needed builds, rebuilds or updates) the index of {@code corpus} in {@code path}.
	 *
	 * @param verifyChecksums read every file once to verify its checksum (finds flipped bytes, not only truncation)
	 * @throws CancellationException when the monitor is canceled; the folder then holds no usable commit or the
	 *                               previous one, and the next open recovers
	 * @throws IOException           when the folder cannot be written, or another process is indexing it
	 */
	public static IndexStore open(Path path, ICorpus corpus, boolean verifyChecksums, IndexMessages messages,
			ProgressMonitor monitor) throws IOException {
		return open(path, corpus, verifyChecksums, messages, DenseVectors.none(), monitor);
	}

	/**
	 * Opens the index with the vectors of {@code dense}'s encoders in every document; an index holding other vector
	 * fields is rebuilt (its vectors come back from the caches, only new texts are embedded).
	 */
	public static IndexStore open(Path path, ICorpus corpus, boolean verifyChecksums, IndexMessages messages,
			DenseVectors dense, ProgressMonitor monitor) throws IOException {
		IndexStore store = new IndexStore(path, messages, dense);
		try {
			store.openFor(new CorpusView(corpus), verifyChecksums, monitor);
			return store;
		} catch (IOException | RuntimeException e) {
			store.closeQuietly();
			throw e;
		}
	}

	private void openFor(CorpusView v, boolean verify, ProgressMonitor monitor) throws IOException {
		String[] reason = {null};
		State state = inspect(v, verify, reason);
		openedState = state;
		String corpusName = v.corpus().name();
		switch (state) {
			case MISSING -> {
				messages.message("No search index in " + path + " yet: building it from " + corpusName + " (" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						+ v.corpus().size() + " papers)."); //$NON-NLS-1$
				rebuildFromScratch(v, monitor);
			}
			case DAMAGED -> {
				messages.message("The search index in " + path + " is damaged (" + reason[0] //$NON-NLS-1$ //$NON-NLS-2$
						+ "): rebuilding it from " + corpusName + ". The corpus itself is not affected."); //$NON-NLS-1$ //$NON-NLS-2$
				rebuildFromScratch(v, monitor);
			}
			case OLD_SCHEMA -> {
				messages.message("The search index in " + path + " has an older format: rebuilding it from " //$NON-NLS-1$ //$NON-NLS-2$
						+ corpusName + "."); //$NON-NLS-1$
				rebuildFromScratch(v, monitor);
			}
			case OTHER_VECTORS -> {
				messages.message("The search index in " + path + " holds other embedding vectors than asked for (" //$NON-NLS-1$ //$NON-NLS-2$
						+ reason[0] + "): rebuilding it from " + corpusName //$NON-NLS-1$
						+ "; only papers never embedded before are embedded."); //$NON-NLS-1$
				rebuildFromScratch(v, monitor);
			}
			case STALE -> {
				messages.message("The search index in " + path + " was built from another version of " + corpusName //$NON-NLS-1$ //$NON-NLS-2$
						+ ": updating the changed papers."); //$NON-NLS-1$
				writer = newWriter(IndexWriterConfig.OpenMode.APPEND);
				searchers = new SearcherManager(writer, null);
				applyUpdate(v, monitor);
			}
			case CURRENT -> {
				writer = newWriter(IndexWriterConfig.OpenMode.APPEND);
				searchers = new SearcherManager(writer, null);
				view = v;
			}
		}
	}

	/** Classifies the folder's content against the corpus. */
	private State inspect(CorpusView v, boolean verify, String[] reason) {
		try {
			if (!DirectoryReader.indexExists(directory)) {
				return State.MISSING;
			}
			try (DirectoryReader r = DirectoryReader.open(directory)) {
				Map<String, String> data = r.getIndexCommit().getUserData();
				if (!SCHEMA_VERSION.equals(data.get(META_SCHEMA))) {
					return State.OLD_SCHEMA;
				}
				String vectors = data.getOrDefault(META_VECTORS, ""); //$NON-NLS-1$
				if (!dense.signature().equals(vectors)) {
					reason[0] = (vectors.isEmpty() ? "none" : vectors) + " instead of " //$NON-NLS-1$ //$NON-NLS-2$
							+ (dense.signature().isEmpty() ? "none" : dense.signature()); //$NON-NLS-1$
					return State.OTHER_VECTORS;
				}
				if (verify) {
					for (LeafReaderContext c : r.leaves()) {
						c.reader().checkIntegrity();
					}
				}
				return v.fingerprint().equals(data.get(META_FINGERPRINT)) ? State.CURRENT : State.STALE;
			}
		} catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException | EOFException
				| NoSuchFileException | FileNotFoundException e) {
			reason[0] = e.getClass().getSimpleName() + ": " + e.getMessage(); //$NON-NLS-1$
			LOG.log(System.Logger.Level.WARNING, "damaged index in " + path + ": " + reason[0]); //$NON-NLS-1$ //$NON-NLS-2$
			LOG.log(System.Logger.Level.DEBUG, "damaged index", e); //$NON-NLS-1$
			return State.DAMAGED;
		} catch (IOException | RuntimeException e) {
			reason[0] = e.getClass().getSimpleName() + ": " + e.getMessage(); //$NON-NLS-1$
			LOG.log(System.Logger.Level.WARNING, "unreadable index in " + path + ": " + reason[0]); //$NON-NLS-1$ //$NON-NLS-2$
			LOG.log(System.Logger.Level.DEBUG, "unreadable index", e); //$NON-NLS-1$
			return State.DAMAGED;
		}
	}

	/** What the folder held when this store was opened. */
	public State openedState() {
		return openedState;
	}

	public Path path() {
		return path;
	}

	public Analyzer analyzer() {
		return analyzer;
	}

	/** The corpus view the current commit was built from. */
	public DenseVectors dense() {
		return dense;
	}

	public CorpusView view() {
		return view;
	}

	private IndexWriter newWriter(IndexWriterConfig.OpenMode mode) throws IOException {
		IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(mode).setRAMBufferSizeMB(64)
				.setCommitOnClose(false);
		try {
			return new IndexWriter(directory, config);
		} catch (LockObtainFailedException e) {
			throw new IOException("The search index in " + path + " is in use by another process.", e); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	/** Deletes Lucene's files (only those) and builds a fresh index. */
	private void rebuildFromScratch(CorpusView v, ProgressMonitor monitor) throws IOException {
		deleteLuceneFiles();
		writer = newWriter(IndexWriterConfig.OpenMode.CREATE);
		addAll(v, monitor);
		commit(v);
		searchers = new SearcherManager(writer, null);
		view = v;
	}

	private void deleteLuceneFiles() throws IOException {
		try (DirectoryStream<Path> files = Files.newDirectoryStream(path)) {
			for (Path f : files) {
				if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)
						&& LUCENE_FILE.matcher(f.getFileName().toString()).matches()) {
					Files.delete(f);
				}
			}
		}
	}

	private void addAll(CorpusView v, ProgressMonitor monitor) throws IOException {
		List<Paper> papers = v.corpus().papers();
		DenseVectors.Prepared vectors = prepareVectors(v, v::isFirstWithItsId, monitor);
		monitor.begin("Indexing " + papers.size() + " papers", papers.size()); //$NON-NLS-1$ //$NON-NLS-2$
		// documents are built on another thread, ahead of the writer, in corpus order
		try (CorpusView.DocumentFeed documents = v.documentFeed()) {
			for (int i = 0; i < papers.size(); i++) {
				if ((i & 255) == 0 && monitor.isCanceled()) {
					abort();
				}
				Document d = documents.next();
				if (d != null) {
					vectors.addTo(d, i);
					writer.addDocument(d);
				}
				monitor.worked(1);
			}
		}
	}

	/** The vectors of the selected papers; a canceled embedding rolls back like a canceled indexing. */
	private DenseVectors.Prepared prepareVectors(CorpusView v, java.util.function.IntPredicate selected,
			ProgressMonitor monitor) throws IOException {
		try {
			return dense.prepare(v.corpus().papers(), selected, monitor);
		} catch (CancellationException e) {
			abort();
			throw e;
		}
	}

	/** Rolls back to the last commit, reopens the writer for later updates and throws. */
	private void abort() throws IOException {
		writer.rollback();
		SearcherManager old = searchers;
		writer = null;
		if (old != null) {
			// searches keep working on the last commit
			writer = newWriter(IndexWriterConfig.OpenMode.APPEND);
			searchers = new SearcherManager(writer, null);
			old.close();
		}
		throw new CancellationException("Indexing canceled; the index keeps its last complete state."); //$NON-NLS-1$
	}

	private void commit(CorpusView v) throws IOException {
		writer.setLiveCommitData(Map.of(META_SCHEMA, SCHEMA_VERSION, META_FINGERPRINT, v.fingerprint(), META_CORPUS,
				v.corpus().name(), META_PAPERS, Integer.toString(v.corpus().size()), META_VECTORS, dense.signature())
				.entrySet());
		writer.commit();
	}

	/** Re-indexes everything (a user's "rebuild"); searches see the old index until it is done. */
	public synchronized void rebuild(ICorpus corpus, ProgressMonitor monitor) throws IOException {
		CorpusView v = new CorpusView(corpus);
		writer.deleteAll();
		addAll(v, monitor);
		commit(v);
		searchers.maybeRefreshBlocking();
		view = v;
	}

	/**
	 * Brings the index to a new version of the corpus, paper by paper: added and changed papers are (re)indexed,
	 * removed ones deleted, and the graph values (cited-by, PageRank) rewritten in place where they changed.
	 *
	 * @return how many documents were added, changed or deleted (graph-value updates excluded)
	 */
	public synchronized UpdateStats update(ICorpus corpus, ProgressMonitor monitor) throws IOException {
		CorpusView v = new CorpusView(corpus);
		if (view != null && v.fingerprint().equals(view.fingerprint())) {
			view = v;
			return new UpdateStats(0, 0, 0, 0);
		}
		return applyUpdate(v, monitor);
	}

	/** Counts of an incremental update. */
	public record UpdateStats(int added, int changed, int deleted, int graphValuesUpdated) {
	}

	private record Indexed(String hash, long citedBy, double pagerank) {
	}

	private UpdateStats applyUpdate(CorpusView v, ProgressMonitor monitor) throws IOException {
		searchers.maybeRefreshBlocking();
		Map<String, Indexed> indexed = readIndexed();
		List<Paper> papers = v.corpus().papers();
		DenseVectors.Prepared vectors = prepareVectors(v, i -> {
			if (!v.isFirstWithItsId(i)) {
				return false;
			}
			Indexed old = indexed.get(papers.get(i).id());
			return old == null || !old.hash().equals(v.hash(i));
		}, monitor);
		monitor.begin("Updating the index of " + papers.size() + " papers", papers.size()); //$NON-NLS-1$ //$NON-NLS-2$
		int added = 0, changed = 0, deleted = 0, graphUpdates = 0;
		for (int i = 0; i < papers.size(); i++) {
			if ((i & 255) == 0 && monitor.isCanceled()) {
				abort();
			}
			monitor.worked(1);
			if (!v.isFirstWithItsId(i)) {
				continue;
			}
			Paper p = papers.get(i);
			Indexed old = indexed.remove(p.id());
			Term id = new Term(ID, p.id());
			if (old == null || !old.hash().equals(v.hash(i))) {
				Document d = v.document(i);
				vectors.addTo(d, i);
				writer.updateDocument(id, d);
				if (old == null) {
					added++;
				} else {
					changed++;
				}
				continue;
			}
			int node = v.graph().indexOf(p.id()).getAsInt();
			long citedBy = v.graph().citedByCount(node);
			double pr = v.normalizedPageRank(node);
			if (old.citedBy() != citedBy || Double.compare(old.pagerank(), pr) != 0) {
				writer.updateDocValues(id, new NumericDocValuesField(CITED_BY, citedBy),
						new DoubleDocValuesField(PAGERANK, pr));
				graphUpdates++;
			}
		}
		for (String gone : indexed.keySet()) {
			writer.deleteDocuments(new Term(ID, gone));
			deleted++;
		}
		commit(v);
		searchers.maybeRefreshBlocking();
		view = v;
		LOG.log(System.Logger.Level.DEBUG, () -> "index updated in " + path); //$NON-NLS-1$
		return new UpdateStats(added, changed, deleted, graphUpdates);
	}

	private Map<String, Indexed> readIndexed() throws IOException {
		IndexSearcher s = searchers.acquire();
		try {
			Map<String, Indexed> m = new HashMap<>();
			for (LeafReaderContext c : s.getIndexReader().leaves()) {
				LeafReader r = c.reader();
				StoredFields stored = r.storedFields();
				Bits live = r.getLiveDocs();
				NumericDocValues cited = r.getNumericDocValues(CITED_BY);
				NumericDocValues pr = r.getNumericDocValues(PAGERANK);
				for (int d = 0; d < r.maxDoc(); d++) {
					if (live != null && !live.get(d)) {
						continue;
					}
					Document doc = stored.document(d, java.util.Set.of(ID, HASH));
					long cb = cited != null && cited.advanceExact(d) ? cited.longValue() : -1;
					double p = pr != null && pr.advanceExact(d) ? Double.longBitsToDouble(pr.longValue()) : -1;
					m.put(doc.get(ID), new Indexed(doc.get(HASH), cb, p));
				}
			}
			return m;
		} finally {
			searchers.release(s);
		}
	}

	/** A searcher on the latest commit; {@link #release(IndexSearcher) release} it in a finally block. */
	public IndexSearcher acquire() throws IOException {
		return searchers.acquire();
	}

	public void release(IndexSearcher searcher) throws IOException {
		searchers.release(searcher);
	}

	/** The number of live documents of the current searcher. */
	public int documentCount() throws IOException {
		IndexSearcher s = acquire();
		try {
			return s.getIndexReader().numDocs();
		} finally {
			release(s);
		}
	}

	private void closeQuietly() {
		try {
			close();
		} catch (IOException e) {
			LOG.log(System.Logger.Level.WARNING, "closing the index in " + path, e); //$NON-NLS-1$
		}
	}

	@Override
	public synchronized void close() throws IOException {
		if (closed) {
			return;
		}
		closed = true;
		try {
			if (searchers != null) {
				searchers.close();
			}
		} finally {
			try {
				if (writer != null) {
					writer.rollback(); // everything worth keeping is committed
				}
			} finally {
				writer = null;
				directory.close();
			}
		}
	}
}
