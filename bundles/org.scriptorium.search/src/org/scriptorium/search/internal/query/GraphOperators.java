package org.scriptorium.search.internal.query;

import java.util.Collection;

/** Answers the graph operators of a query; {@code paper} is an id or a citation string. */
public interface GraphOperators {

	/** Thrown when a paper reference does not resolve; the message is for the user. */
	final class UnresolvedPaperException extends Exception {
		private static final long serialVersionUID = 1L;

		public UnresolvedPaperException(String message) {
			super(message);
		}
	}

	/** Ids of the papers citing {@code paper} ({@code cites:paper}). */
	Collection<String> citing(String paper) throws UnresolvedPaperException;

	/** Ids of the papers {@code paper} cites ({@code citedby:paper}). */
	Collection<String> citedBy(String paper) throws UnresolvedPaperException;

	/** Ids of the papers related to {@code paper} ({@code related:paper}). */
	Collection<String> related(String paper) throws UnresolvedPaperException;

	/** Ids of the papers referenced by the files at {@code location} ({@code citedin:location}). */
	default Collection<String> citedIn(String location) throws UnresolvedPaperException {
		throw new UnresolvedPaperException("citedin: is not available here."); //$NON-NLS-1$
	}
}
