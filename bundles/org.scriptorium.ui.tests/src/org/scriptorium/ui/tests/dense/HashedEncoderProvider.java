package org.scriptorium.ui.tests.dense;

import java.util.List;

import org.scriptorium.search.TextEncoder;
import org.scriptorium.search.TextEncoderProvider;
import org.scriptorium.tests.common.search.HashEncoder;

/**
 * Contributes two of the tests' deterministic {@link HashEncoder}s to {@code org.scriptorium.search.textEncoders} (see
 * this bundle's plugin.xml): hashed words and hashed character trigrams.
 */
public final class HashedEncoderProvider implements TextEncoderProvider {

	/** The id of the word model. */
	public static final String WORDS = "test-words"; //$NON-NLS-1$
	/** The id of the trigram model. */
	public static final String TRIGRAMS = "test-trigrams"; //$NON-NLS-1$

	/** The word model the workbench uses (tests hold its embedding to make it slow). */
	public static final HashEncoder WORDS_MODEL = words();

	private static final List<TextEncoder> ENCODERS = List.of(WORDS_MODEL, HashEncoder.trigrams(TRIGRAMS, 128));

	/** The word model, as contributed through the extension point. */
	public static HashEncoder words() {
		return new HashEncoder(WORDS, 256);
	}

	@Override
	public List<TextEncoder> encoders() {
		return ENCODERS;
	}
}
