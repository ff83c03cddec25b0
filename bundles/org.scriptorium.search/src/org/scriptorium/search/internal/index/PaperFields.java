package org.scriptorium.search.internal.index;

/** The index schema. Change {@link #SCHEMA_VERSION} with any change here: old indexes are then rebuilt. */
public final class PaperFields {

	/** Recorded in the commit user data. */
	public static final String SCHEMA_VERSION = "3"; //$NON-NLS-1$

	/** Exact paper id (indexed, stored, sorted doc values). */
	public static final String ID = "id"; //$NON-NLS-1$
	/** Exact external ids (indexed only): normalised arXiv id, DOI, cite key. */
	public static final String ARXIV = "arxiv", DOI = "doi", CITE_KEY = "citekey"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	/** English text fields, stored (snippets, more-like-this). */
	public static final String TITLE = "title", ABSTRACT = "abstract"; //$NON-NLS-1$ //$NON-NLS-2$
	/** Title and abstract in one field (flat BM25, as Anserini indexes BEIR). */
	public static final String CONTENTS = "contents"; //$NON-NLS-1$
	/** Author names (one value per author), venue; analysed as names. */
	public static final String AUTHOR = "author", VENUE = "venue"; //$NON-NLS-1$ //$NON-NLS-2$
	/** Stored display values. */
	public static final String AUTHORS_STORED = "authors_display"; //$NON-NLS-1$
	/** Year: points, numeric doc values, stored. */
	public static final String YEAR = "year"; //$NON-NLS-1$
	/** Facet doc values. */
	public static final String VENUE_FACET = "venue_facet", AUTHOR_FACET = "author_facet"; //$NON-NLS-1$ //$NON-NLS-2$
	/** Graph doc values: in-corpus cited-by count, and PageRank times the number of papers (1 = average). */
	public static final String CITED_BY = "citedby", PAGERANK = "pagerank"; //$NON-NLS-1$ //$NON-NLS-2$
	/** Stored content hash of the indexed fields of a paper (incremental updates). */
	public static final String HASH = "hash"; //$NON-NLS-1$
	/** "1" for reference-only papers. */
	public static final String REFERENCE_ONLY = "refonly"; //$NON-NLS-1$

	/** Commit user data keys. */
	public static final String META_SCHEMA = "scriptorium.schema", META_FINGERPRINT = "scriptorium.fingerprint", //$NON-NLS-1$ //$NON-NLS-2$
			META_CORPUS = "scriptorium.corpus", META_PAPERS = "scriptorium.papers"; //$NON-NLS-1$ //$NON-NLS-2$
	/** Commit data: the dense vector fields the index holds ({@link DenseVectors#signature()}). */
	public static final String META_VECTORS = "scriptorium.vectors"; //$NON-NLS-1$
	/** Prefix of the KNN vector field of an encoder: {@code vec.<encoder id>}. */
	public static final String VECTOR_PREFIX = "vec."; //$NON-NLS-1$

	private PaperFields() {
	}
}
