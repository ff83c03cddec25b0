package org.scriptorium.search.internal.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.search.ProgressMonitor;
import org.scriptorium.search.tests.MemoryCorpus;
import org.scriptorium.search.tests.Messages;

/** A missing, damaged, old or stale index is detected and rebuilt or updated; nothing but Lucene's files is touched. */
class IndexRecoveryTest {

	@TempDir
	Path dir;

	private final ICorpus corpus = MemoryCorpus.ofDefault();
	private final byte[] bystander = "{\"a corpus file\": true}\n".getBytes(StandardCharsets.UTF_8);

	private IndexStore open(Messages m) throws IOException {
		return IndexStore.open(dir, corpus, true, m, ProgressMonitor.NONE);
	}

	/**
	 * Builds a good index, then puts a non-Lucene file beside it (in a folder that is not yet an index, such a file is
	 * refused: IndexFolderTest).
	 */
	private void buildGood() throws IOException {
		try (IndexStore s = open(new Messages())) {
			assertEquals(IndexStore.State.MISSING, s.openedState());
		}
		Files.write(dir.resolve("corpus.jsonl"), bystander);
	}

	private void assertHealthy(IndexStore s) throws IOException {
		assertEquals(corpus.size(), s.documentCount());
		assertArrayEquals(bystander, Files.readAllBytes(dir.resolve("corpus.jsonl")), "only Lucene files are touched");
		s.close();
		try (IndexStore again = open(new Messages())) {
			assertEquals(IndexStore.State.CURRENT, again.openedState(), "the repaired index is current");
		}
	}

	private List<Path> segmentFiles() throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(f -> f.getFileName().toString().startsWith("_"))
					.sorted(Comparator.comparingLong(IndexRecoveryTest::size).reversed()).toList();
		}
	}

	private static long size(Path p) {
		try {
			return Files.size(p);
		} catch (IOException e) {
			return 0;
		}
	}

	@Test
	void missingIndexIsBuiltWithAMessage() throws IOException {
		Messages m = new Messages();
		try (IndexStore s = open(m)) {
			assertEquals(IndexStore.State.MISSING, s.openedState());
			assertEquals(corpus.size(), s.documentCount());
			assertTrue(m.joined().contains("No search index"), m.joined());
		}
		Messages quiet = new Messages();
		try (IndexStore s = open(quiet)) {
			assertEquals(IndexStore.State.CURRENT, s.openedState());
			assertEquals(List.of(), quiet.all, "a current index opens silently");
		}
	}

	@Test
	void truncatedSegmentFilesAreRebuilt() throws IOException {
		buildGood();
		List<Path> files = segmentFiles();
		assertFalse(files.isEmpty());
		for (Path f : files) {
			try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
				raf.setLength(raf.length() / 2);
			}
		}
		Messages m = new Messages();
		try (IndexStore s = open(m)) {
			assertEquals(IndexStore.State.DAMAGED, s.openedState());
			assertTrue(m.joined().contains("damaged") && m.joined().contains("not affected"), m.joined());
			assertHealthy(s);
		}
	}

	@Test
	void flippedBytesAreFoundByTheChecksumsAndRebuilt() throws IOException {
		buildGood();
		Path largest = segmentFiles().get(0);
		try (RandomAccessFile raf = new RandomAccessFile(largest.toFile(), "rw")) {
			long at = raf.length() / 2;
			raf.seek(at);
			int b = raf.read();
			raf.seek(at);
			raf.write(b ^ 0xFF);
		}
		Messages m = new Messages();
		try (IndexStore s = open(m)) {
			assertEquals(IndexStore.State.DAMAGED, s.openedState());
			assertTrue(m.joined().contains("CorruptIndexException") || m.joined().contains("checksum"), m.joined());
			assertHealthy(s);
		}
	}

	@Test
	void aDeletedSegmentFileIsRebuilt() throws IOException {
		buildGood();
		Files.delete(segmentFiles().get(0));
		try (IndexStore s = open(new Messages())) {
			assertEquals(IndexStore.State.DAMAGED, s.openedState());
			assertHealthy(s);
		}
	}

	@Test
	void garbageSegmentsFileIsRebuilt() throws IOException {
		buildGood();
		try (Stream<Path> files = Files.list(dir)) {
			for (Path f : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
				Files.write(f, "not an index".getBytes(StandardCharsets.UTF_8));
			}
		}
		try (IndexStore s = open(new Messages())) {
			assertEquals(IndexStore.State.DAMAGED, s.openedState());
			assertHealthy(s);
		}
	}

	@Test
	void anIndexOfAnotherSchemaIsRebuilt() throws IOException {
		try (FSDirectory d = FSDirectory.open(dir);
				IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
			Document doc = new Document();
			doc.add(new StringField("something", "else", Field.Store.YES));
			w.addDocument(doc);
			w.setLiveCommitData(Map.of(PaperFields.META_SCHEMA, "0").entrySet());
			w.commit();
		}
		Messages m = new Messages();
		try (IndexStore s = open(m)) {
			assertEquals(IndexStore.State.OLD_SCHEMA, s.openedState());
			assertTrue(m.joined().contains("older format"), m.joined());
			assertEquals(corpus.size(), s.documentCount());
		}
	}

	@Test
	void anIndexOfAnotherCorpusVersionIsUpdated() throws IOException {
		MemoryCorpus full = MemoryCorpus.ofDefault();
		MemoryCorpus smaller = full.withPapers(full.papers().subList(0, 100));
		try (IndexStore s = IndexStore.open(dir, smaller, true, new Messages(), ProgressMonitor.NONE)) {
			assertEquals(100, s.documentCount());
		}
		Messages m = new Messages();
		try (IndexStore s = open(m)) {
			assertEquals(IndexStore.State.STALE, s.openedState());
			assertTrue(m.joined().contains("another version"), m.joined());
			assertEquals(corpus.size(), s.documentCount());
		}
	}

	@Test
	void aCanceledBuildLeavesNoCommitAndTheNextOpenBuilds() throws IOException {
		ProgressMonitor cancelAfterSome = new ProgressMonitor() {
			int done;

			@Override
			public void worked(int units) {
				done += units;
			}

			@Override
			public boolean isCanceled() {
				return done >= 300;
			}
		};
		assertThrows(CancellationException.class,
				() -> IndexStore.open(dir, corpus, true, new Messages(), cancelAfterSome).close());
		try (IndexStore s = open(new Messages())) {
			assertEquals(IndexStore.State.MISSING, s.openedState());
			assertEquals(corpus.size(), s.documentCount());
		}
	}
}
