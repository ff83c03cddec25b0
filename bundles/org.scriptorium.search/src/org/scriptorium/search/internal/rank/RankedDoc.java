package org.scriptorium.search.internal.rank;

import java.util.List;

/**
 * A ranked Lucene document with the parts of its score.
 *
 * @param doc     the Lucene doc id
 * @param score   the final score
 * @param text    the BM25 score
 * @param prior   the weighted prior added
 * @param graph   the weighted propagated mass added
 * @param reasons the graph evidence ("cited by top hit #2 …")
 */
public record RankedDoc(int doc, double score, double text, double prior, double graph, List<String> reasons) {
}
