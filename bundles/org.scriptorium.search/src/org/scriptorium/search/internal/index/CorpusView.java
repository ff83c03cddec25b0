package org.scriptorium.search.internal.index;

import java.util.AbstractList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.RandomAccess;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.apache.lucene.document.Document;
import org.scriptorium.core.graph.CitationGraph;
import org.scriptorium.core.graph.CitationResolver;
import org.scriptorium.core.graph.CitationSimilarity;
import org.scriptorium.core.graph.PageRank;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.core.model.Paper;

/**
 * A corpus with everything derived from it once: paper hashes, its fingerprint, citation graph, PageRank and the
 * citation-string resolver. Immutable; the engine swaps the whole view when the corpus changes.
 * <p>
 * The constructor computes only what the first document needs: the citation graph (resolved on all cores) and
 * PageRank. The paper hashes and the corpus fingerprint are computed by a background thread meanwhile the index is
 * written; {@link #hash(int)} computes a hash the thread has not reached yet, and {@link #fingerprint()} helps
 * hashing and waits for the digest. The values do not depend on which thread computed them.
 */
public final class CorpusView {

	/** Papers per block of hashing work claimed by a thread. */
	private static final int HASH_BLOCK = 1024;

	private final ICorpus corpus;
	private final List<Paper> papers;
	private final AtomicReferenceArray<String> hashes;
	private final AtomicInteger nextHashBlock = new AtomicInteger();
	private final FutureTask<String> fingerprint;
	private final CitationGraph graph;
	private final double[] pagerank;
	private volatile CitationResolver resolver;
	private final CitationSimilarity similarity;
	private final BitSet repeatedId;

	public CorpusView(ICorpus corpus) {
		this.corpus = corpus;
		List<Paper> listed = corpus.papers();
		this.papers = listed instanceof RandomAccess ? listed : List.copyOf(listed);
		this.hashes = new AtomicReferenceArray<>(papers.size());
		this.graph = CitationGraph.of(corpus);
		this.repeatedId = repeatedIds(papers, graph);
		this.pagerank = PageRank.compute(graph);
		this.similarity = new CitationSimilarity(graph);
		this.fingerprint = new FutureTask<>(() -> {
			hashAll();
			List<String> all = new AbstractList<>() {
				@Override
				public String get(int i) {
					return hash(i);
				}

				@Override
				public int size() {
					return papers.size();
				}
			};
			return Fingerprints.corpusFingerprint(all, corpus.citations());
		});
		Thread.ofPlatform().daemon().name("Scriptorium corpus fingerprint").start(fingerprint); //$NON-NLS-1$
	}

	/** Which papers repeat the id of an earlier paper; the graph has one node per distinct id. */
	private static BitSet repeatedIds(List<Paper> papers, CitationGraph graph) {
		BitSet repeated = new BitSet();
		if (graph.size() == papers.size()) {
			return repeated;
		}
		Set<String> seen = new HashSet<>(papers.size() * 4 / 3 + 1);
		int i = 0;
		for (Paper p : papers) {
			if (!seen.add(p.id())) {
				repeated.set(i);
			}
			i++;
		}
		return repeated;
	}

	/** Hashes the papers no thread has claimed yet, a block at a time. */
	private void hashAll() {
		int n = papers.size();
		for (int b; (b = nextHashBlock.getAndIncrement()) * (long) HASH_BLOCK < n;) {
			for (int i = b * HASH_BLOCK, end = Math.min(n, i + HASH_BLOCK); i < end; i++) {
				hash(i);
			}
		}
	}

	public ICorpus corpus() {
		return corpus;
	}

