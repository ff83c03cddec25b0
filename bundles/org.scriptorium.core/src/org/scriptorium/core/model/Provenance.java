package org.scriptorium.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a field value of a paper came from, and when it was taken.
 *
 * @param source a short description of the source, e.g. a file name with its format ("refs.bib (BibTeX)") or a
 *               repository path; never {@code null}
 * @param time   when the value was imported, or {@code null} for the built-in corpus data
 */
public record Provenance(String source, Instant time) {

	public Provenance {
		Objects.requireNonNull(source, "source"); //$NON-NLS-1$
	}

	@Override
	public String toString() {
		return time == null ? source : source + " @ " + time; //$NON-NLS-1$
	}
}
