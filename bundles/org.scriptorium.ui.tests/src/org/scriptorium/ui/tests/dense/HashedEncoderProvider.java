package org.scriptorium.ui.tests.dense;

import java.util.List;

import org.scriptorium.search.TextEncoder;
import org.scriptorium.search.TextEncoderProvider;

/** Contributes the {@link HashedEncoder}s to {@code org.scriptorium.search.textEncoders} (see this bundle's plugin.xml). */
public final class HashedEncoderProvider implements TextEncoderProvider {

	private static final List<TextEncoder> ENCODERS = List.of(HashedEncoder.words(),
			new HashedEncoder(HashedEncoder.TRIGRAMS, 128, true));

	@Override
	public List<TextEncoder> encoders() {
		return ENCODERS;
	}
}
