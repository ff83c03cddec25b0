package org.scriptorium.search.internal.index;

import java.util.List;

import org.scriptorium.core.graph.CitationGraph;
import org.scriptorium.core.graph.CitationResolver;
import org.scriptorium.core.graph.CitationSimilarity;
import org.scriptorium.core.graph.PageRank;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.core.model.Paper;

/**
 * A corpus with everything derived from it once: paper hashes, its fingerprint, citation graph, PageRank and the
 * citation-string resolver. Immutable; the engine swaps the whole view when the corpus changes.
 */
public final class CorpusView {

	private final ICorpus corpus;
	private final List<String> hashes;
	private final String fingerprint;
	private final CitationGraph graph;
	private final double[] pagerank;
	private volatile CitationResolver resolver;
	private final CitationSimilarity similarity;
	private final java.util.BitSet repeatedId;

	public CorpusView(ICorpus corpus) {
		this.corpus = corpus;
		List<Paper> papers = corpus.papers();
		String[] h = new String[papers.size()];
		if (papers instanceof java.util.RandomAccess) {
			// hashing is the largest part of this setup: use the cores the single-threaded indexer leaves idle
			java.util.stream.IntStream.range(0, h.length).parallel()
					.forEach(k -> h[k] = Fingerprints.paperHash(papers.get(k)));
		}
		java.util.BitSet repeated = new java.util.BitSet();
		java.util.Set<String> seen = new java.util.HashSet<>(papers.size() * 4 / 3 + 1);
		int i = 0;
		for (Paper p : papers) {
			if (h[i] == null) {
				h[i] = Fingerprints.paperHash(p);
			}
			if (!seen.add(p.id())) {
				repeated.set(i);
			}
			i++;
		}
		this.hashes = List.of(h);
		this.repeatedId = repeated;
		this.fingerprint = Fingerprints.corpusFingerprint(hashes, corpus.citations());
		this.graph = CitationGraph.of(corpus);
		this.pagerank = PageRank.compute(graph);
		this.similarity = new CitationSimilarity(graph);
	}

	public ICorpus corpus() {
		return corpus;
	}

	public String fingerprint() {
		return fingerprint;
	}

	/** The hash of the i-th paper. */
	public String hash(int i) {
		return hashes.get(i);
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
	public org.apache.lucene.document.Document document(int i) {
		return document(corpus.papers().get(i), i);
	}

	/** The document of {@code p}, the i-th paper of the corpus. */
	public org.apache.lucene.document.Document document(Paper p, int i) {
		int node = graph.indexOf(p.id()).getAsInt();
		return PaperDocuments.toDocument(p, graph.citedByCount(node), normalizedPageRank(node), hashes.get(i));
	}

	/** Whether the i-th paper is the first with its id (a corpus with a repeated id indexes the first only). */
	public boolean isFirstWithItsId(int i) {
		return !repeatedId.get(i);
	}
}
