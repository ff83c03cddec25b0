package org.scriptorium.refs;

import java.util.Objects;

/**
 * One paper reference found in a text.
 *
 * @param kind    what the reference names the paper by
 * @param offset  where the reference starts in the text (a char index). For arXiv ids and DOIs the region covers
 *                the whole written form, prefix or URL included ({@code arXiv:2401.06066v2},
 *                {@code https://doi.org/10.1/x}); for a cite key it covers the key only (each key of
 *                {@code \cite{a,b}} is a reference of its own)
 * @param length  the length of that region
 * @param id      the normalised identifier: an arXiv id without its version ({@code 2401.06066},
 *                {@code hep-th/9901001}), a DOI in lower case without resolver prefix ({@code 10.1145/362686.362692}),
 *                or a cite key as written
 * @param version the arXiv version as written ({@code v2}), else {@code null}
 * @param command for a cite key the command that cites it, as written without its arguments: {@code \cite},
 *                {@code \citep}, {@code \parencite*}, {@code \cites}, ..., or {@code @} for a Pandoc citation
 *                ({@code [@key]}, {@code [see @key, p. 3]}); {@code null} for arXiv ids and DOIs
 */
public record Reference(ReferenceKind kind, int offset, int length, String id, String version, String command) {

	/** The command of a Pandoc citation. */
	public static final String PANDOC = "@"; //$NON-NLS-1$

	public Reference {
		Objects.requireNonNull(kind, "kind"); //$NON-NLS-1$
		Objects.requireNonNull(id, "id"); //$NON-NLS-1$
		if (offset < 0 || length <= 0) {
			throw new IllegalArgumentException("bad region " + offset + "+" + length); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	/** The index just after the reference. */
	public int end() {
		return offset + length;
	}

	/** Whether the character at {@code position} belongs to the reference. */
	public boolean contains(int position) {
		return position >= offset && position < end();
	}

	/** The arXiv id with its version when it has one ({@code 2401.06066v2}); else {@link #id()}. */
	public String idWithVersion() {
		return version == null ? id : id + version;
	}

	/** Whether this is a Pandoc citation ({@code [@key]}). */
	public boolean isPandoc() {
		return PANDOC.equals(command);
	}
}
