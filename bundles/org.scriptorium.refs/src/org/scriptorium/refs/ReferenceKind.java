package org.scriptorium.refs;

/** What a {@link Reference} names a paper by. */
public enum ReferenceKind {
	/** An arXiv identifier, new style ({@code 2401.06066}) or old style ({@code hep-th/9901001}). */
	ARXIV,
	/** A DOI ({@code 10.18653/v1/2022.acl-long.489}). */
	DOI,
	/** A cite key in a LaTeX cite command ({@code \cite{key}}) or a Pandoc citation ({@code [@key]}). */
	CITE_KEY
}
