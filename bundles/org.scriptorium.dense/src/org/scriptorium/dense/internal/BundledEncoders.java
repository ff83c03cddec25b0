package org.scriptorium.dense.internal;

import java.util.List;

import org.scriptorium.search.TextEncoder;
import org.scriptorium.search.TextEncoderProvider;

/** The bundled models as a {@link TextEncoderProvider} (service loader and extension point); one instance each. */
public final class BundledEncoders implements TextEncoderProvider {

	private static final List<TextEncoder> SHARED = List.of(new OnnxEncoder(ModelSpec.BGE_SMALL),
			new OnnxEncoder(ModelSpec.MINILM));

	/** The shared encoders (a model is loaded once per JVM). */
	public static List<TextEncoder> shared() {
		return SHARED;
	}

	@Override
	public List<TextEncoder> encoders() {
		return SHARED;
	}
}
