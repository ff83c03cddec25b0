package org.scriptorium.core.io;

/**
 * A bad record or a bad file, in words a researcher understands.
 *
 * @param file    the file name as given by the user
 * @param line    the 1-based line, or 0 when the problem concerns the whole file
 * @param column  the 1-based column, or 0 when unknown
 * @param message what is wrong
 * @param warning whether the record it concerns is imported anyway (an entry without a title imported as incomplete,
 *                an undefined {@code @string} kept by name, a renamed cite key, a byte not valid in the encoding); false
 *                when the record or file is skipped. A strict import refuses on either.
 */
public record ImportProblem(String file, int line, int column, String message, boolean warning) {

	/** A problem that skips its record or file. */
	public ImportProblem(String file, int line, int column, String message) {
		this(file, line, column, message, false);
	}

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