	/** The corpus fingerprint ({@link Fingerprints#corpusFingerprint}); waits for the background thread. */
	public String fingerprint() {
		if (!fingerprint.isDone()) {
			hashAll(); // help the background thread with the paper hashes
		}
		try {
			return fingerprint.get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CancellationException("Interrupted while computing the fingerprint of " + corpus.name()); //$NON-NLS-1$
		} catch (ExecutionException e) {
			if (e.getCause() instanceof RuntimeException r) {
				throw r;
			}
			throw new IllegalStateException("Computing the fingerprint of " + corpus.name() + " failed", e.getCause()); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	/** The hash of the i-th paper ({@link Fingerprints#paperHash}), computed now if no thread has yet. */
	public String hash(int i) {
		String h = hashes.get(i);
		if (h == null) {
			h = Fingerprints.paperHash(papers.get(i));
			hashes.set(i, h);
		}
		return h;
	}

	public CitationGraph graph() {
		return graph;
	}

	public CitationSimilarity similarity() {
		return similarity;
	}

	/** PageRank of node i times the number of papers (1 = average). */
	public double normalizedPageRank(int i) {
		return pagerank[i] * pagerank.length;
	}

	/** The resolver, built on first use. */
	public CitationResolver resolver() {
		CitationResolver r = resolver;
		if (r == null) {
			synchronized (this) {
				r = resolver;
				if (r == null) {
					r = resolver = new CitationResolver(corpus);
				}
			}
		}
		return r;
	}

	/** The document of the i-th paper of the corpus. */
	public Document document(int i) {
		return document(papers.get(i), i);
	}

	/** The document of {@code p}, the i-th paper of the corpus. */
	public Document document(Paper p, int i) {
		int node = graph.indexOf(p.id()).getAsInt();
		return PaperDocuments.toDocument(p, graph.citedByCount(node), normalizedPageRank(node), hash(i));
	}

	/** The documents of all papers in corpus order, built ahead of the caller on another thread. */
	public DocumentFeed documentFeed() {
		return new DocumentFeed();
	}

	/**
	 * The documents of the papers in corpus order ({@code null} for a paper that {@linkplain #isFirstWithItsId(int)
	 * repeats an id}), built by a background thread a few batches ahead of the indexer, so that building them costs
	 * the indexing thread nothing. {@link #close() Close} it when done or abandoned.
	 */
	public final class DocumentFeed implements AutoCloseable {

		private static final int BATCH = 256;

		/** Batches of documents ({@code Document[]}) or the failure of the producer ({@code RuntimeException}). */
		private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(16);
		private final Thread producer;
		private Document[] batch = new Document[0];
		private int next;
		private int taken;

		private DocumentFeed() {
			producer = Thread.ofPlatform().daemon().name("Scriptorium document builder").start(this::produce); //$NON-NLS-1$
		}

		private void produce() {
			int i = 0;
			try {
				int n = papers.size();
				for (int from = 0; from < n; from += BATCH) {
					Document[] b = new Document[Math.min(BATCH, n - from)];
					for (int k = 0; k < b.length; k++) {
						i = from + k;
						if (isFirstWithItsId(i)) {
							b[k] = document(papers.get(i), i);
						}
					}
					queue.put(b);
				}
			} catch (InterruptedException e) {
				// closed by the consumer
			} catch (RuntimeException e) {
				try {
					queue.put(new IllegalStateException("Building the document of paper " + (i + 1) + " of " //$NON-NLS-1$ //$NON-NLS-2$
							+ corpus.name() + " failed: " + e, e)); //$NON-NLS-1$
				} catch (InterruptedException closed) {
					// the consumer stopped taking: nobody needs the failure
				}
			}
		}

		/** The document of the next paper, or {@code null} when that paper repeats the id of an earlier one. */
		public Document next() {
			if (taken == papers.size()) {
				throw new NoSuchElementException("all " + taken + " documents were taken"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			if (next == batch.length) {
				Object o;
				try {
					o = queue.take();
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new CancellationException("Interrupted while waiting for documents"); //$NON-NLS-1$
				}
				if (o instanceof RuntimeException e) {
					throw e;
				}
				batch = (Document[]) o;
				next = 0;
			}
			taken++;
			return batch[next++];
		}

		/** Stops the background thread. */
		@Override
		public void close() {
			producer.interrupt();
		}

		/** Waits until the background thread has ended (after {@link #close()} or the last batch). */
		boolean awaitStopped(long millis) throws InterruptedException {
			return producer.join(java.time.Duration.ofMillis(millis));
		}
	}

	/** Whether the i-th paper is the first with its id (a corpus with a repeated id indexes the first only). */
	public boolean isFirstWithItsId(int i) {
		return !repeatedId.get(i);
	}
}
