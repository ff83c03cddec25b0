package org.scriptorium.refs;

import java.util.List;
import java.util.Optional;

import org.scriptorium.refs.internal.ReferenceScanner;

/**
 * The recogniser of paper references in any text: source code comments, LaTeX, Markdown, plain text.
 * <p>
 * It recognises
 * <ul>
 * <li>arXiv ids: {@code arXiv:2401.06066}, {@code arXiv:2401.06066v2}, {@code arXiv:hep-th/9901001},
 * {@code https://arxiv.org/abs/...}, {@code https://arxiv.org/pdf/...(.pdf)}, the CoRR form {@code abs/2101.03961}
 * and bare old-style ids of a known archive ({@code hep-th/9901001}, {@code math.AG/0309136}); a bare new-style
 * number ({@code 2401.06066}) is not a reference (it may be any number);</li>
 * <li>DOIs: {@code 10.NNNN/suffix} with {@code doi:}, {@code https://doi.org/} or {@code http://dx.doi.org/} before it
 * or none, without trailing sentence punctuation or an unbalanced closing parenthesis;</li>
 * <li>cite keys of LaTeX cite commands: natbib's {@code \cite}, {@code \citep}, {@code \citet}, {@code \citealp},
 * {@code \citeauthor}, ..., BibLaTeX's {@code \parencite}, {@code \textcite}, {@code \autocite}, {@code \footcite},
 * {@code \fullcite}, {@code \nocite}, the starred forms and the multi-cite {@code \cites}, {@code \parencites}, ...,
 * with optional arguments ({@code \cite[p.~3]{key}}), several keys each a reference ({@code \cite{a,b}});</li>
 * <li>Pandoc citations: {@code [@key]}, {@code [-@key]}, {@code [see @a, p. 3; @b]}, {@code [@{key}]}.</li>
 * </ul>
 * All methods are thread-safe and do no I/O; a 10,000-line file takes a few milliseconds (see docs/PERFORMANCE.md).
 */
public final class References {

	private References() {
	}

	/** The references in a text, in text order; regions do not overlap. */
	public static List<Reference> find(CharSequence text) {
		return List.copyOf(ReferenceScanner.scan(text));
	}

	/**
	 * The reference at a caret position (inside it or just after its last character) in the text.
	 *
	 * @see #at(List, int) to ask several times about a text scanned once
	 */
	public static Optional<Reference> at(CharSequence text, int offset) {
		return at(ReferenceScanner.scan(text), offset);
	}

	/**
	 * The reference of {@code references} (as {@link #find} returns them, in text order) at {@code offset}: the one
	 * holding the character at {@code offset}, else the one ending just before it (a caret right after a reference).
	 */
	public static Optional<Reference> at(List<Reference> references, int offset) {
		int lo = 0;
		int hi = references.size();
		while (lo < hi) { // the first reference ending after offset
			int mid = (lo + hi) >>> 1;
			if (references.get(mid).end() <= offset) {
				lo = mid + 1;
			} else {
				hi = mid;
			}
		}
		if (lo < references.size() && references.get(lo).offset() <= offset) {
			return Optional.of(references.get(lo));
		}
		if (lo > 0 && references.get(lo - 1).end() == offset) {
			return Optional.of(references.get(lo - 1));
		}
		return Optional.empty();
	}

	/**
	 * Whether content assist may propose papers at {@code offset}: in the key list of a cite command that is being
	 * typed ({@code \cite{dai|}, {@code \citep[p.~3]{a, fe|}} even when the brace is not closed yet), in a Pandoc
	 * citation ({@code [@fed|}, {@code [see @a; @|}), or after {@code arXiv:}. The context tells what was typed.
	 */
	public static Optional<CompletionContext> completionAt(CharSequence text, int offset) {
		return Optional.ofNullable(ReferenceScanner.completionAt(text, offset));
	}
}
