package org.scriptorium.refs;

/**
 * The problem markers of the reference checks: one warning per reference of a workspace file that resolves to no
 * paper of the active corpus, on save or build (Problems view, editor rulers). Besides the standard attributes
 * ({@code message}, {@code severity}, {@code lineNumber}, {@code charStart}, {@code charEnd}) each carries what a quick
 * fix needs: {@link #KIND}, {@link #ID} and {@link #RESOLUTION}.
 */
public final class ReferenceMarkers {

	/** The marker type: a subtype of {@code org.eclipse.core.resources.problemmarker} and {@code textmarker}. */
	public static final String TYPE = "org.scriptorium.refs.unresolvedReference"; //$NON-NLS-1$

	/** The {@link ReferenceKind} name: {@code ARXIV}, {@code DOI} or {@code CITE_KEY}. */
	public static final String KIND = "kind"; //$NON-NLS-1$
	/** The normalised id ({@link Reference#id()}). */
	public static final String ID = "id"; //$NON-NLS-1$
	/** The arXiv version as written ({@code v2}), absent otherwise. */
	public static final String VERSION = "version"; //$NON-NLS-1$
	/** Where else the paper is known: one of {@link #UNKNOWN}, {@link #IN_DEFAULT_CORPUS}, {@link #REFERENCE_ONLY}. */
	public static final String RESOLUTION = "resolution"; //$NON-NLS-1$
	/** The id of the default corpus' paper when {@link #RESOLUTION} is not {@link #UNKNOWN}. */
	public static final String DEFAULT_CORPUS_PAPER = "defaultCorpusPaper"; //$NON-NLS-1$

	/** No paper of the active corpus or the default corpus (quick fixes: import it from a file, ignore it). */
	public static final String UNKNOWN = "unknown"; //$NON-NLS-1$
	/** Not in the active corpus, but a paper of the default corpus with its metadata (quick fix: add it). */
	public static final String IN_DEFAULT_CORPUS = "default-corpus"; //$NON-NLS-1$
	/** Not in the active corpus; the default corpus knows it from a reference list only (quick fix: add it). */
	public static final String REFERENCE_ONLY = "reference-only"; //$NON-NLS-1$

	private ReferenceMarkers() {
	}
}
