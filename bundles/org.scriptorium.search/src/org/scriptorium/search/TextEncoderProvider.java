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
}
