package org.scriptorium.search;

import java.io.IOException;
import java.util.List;

/**
 * An embedding model that turns text into unit-length vectors for dense retrieval. The search engine stores the
 * document vectors of each encoder it is given in the same Lucene index (a KNN vector field per encoder) and ranks
 * by their dot product with the query's vector. Implementations come from the optional dense-retrieval feature
 * ({@code org.scriptorium.dense}); the search engine works without any.
 * <p>
 * Implementations are thread-safe.
 */
public interface TextEncoder {

	/** A short stable id used in ranker names and field names, e.g. {@code bge-small}: letters, digits and '-'. */
	String id();

	/** A name for people, e.g. {@code bge-small-en-v1.5 (quantized ONNX)}. */
	String label();

	/** The length of every vector. */
	int dimension();

	/**
	 * The vector of a query (models that want an instruction before queries add it here).
	 *
	 * @throws IOException when the model fails
	 */
	float[] encodeQuery(String query) throws IOException;

	/**
	 * The vectors of documents, in order, computed in batches on all cores; reports one unit per document and stops
	 * with a {@link java.util.concurrent.CancellationException} when the monitor is canceled.
	 *
	 * @throws IOException when the model fails
	 */
	List<float[]> encodeDocuments(List<String> texts, ProgressMonitor monitor) throws IOException;
}
