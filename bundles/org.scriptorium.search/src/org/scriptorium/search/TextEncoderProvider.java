package org.scriptorium.search;

import java.util.List;

/**
 * Contributes {@link TextEncoder}s. On a plain class path the search command line finds providers with
 * {@link java.util.ServiceLoader}; in the workbench they are contributed to the extension point
 * {@code org.scriptorium.search.textEncoders}.
 */
public interface TextEncoderProvider {

	/** The encoders this provider offers (created lazily: loading a model happens on first use). */
	List<TextEncoder> encoders();

	/** The encoders of every provider registered for {@link java.util.ServiceLoader} on a plain class path. */
	static List<TextEncoder> onClassPath() {
		List<TextEncoder> out = new java.util.ArrayList<>();
		for (TextEncoderProvider p : java.util.ServiceLoader.load(TextEncoderProvider.class,
				TextEncoderProvider.class.getClassLoader())) {
			out.addAll(p.encoders());
		}
		return List.copyOf(out);
	}
}
