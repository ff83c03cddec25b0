package org.scriptorium.core.io;

/**
 * A bad record or a bad file, in words a researcher understands.
 *
 * @param file    the file name as given by the user
 * @param line    the 1-based line, or 0 when the problem concerns the whole file
 * @param column  the 1-based column, or 0 when unknown
 * @param message what is wrong
 */
public record ImportProblem(String file, int line, int column, String message) {

	/** {@code refs.bib:12:5: message}, {@code refs.bib:12: message} or {@code refs.bib: message}. */
	@Override
	public String toString() {
		StringBuilder b = new StringBuilder(file);
		if (line > 0) {
			b.append(':').append(line);
			if (column > 0) {
				b.append(':').append(column);
			}
		}
		return b.append(": ").append(message).toString(); //$NON-NLS-1$
	}
}
