package org.scriptorium.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** This bundle's test data (under {@code resources/}) as files. */
public final class Resources {

	private Resources() {
	}

	/** Copies each file of the resource folder {@code folder} into {@code dir}; returns {@code dir}. */
	public static Path copy(String folder, Path dir, String... files) {
		for (String f : files) {
			String resource = "/resources/" + folder + "/" + f;
			try (InputStream in = Resources.class.getResourceAsStream(resource)) {
				if (in == null) {
					throw new IllegalStateException("missing test resource " + resource);
				}
				Files.createDirectories(dir);
				Files.copy(in, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return dir;
	}

	/** The tiny BEIR data set of org.scriptorium.search.tests (linked here): corpus.jsonl, queries.jsonl, qrels.tsv. */
	public static Path beirTiny(Path dir) {
		return copy("beir-tiny", dir, "corpus.jsonl", "queries.jsonl", "qrels.tsv");
	}
}
