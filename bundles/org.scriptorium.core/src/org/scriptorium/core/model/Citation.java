package org.scriptorium.core.model;

import java.util.Objects;

/**
 * A directed edge of the citation graph: {@code citing} lists {@code cited}. Both are {@link Paper#id() paper ids}
 * of the same corpus.
 *
 * @param citing the id of the paper whose list holds the edge
 * @param cited  the id of the listed paper
 * @param kind   what the list is: the paper's own bibliography, or a survey's companion paper list
 */
public record Citation(String citing, String cited, Kind kind) {

	/** What kind of list an edge comes from. */
	public enum Kind {
		/** Parsed from the citing paper's own bibliography: "cites". */
		REFERENCE_LIST,
		/** Listed by a survey's companion repository: "lists", not necessarily cited in its PDF. */
		SURVEY_LIST
	}

	public Citation {
		Objects.requireNonNull(citing, "citing"); //$NON-NLS-1$
		Objects.requireNonNull(cited, "cited"); //$NON-NLS-1$
		Objects.requireNonNull(kind, "kind"); //$NON-NLS-1$
	}
}
