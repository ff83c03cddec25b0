/**
 * Routing among retrieval experts on BEIR-format data, run as the sandbox task {@code retrieval-routing} (issue 8;
 * RouterRetriever, Lee et al., arXiv 2409.02685, routing-spec section 1.6): the experts' rankings are computed once
 * (BM25 through the search engine, each dense model by exact dot products with cached document vectors), then
 * routers choose an expert per query and are scored by nDCG@10 and R@100 on queries they were not trained on.
 */
package org.scriptorium.dense.internal.routing;
