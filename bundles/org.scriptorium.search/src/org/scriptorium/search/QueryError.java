package org.scriptorium.search;

/**
 * Why a query could not be run.
 *
 * @param message  a sentence for the user
 * @param position the 0-based character offset in the query where the problem was found, or -1
 */
public record QueryError(String message, int position) {

	@Override
	public String toString() {
		return position >= 0 ? message + " (at position " + position + ")" : message; //$NON-NLS-1$ //$NON-NLS-2$
	}
}
