package org.scriptorium.refs;

/**
 * Where content assist may propose papers: inside a cite command's key list that is being typed
 * ({@code \cite{dai|}, {@code \citep[p.~3]{a, fe|}}), in a Pandoc citation ({@code [@fed|}, {@code [see @a; @|}),
 * or after {@code arXiv:} ({@code arXiv:2401.0|}).
 *
 * @param kind         {@link ReferenceKind#CITE_KEY} or {@link ReferenceKind#ARXIV}
 * @param command      the cite command ({@code \cite}, ...), {@link Reference#PANDOC} for Pandoc, or {@code arXiv:}
 * @param prefixOffset where the typed prefix starts: a proposal replaces {@code [prefixOffset, offset)}
 * @param prefix       what was typed of the key or id so far (may be empty)
 */
public record CompletionContext(ReferenceKind kind, String command, int prefixOffset, String prefix) {

	/** The arXiv "command" of {@link #command()}. */
	public static final String ARXIV_PREFIX = "arXiv:"; //$NON-NLS-1$
}
