package org.scriptorium.search;

import java.util.Collection;

import org.scriptorium.core.model.ICorpus;

/**
 * Answers the query clause {@code citedin:<file or folder>}: the papers a corpus has that the files at a location
 * reference (arXiv ids, DOIs, cite keys). The search bundle knows no files: the paper-references bundle implements it
 * for workspace paths (contributed to the extension point {@code org.scriptorium.search.citedIn}, which
 * {@link org.scriptorium.search.service.SearchService}'s engines use) and for file-system paths (the command line).
 *
 * @see PaperSearchEngine#setCitedIn(CitedIn)
 */
@FunctionalInterface
public interface CitedIn {

	/** Thrown when the location names no file or folder; the message is for the user. */
	final class UnknownLocationException extends Exception {
		private static final long serialVersionUID = 1L;

		public UnknownLocationException(String message) {
			super(message);
		}
	}

	/**
	 * The ids of the papers of {@code corpus} referenced by the file at {@code location}, or by the files under it
	 * if it is a folder.
	 *
	 * @param location the path as the user wrote it after {@code citedin:}
	 * @throws UnknownLocationException when nothing is at that location, or it cannot be read
	 */
	Collection<String> paperIds(String location, ICorpus corpus) throws UnknownLocationException;
}
