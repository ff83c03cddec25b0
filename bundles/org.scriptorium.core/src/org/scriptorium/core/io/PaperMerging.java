package org.scriptorium.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.scriptorium.core.internal.io.FormatDetector;
import org.scriptorium.core.internal.io.TextDecoding;
import org.scriptorium.core.model.Paper;

/**
 * The {@link Importer}'s duplicate rules and format recognition for editors of a corpus (the workbench's import
 * preview, add and merge): the same rules, not a second set.
 */
public final class PaperMerging {

	private PaperMerging() {
	}

	/**
	 * {@code kept} completed with what only {@code other} knows, as the importer merges duplicates: {@code kept}'s
	 * id and fields win, the provenance of every field is kept.
	 */
	public static Paper merge(Paper kept, Paper other) {
		return Importer.mergeInto(kept, other);
	}

	/**
	 * Why the importer would take the two papers for one (same DOI, same arXiv id, same title, first author and year,
	 * or same id, each with the shared value), or empty if it would not: papers whose first authors differ are never
	 * merged, nor, on the title alone, papers whose years or entry types differ.
	 */
	public static Optional<String> duplicateReason(Paper a, Paper b) {
		Map<String, String> keysOfB = Importer.keys(b);
		return Importer.keys(a).entrySet().stream()
				.filter(k -> keysOfB.containsKey(k.getKey()) && !Importer.conflicts(a, b, k.getKey()))
				.map(Map.Entry::getValue).findFirst();
	}

	/**
	 * The format the importer recognises in this file's content, or empty if it recognises none (or the file is not
	 * text).
	 */
	public static Optional<Format> detect(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] head = in.readNBytes(1 << 16);
			TextDecoding.Guess guess = TextDecoding.guess(head, head.length, head.length < (1 << 16));
			if (guess.notText() != null) {
				return Optional.empty();
			}
			return Optional.ofNullable(FormatDetector.detect(
					new String(head, guess.bomLength(), head.length - guess.bomLength(), guess.charset())));
		}
	}
}
