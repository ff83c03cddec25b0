package org.scriptorium.search.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Copies test resources (which may live inside a bundle) to real files. */
public final class Fixtures {

	private Fixtures() {
	}

	/** Copies {@code /resources/beir-tiny/corpus.jsonl}, {@code queries.jsonl} and {@code qrels.tsv} into {@code dir}. */
	public static Path beirTiny(Path dir) {
		for (String f : new String[]{"corpus.jsonl", "queries.jsonl", "qrels.tsv"}) {
			copy("/resources/beir-tiny/" + f, dir.resolve(f));
		}
		return dir;
	}

	public static void copy(String resource, Path target) {
		try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing test resource " + resource);
			}
			Files.createDirectories(target.getParent());
			Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
