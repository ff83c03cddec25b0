package org.scriptorium.core.graph;

import java.util.function.IntConsumer;

/** Which citation edges a traversal follows. */
public enum Direction {
	/** From a paper to the papers it cites. */
	REFERENCES,
	/** From a paper to the papers citing it. */
	CITED_BY,
	/** Both ways. */
	BOTH;

	int degree(CitationGraph g, int node) {
		return switch (this) {
			case REFERENCES -> g.referenceCount(node);
			case CITED_BY -> g.citedByCount(node);
			case BOTH -> g.referenceCount(node) + g.citedByCount(node);
		};
	}

	void forEachNeighbour(CitationGraph g, int node, IntConsumer action) {
		if (this != CITED_BY) {
			for (int p = g.refStart(node), end = g.refEnd(node); p < end; p++) {
				action.accept(g.refTarget(p));
			}
		}
		if (this != REFERENCES) {
			for (int p = g.citedByStart(node), end = g.citedByEnd(node); p < end; p++) {
				action.accept(g.citedBySource(p));
			}
		}
	}

	/** The opposite direction ({@link #BOTH} stays). */
	public Direction reverse() {
		return switch (this) {
			case REFERENCES -> CITED_BY;
			case CITED_BY -> REFERENCES;
			case BOTH -> BOTH;
		};
	}
}
