package org.scriptorium.dense;

import java.util.List;
import java.util.Optional;

import org.scriptorium.dense.internal.BundledEncoders;
import org.scriptorium.search.TextEncoder;

/** The embedding models bundled with Scriptorium. */
public final class DenseModels {

	/** all-MiniLM-L6-v2, quantized: small and fast, 384 dimensions, mean pooling. */
	public static final String MINILM = "minilm"; //$NON-NLS-1$
	/** bge-small-en-v1.5, quantized: better on scientific text, 384 dimensions, CLS pooling, query instruction. */
	public static final String BGE_SMALL = "bge-small"; //$NON-NLS-1$

	private DenseModels() {
	}

	/** Every bundled model, the best-evaluated first. Models load on first use. */
	public static List<TextEncoder> all() {
		return BundledEncoders.shared();
	}

	/** The model with this id ({@link #MINILM}, {@link #BGE_SMALL}). */
	public static Optional<TextEncoder> get(String id) {
		return all().stream().filter(e -> e.id().equals(id)).findFirst();
	}
}
