/**
 * Citation-aware paper search: a Lucene index derived from a corpus, a readable query language with citation graph
 * operators, BM25 and citation-aware ranking with explanations, related papers, snippets and facets. Plain Java and
 * Lucene (no OSGi or Eclipse APIs): long operations take a {@link org.scriptorium.search.ProgressMonitor}; call
 * them from a background job, never from the UI thread.
 */
package org.scriptorium.search;
