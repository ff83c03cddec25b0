package org.scriptorium.cite;

/** A paper could not be formatted; the message names the paper and what is wrong with it. */
public final class CitationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public CitationException(String message, Throwable cause) {
		super(message, cause);
	}
}
