package org.scriptorium.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one atomic writer: what it leaves in the directory when it succeeds, fails, or finds an earlier crash's files. */
class AtomicFileTest {

	@TempDir
	Path dir;

	private List<String> names() throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}

	@Test
	void writesUtf8TextCreatingTheFolderAndReplacesTheOldContent() throws IOException {
		Path target = dir.resolve("run").resolve("summary.json");
		AtomicFile.write(target, "{\"note\":\"Kaiserstraße – ok\"}\n"); //$NON-NLS-1$
		assertEquals("{\"note\":\"Kaiserstraße – ok\"}\n", Files.readString(target, StandardCharsets.UTF_8)); //$NON-NLS-1$
		AtomicFile.write(target, out -> out.write("second")); //$NON-NLS-1$
		assertEquals("second", Files.readString(target, StandardCharsets.UTF_8)); //$NON-NLS-1$
		try (Stream<Path> files = Files.list(target.getParent())) {
			assertEquals(List.of("summary.json"), files.map(p -> p.getFileName().toString()).toList(), //$NON-NLS-1$
					"no temporary file is left"); //$NON-NLS-1$
		}
	}

	@Test
	void aFailingWriteLeavesThePreviousFileAndNoTemporary() throws IOException {
		Path target = dir.resolve("corpus.jsonl"); //$NON-NLS-1$
		AtomicFile.write(target, "old\n"); //$NON-NLS-1$
		IOException failure = new IOException("disk full"); //$NON-NLS-1$
		IOException thrown = assertThrows(IOException.class, () -> AtomicFile.write(target, out -> {
			out.write("half of the new"); //$NON-NLS-1$
			throw failure;
		}));
		assertSame(failure, thrown);
		assertEquals("old\n", Files.readString(target, StandardCharsets.UTF_8)); //$NON-NLS-1$
		assertEquals(List.of("corpus.jsonl"), names()); //$NON-NLS-1$
	}

	@Test
	void theNextWriteRemovesTheTemporariesOfAKilledOneAndOnlyThose() throws IOException {
		Files.writeString(dir.resolve(".metrics.csv.tmp-1f2e"), "cut"); //$NON-NLS-1$ //$NON-NLS-2$
		Files.writeString(dir.resolve(".other.csv.tmp-77"), "cut"); //$NON-NLS-1$ //$NON-NLS-2$
		AtomicFile.write(dir.resolve("metrics.csv"), "metric,value\n"); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(List.of(".other.csv.tmp-77", "metrics.csv"), names()); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
