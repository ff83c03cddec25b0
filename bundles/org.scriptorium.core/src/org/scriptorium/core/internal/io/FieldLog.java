package org.scriptorium.core.internal.io;

/**
 * Told by a writer where each part of a paper went, as it writes it: the export wizard's field list is what the
 * real writer did, not a second description of it.
 */
@FunctionalInterface
public interface FieldLog {

	/** Sources that are not a field of {@link org.scriptorium.core.model.Paper#fields()}. */
	String TITLE = "title", AUTHOR = "author", YEAR = "year", VENUE = "venue", DOI = "DOI", ARXIV = "arXiv id", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			PUBMED = "PubMed id", SEMANTIC_SCHOLAR = "Semantic Scholar id", OPENALEX = "OpenAlex id", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			CITE_KEY = "cite key", URL = "url", KEYWORDS = "keywords", ABSTRACT = "abstract", TYPE = "entry type", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
			REFERENCES = "references"; //$NON-NLS-1$

	/** A log that is not kept. */
	FieldLog NONE = (source, target, standard) -> {
	};

	/**
	 * The writer wrote {@code source} (a source above, a name role or a field name) as {@code target} (the format's
	 * field, tag or variable); {@code standard} is false when the format has no place of its own for it and the writer
	 * kept it in a convention that other programs read as a note or ignore (CSL-JSON's {@code custom}, RIS's
	 * {@code N1 - tex.name: value}).
	 */
	void wrote(String source, String target, boolean standard);
}
