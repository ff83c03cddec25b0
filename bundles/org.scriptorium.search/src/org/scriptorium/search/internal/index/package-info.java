/** The on-disk Lucene index of a corpus: schema, documents, fingerprints, recovery and incremental updates. */
package org.scriptorium.search.internal.index;
