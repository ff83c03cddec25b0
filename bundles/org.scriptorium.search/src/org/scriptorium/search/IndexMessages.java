package org.scriptorium.search;

/** Receives the messages of the index about what it did, e.g. "the index was damaged and has been rebuilt". */
@FunctionalInterface
public interface IndexMessages {

	/** Messages go to the platform logger only. */
	IndexMessages LOG = m -> System.getLogger("org.scriptorium.search").log(System.Logger.Level.INFO, m); //$NON-NLS-1$

	void message(String text);
}
