package org.scriptorium.dense.internal;

/**
 * A bundled embedding model.
 *
 * @param id          short id used in ranker and field names
 * @param label       name for people
 * @param modelClass  LangChain4j's in-process model class, whose jar holds the ONNX file and the tokenizer
 * @param dimension   vector length
 * @param queryPrefix instruction the model wants before queries (empty when none)
 * @param onnxFile    the ONNX file in the model's jar
 * @param tokenizer   the Hugging Face tokenizer.json in the model's jar
 * @param clsPooling  whether the vector is the first token's (CLS) rather than the mean of all tokens
 */
public record ModelSpec(String id, String label, String modelClass, int dimension, String queryPrefix,
		String onnxFile, String tokenizer, boolean clsPooling) {

	/** all-MiniLM-L6-v2 (sentence-transformers), int8-quantized ONNX. */
	public static final ModelSpec MINILM = new ModelSpec("minilm", "all-MiniLM-L6-v2 (quantized ONNX)", //$NON-NLS-1$ //$NON-NLS-2$
			"dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel", 384, "", //$NON-NLS-1$ //$NON-NLS-2$
			"all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json", false); //$NON-NLS-1$ //$NON-NLS-2$

	/** bge-small-en-v1.5 (BAAI), int8-quantized ONNX, with the query instruction from its model card. */
	public static final ModelSpec BGE_SMALL = new ModelSpec("bge-small", "bge-small-en-v1.5 (quantized ONNX)", //$NON-NLS-1$ //$NON-NLS-2$
			"dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel", 384, //$NON-NLS-1$
			"Represent this sentence for searching relevant passages: ", //$NON-NLS-1$
			"bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json", true); //$NON-NLS-1$ //$NON-NLS-2$
}
