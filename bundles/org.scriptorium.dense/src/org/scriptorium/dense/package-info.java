/**
 * Dense retrieval on the CPU: the embedding models bundled with Scriptorium (LangChain4j's in-process ONNX models,
 * run by ONNX Runtime), offered to the search engine as {@link org.scriptorium.search.TextEncoder}s.
 */
package org.scriptorium.dense;
