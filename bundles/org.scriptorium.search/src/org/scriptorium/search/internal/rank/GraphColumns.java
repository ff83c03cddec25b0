package org.scriptorium.search.internal.rank;

import java.io.IOException;
import java.util.Arrays;
import java.util.OptionalInt;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.scriptorium.core.graph.CitationGraph;
import org.scriptorium.search.internal.index.CorpusView;
import org.scriptorium.search.internal.index.PaperFields;

/**
 * What the citation-aware ranker needs of every document, read once per index reader and corpus view into arrays
 * indexed by (top-level) doc id: its node in the citation graph ({@code -1} when it has none) and its unweighted
 * {@linkplain Ranking#prior(long, double) prior}. A query then looks its candidates up in two arrays instead of
 * opening doc values, decoding ids and hashing them per query. The values are the ones the doc values give, so the
 * scores are the same to the last bit.
 * <p>
 * Building costs one pass over the id doc values (ids decoded once per segment term, in order) and the graph doc
 * values: tens of milliseconds per 100,000 documents; 12 bytes per document.
 */
public final class GraphColumns {

	private final Object readerKey;
	private final int[] node;
	private final double[] prior;

	private GraphColumns(Object readerKey, int[] node, double[] prior) {
		this.readerKey = readerKey;
		this.node = node;
		this.prior = prior;
	}

	/** One cached entry: the columns of the newest reader asked for. */
	private static final class Slot {
		volatile GraphColumns columns;
	}

	/** Per view (weakly: a replaced view's columns go with it; a slot never refers to its view). */
	private static final java.util.Map<CorpusView, Slot> SLOTS = java.util.Collections
			.synchronizedMap(new java.util.WeakHashMap<>());

	/** The columns of this reader and view, built on first use and kept while the view lives. */
	public static GraphColumns of(IndexReader reader, CorpusView view) throws IOException {
		Object key = key(reader);
		Slot slot = SLOTS.computeIfAbsent(view, v -> new Slot());
		GraphColumns c = slot.columns;
		if (c != null && c.readerKey == key) {
			return c;
		}
		synchronized (slot) {
			c = slot.columns;
			if (c == null || c.readerKey != key) {
				c = build(reader, key, view);
				slot.columns = c;
			}
			return c;
		}
	}

	private static Object key(IndexReader reader) {
		IndexReader.CacheHelper h = reader.getReaderCacheHelper();
		return h != null ? h.getKey() : reader;
	}

	private static GraphColumns build(IndexReader reader, Object key, CorpusView view) throws IOException {
		CitationGraph g = view.graph();
		int[] node = new int[reader.maxDoc()];
		double[] prior = new double[reader.maxDoc()];
		Arrays.fill(node, -1);
		for (LeafReaderContext ctx : reader.leaves()) {
			LeafReader r = ctx.reader();
			int base = ctx.docBase;
			SortedDocValues ids = r.getSortedDocValues(PaperFields.ID);
			if (ids != null) {
				// the graph node of each distinct id, decoding the ids in term order once
				int[] ordNode = new int[ids.getValueCount()];
				TermsEnum terms = ids.termsEnum();
				int ord = 0;
				for (BytesRef t = terms.next(); t != null; t = terms.next()) {
					OptionalInt n = g.indexOf(t.utf8ToString());
					ordNode[ord++] = n.orElse(-1);
				}
				for (int doc = ids.nextDoc(); doc != SortedDocValues.NO_MORE_DOCS; doc = ids.nextDoc()) {
					node[base + doc] = ordNode[ids.ordValue()];
				}
			}
			NumericDocValues cited = r.getNumericDocValues(PaperFields.CITED_BY);
			NumericDocValues pagerank = r.getNumericDocValues(PaperFields.PAGERANK);
			for (int doc = 0; doc < r.maxDoc(); doc++) {
				long cb = cited != null && cited.advanceExact(doc) ? cited.longValue() : 0;
				double pr = pagerank != null && pagerank.advanceExact(doc)
						? Double.longBitsToDouble(pagerank.longValue())
						: 1;
				prior[base + doc] = Ranking.prior(cb, pr);
			}
		}
		return new GraphColumns(key, node, prior);
	}

	/** The graph node of a document, or -1. */
	public int node(int doc) {
		return node[doc];
	}

	/** The unweighted prior of a document. */
	public double prior(int doc) {
		return prior[doc];
	}
}
