package org.scriptorium.core.graph;

/**
 * A node of a {@link CitationGraph} with a score.
 *
 * @param node  the node number
 * @param id    the paper id
 * @param score the score, higher is more similar
 */
public record ScoredPaper(int node, String id, double score) {
}
