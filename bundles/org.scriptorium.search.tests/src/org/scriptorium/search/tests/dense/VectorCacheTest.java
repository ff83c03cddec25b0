package org.scriptorium.search.tests.dense;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.search.ProgressMonitor;
import org.scriptorium.search.VectorCache;
import org.scriptorium.tests.common.search.HashEncoder;

/** The on-disk vector cache: no text is embedded twice, interrupted and foreign files lose nothing else. */
class VectorCacheTest {

	@TempDir
	Path dir;

	@Test
	void embedsOnlyTextsNotSeenBeforeAcrossReopens() throws IOException {
		HashEncoder enc = new HashEncoder("toy", 8);
		List<String> warnings = new ArrayList<>();
		try (VectorCache c = VectorCache.open(dir, "toy", 8, warnings::add)) {
			var r = c.encode(enc, List.of("a", "b", "a", "c"), ProgressMonitor.NONE);
			assertEquals(3, r.embedded());
			assertArrayEquals(enc.vector("a"), r.vectors().get(2));
		}
		assertEquals(3, enc.embeddedCount());
		try (VectorCache c = VectorCache.open(dir, "toy", 8, warnings::add)) {
			assertEquals(3, c.size());
			var r = c.encode(enc, List.of("c", "d", "b"), ProgressMonitor.NONE);
			assertEquals(1, r.embedded());
			assertArrayEquals(enc.vector("b"), r.vectors().get(2));
			assertArrayEquals(enc.vector("c"), c.get("c").orElseThrow());
		}
		assertEquals(List.of("a", "b", "c", "d"), enc.embedded());
		assertTrue(warnings.isEmpty(), warnings.toString());
	}

	@Test
	void aPartialLastRecordCostsOnlyThatVector() throws IOException {
		HashEncoder enc = new HashEncoder("toy", 8);
		Path file;
		try (VectorCache c = VectorCache.open(dir, "toy", 8, s -> {
		})) {
			c.encode(enc, List.of("a", "b", "c"), ProgressMonitor.NONE);
			file = c.file();
		}
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
			ch.truncate(ch.size() - 5); // a writer killed in the middle of the last record
		}
		List<String> warnings = new ArrayList<>();
		try (VectorCache c = VectorCache.open(dir, "toy", 8, warnings::add)) {
			assertEquals(2, c.size());
			assertEquals(1, warnings.size());
			assertTrue(warnings.get(0).contains("partial record"), warnings.get(0));
			assertEquals(1, c.encode(enc, List.of("a", "b", "c"), ProgressMonitor.NONE).embedded());
		}
		try (VectorCache c = VectorCache.open(dir, "toy", 8, warnings::add)) {
			assertEquals(3, c.size(), "the re-embedded vector was appended after the truncated tail");
		}
	}

	@Test
	void aFileOfAnotherModelOrDimensionIsMovedAsideNotMixedIn() throws IOException {
		Files.writeString(dir.resolve("toy.vectors"), "not a vector cache\n");
		List<String> warnings = new ArrayList<>();
		try (VectorCache c = VectorCache.open(dir, "toy", 8, warnings::add)) {
			assertEquals(0, c.size());
		}
		assertEquals("not a vector cache\n", Files.readString(dir.resolve("toy.vectors.unreadable")));
		assertTrue(warnings.get(0).contains("moved to"), warnings.get(0));
		try (VectorCache c = VectorCache.open(dir, "toy", 8, s -> {
		})) {
			c.put("x", new float[8]);
		}
		try (VectorCache c = VectorCache.open(dir, "toy", 16, warnings::add)) {
			assertEquals(0, c.size(), "dimension 16 does not read dimension 8 records");
		}
		assertThrows(IllegalArgumentException.class,
				() -> VectorCache.open(dir, "other", 8, s -> {
				}).encode(new HashEncoder("toy", 8), List.of("a"), ProgressMonitor.NONE));
	}

	@Test
	void cancelingKeepsTheStepsAlreadyEmbedded() throws IOException {
		HashEncoder enc = new HashEncoder("toy", 4);
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < VectorCache.STEP * 3; i++) {
			texts.add("text " + i);
		}
		try (VectorCache c = VectorCache.open(dir, "toy", 4, s -> {
		})) {
			assertThrows(CancellationException.class, () -> c.encode(enc, texts, new ProgressMonitor() {
				@Override
				public boolean isCanceled() {
					return enc.embeddedCount() >= VectorCache.STEP;
				}
			}));
		}
		try (VectorCache c = VectorCache.open(dir, "toy", 4, s -> {
		})) {
			assertEquals(VectorCache.STEP, c.size());
			assertEquals(VectorCache.STEP * 2, c.encode(enc, texts, ProgressMonitor.NONE).embedded());
		}
	}

	@Test
	void aSecondOpenOfTheSameFileReadsButNeverWrites() throws IOException {
		HashEncoder enc = new HashEncoder("toy", 4);
		List<String> warnings = new ArrayList<>();
		try (VectorCache writer = VectorCache.open(dir, "toy", 4, warnings::add)) {
			writer.encode(enc, List.of("a", "b"), ProgressMonitor.NONE);
			long size = Files.size(writer.file());
			try (VectorCache reader = VectorCache.open(dir, "toy", 4, warnings::add)) {
				assertEquals(2, reader.size());
				assertTrue(warnings.get(0).contains("in use"), warnings.toString());
				assertEquals(1, reader.encode(enc, List.of("a", "c"), ProgressMonitor.NONE).embedded());
				assertTrue(reader.get("c").isPresent(), "kept in memory");
			}
			assertEquals(size, Files.size(writer.file()), "the reader appended nothing");
			writer.encode(enc, List.of("d"), ProgressMonitor.NONE);
		}
		try (VectorCache c = VectorCache.open(dir, "toy", 4, warnings::add)) {
			assertEquals(3, c.size());
		}
	}

	@Test
	void documentTextJoinsTitleAndAbstract() {
		assertEquals("T A", VectorCache.documentText(" T ", "A"));
		assertEquals("T", VectorCache.documentText("T", null));
		assertEquals("A", VectorCache.documentText(null, "A"));
	}
}
