package org.scriptorium.refs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The sample files of {@code resources/samples} and small helpers of the tests. */
final class Samples {

	private Samples() {
	}

	static String read(String name) {
		try (InputStream in = Samples.class.getResourceAsStream("/resources/samples/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("no sample " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The references of a text as "KIND id[version] command 'text'" lines, for readable assertions. */
	static List<String> describe(String text) {
		return References.find(text).stream().map(r -> describe(text, r)).toList();
	}

	static String describe(String text, Reference r) {
		return r.kind() + " " + r.idWithVersion() + (r.command() == null ? "" : " " + r.command()) + " '"
				+ text.substring(r.offset(), r.end()) + "'";
	}
}
