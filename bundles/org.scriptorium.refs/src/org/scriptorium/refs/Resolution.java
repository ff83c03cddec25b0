package org.scriptorium.refs;

import java.util.Optional;

import org.scriptorium.core.model.Paper;

/**
 * What a {@link Reference} names in a corpus.
 *
 * @param status whether it names a paper, one known only from a reference list, or nothing
 * @param paper  the paper it names, or {@code null} when {@link Status#UNKNOWN}
 */
public record Resolution(Status status, Paper paper) {

	/** Whether and how a reference resolves. */
	public enum Status {
		/** A paper of the corpus (with its metadata). */
		RESOLVED,
		/**
		 * A paper the corpus knows only from another paper's reference list ({@link Paper#isReferenceOnly()}, as the
		 * default corpus' referenced works).
		 */
		REFERENCE_ONLY,
		/** No paper of the corpus. */
		UNKNOWN
	}

	public static final Resolution UNKNOWN = new Resolution(Status.UNKNOWN, null);

	/** The paper, unless {@link Status#UNKNOWN}. */
	public Optional<Paper> optionalPaper() {
		return Optional.ofNullable(paper);
	}

	/** Whether the reference names some paper of the corpus (full or reference-only). */
	public boolean isKnown() {
		return status != Status.UNKNOWN;
	}
}
