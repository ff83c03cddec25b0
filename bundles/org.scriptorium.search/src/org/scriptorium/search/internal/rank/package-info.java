/** Ranking: Anserini's bag-of-words queries, citation-aware re-ranking and per-hit explanations. */
package org.scriptorium.search.internal.rank;
