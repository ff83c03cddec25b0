package org.scriptorium.core.io;

/** The bibliographic formats Scriptorium reads; the first four are also written (see {@link Exporter#supportedFormats()}). */
public enum Format {
	/** Scriptorium's own corpus file: JSON Lines with a header line (see docs/corpus-format.md). */
	JSONL("Scriptorium JSON Lines", "jsonl"), //$NON-NLS-1$ //$NON-NLS-2$
	BIBTEX("BibTeX/BibLaTeX", "bib"), //$NON-NLS-1$ //$NON-NLS-2$
	CSL_JSON("CSL-JSON", "json"), //$NON-NLS-1$ //$NON-NLS-2$
	RIS("RIS", "ris"), //$NON-NLS-1$ //$NON-NLS-2$
	ARXIV_ATOM("arXiv API Atom feed", "xml"), //$NON-NLS-1$ //$NON-NLS-2$
	ARXIV_OAI("arXiv OAI-PMH response", "xml"), //$NON-NLS-1$ //$NON-NLS-2$
	ARXIV_SNAPSHOT("arXiv metadata snapshot", "json"), //$NON-NLS-1$ //$NON-NLS-2$
	SEMANTIC_SCHOLAR("Semantic Scholar Graph API JSON", "json"), //$NON-NLS-1$ //$NON-NLS-2$
	OPENALEX("OpenAlex works JSON", "json"), //$NON-NLS-1$ //$NON-NLS-2$
	HF_LISTING("Hugging Face papers listing", "txt"); //$NON-NLS-1$ //$NON-NLS-2$

	private final String displayName;
	private final String extension;

	Format(String displayName, String extension) {
		this.displayName = displayName;
		this.extension = extension;
	}

	public String displayName() {
		return displayName;
	}

	/** The usual file name extension, without the dot. */
	public String extension() {
		return extension;
	}
}
