package org.scriptorium.dense.internal.routing;

/**
 * Chooses one expert per query (hard top-1 routing, as RouterRetriever does). A router is fitted on training queries
 * of one {@link ExpertTable} and then routes queries of the same or another table (same experts, same base encoder).
 */
public interface Router {

	/** The name in the experiment file and the report, e.g. {@code pilot}. */
	String name();

	/** Learns from the training queries {@code train} of {@code table} (their experts' results and base embeddings). */
	Fitted fit(ExpertTable table, int[] train);

	/** A fitted router. */
	interface Fitted {

		/** The expert chosen for query {@code q} of {@code table}. */
		int route(ExpertTable table, int q);
	}
}
