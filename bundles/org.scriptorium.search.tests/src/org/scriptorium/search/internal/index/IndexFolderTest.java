package org.scriptorium.search.internal.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.search.ProgressMonitor;

/**
 * The index folder (issue 15): created private, marked, and refused (never followed, written or emptied) when it is
 * a symbolic link, a file, or holds files that are not an index's; an index of an earlier version is kept.
 */
class IndexFolderTest {

	@TempDir
	Path tmp;

	private IndexStore open(Path dir) throws IOException {
		return IndexStore.open(dir, DefaultCorpus.get(), false, m -> {
		}, ProgressMonitor.NONE);
	}

	private static String perms(Path p) throws IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
	}

	@Test
	void aNewIndexIsPrivateAndMarked() throws IOException {
		Path dir = tmp.resolve("a/index");
		try (IndexStore s = open(dir)) {
			assertEquals(IndexStore.State.MISSING, s.openedState());
		}
		assertEquals("rwx------", perms(dir));
		assertTrue(Files.isRegularFile(dir.resolve(IndexFolder.MARKER)));
		try (Stream<Path> files = Files.list(dir)) {
			for (Path f : files.toList()) {
				assertEquals("rw-------", perms(f), f.toString());
			}
		}
		// opened again: the index is its own
		try (IndexStore s = open(dir)) {
			assertEquals(IndexStore.State.CURRENT, s.openedState());
		}
	}

	@Test
	void anIndexOfAnEarlierVersionWithoutMarkerIsKept() throws IOException {
		Path dir = tmp.resolve("index");
		try (IndexStore s = open(dir)) {
			// built
		}
		Files.delete(dir.resolve(IndexFolder.MARKER));
		try (IndexStore s = open(dir)) {
			assertEquals(IndexStore.State.CURRENT, s.openedState());
		}
		assertTrue(Files.isRegularFile(dir.resolve(IndexFolder.MARKER)));
	}

	@Test
	void linksFilesAndForeignFoldersAreRefusedUntouched() throws IOException {
		Path victim = Files.createDirectories(tmp.resolve("victim"));
		Files.writeString(victim.resolve("_0.cfs"), "theirs");
		Files.writeString(victim.resolve("segments_2"), "theirs");
		Path link = Files.createSymbolicLink(tmp.resolve("link"), victim);
		IOException e = assertThrows(IndexFolder.UnusableException.class, () -> open(link));
		assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());

		Path withLink = Files.createDirectories(tmp.resolve("withlink"));
		Files.createSymbolicLink(withLink.resolve("segments_1"), victim.resolve("segments_2"));
		e = assertThrows(IndexFolder.UnusableException.class, () -> open(withLink));
		assertTrue(e.getMessage().contains("segments_1"), e.getMessage());

		Path foreign = Files.createDirectories(tmp.resolve("foreign"));
		Files.writeString(foreign.resolve("_1.cfs"), "theirs");
		Files.writeString(foreign.resolve("thesis.tex"), "theirs");
		e = assertThrows(IndexFolder.UnusableException.class, () -> open(foreign));
		assertTrue(e.getMessage().contains("thesis.tex"), e.getMessage());

		Path file = Files.writeString(tmp.resolve("file"), "theirs");
		e = assertThrows(IndexFolder.UnusableException.class, () -> open(file));
		assertTrue(e.getMessage().contains("not a folder"), e.getMessage());

		try (Stream<Path> s = Files.list(victim)) {
			assertEquals(List.of("_0.cfs", "segments_2"), s.map(p -> p.getFileName().toString()).sorted().toList());
		}
		assertEquals("theirs", Files.readString(victim.resolve("_0.cfs")));
		assertEquals("theirs", Files.readString(foreign.resolve("_1.cfs")));
		assertEquals("theirs", Files.readString(file));
	}
}
