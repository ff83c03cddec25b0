package org.scriptorium.core.model;

import java.util.List;
import java.util.Optional;

/**
 * A set of papers, in a stable order.
 *
 * @noimplement This interface is not intended to be implemented by clients outside Scriptorium.
 */
public interface ICorpus {

	/** A short name for the user, e.g. "Default corpus" or a file name. */
	String name();

	/** All papers, in corpus order; an unmodifiable list. */
	List<Paper> papers();

	/** The paper with this {@link Paper#id() id}. */
	Optional<Paper> find(String id);

	default int size() {
		return papers().size();
	}

	/**
	 * The citation edges between papers of this corpus (both ends are ids of {@link #papers()}), in a stable order.
	 */
	default List<Citation> citations() {
		return List.of();
	}

	/** Whether the corpus may be changed (the built-in default corpus may not). */
	boolean isReadOnly();

	/**
	 * An immutable in-memory corpus of these papers and citations (copied), with papers found by id in constant time
	 * (if two papers share an id, {@link #find(String)} returns the first).
	 */
	static ICorpus of(String name, List<Paper> papers, List<Citation> citations) {
		return new MemoryCorpus(name, papers, citations);
	}
}
