package org.scriptorium.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.corpus.JsonlCorpus;
import org.scriptorium.core.model.Paper;

class ImporterTest {

	private static final List<String> CSL = List.of("bbt/date-export-360-811.csl.json", //$NON-NLS-1$
			"bbt/pandoc-latex-schomd.csl.json", //$NON-NLS-1$
			"bbt/creator-type-365-uppercase-doi-825.csl.json", "bbt/english-language-tag-3100.csl.json"); //$NON-NLS-1$ //$NON-NLS-2$

	@TempDir
	Path dir;

	@Test
	void realCslJsonExportsAreImported() throws Exception {
		List<Path> files = new ArrayList<>();
		for (String r : CSL) {
			files.add(Fixtures.copy(r, dir));
		}
		ImportException refused = assertThrows(ImportException.class, () -> Importer.importFiles(files, false));
		Importer.ImportResult result = Importer.importFiles(files, true);
		assertEquals(refused.problems(), result.problems());
		// one record of the Better BibTeX fixture really has no title: imported, marked incomplete (issue 14)
		assertEquals(
				"creator-type-365-uppercase-doi-825.csl.json:5: the record has no title; it is imported, marked incomplete", //$NON-NLS-1$
				result.problems().get(0).toString());
		assertEquals(1, result.papers().stream().filter(Paper::isIncomplete).count(), result.papers().toString());
		assertTrue(result.papers().size() >= 4, result.papers().toString());
		Paper adams = result.papers().stream().filter(p -> "Adams".equals(p.firstAuthorFamily())).findFirst()
				.orElseThrow(() -> new AssertionError(result.papers().toString()));
		assertFalse(adams.title().isBlank());
		for (Paper p : result.papers()) {
			assertTrue(p.provenance().values().stream().anyMatch(v -> v.source().startsWith("import:")), p.toString()); //$NON-NLS-1$
		}
	}

	@Test
	void theEncodingChosenForTheFilesIsNotTheCorpusFiles() throws Exception {
		Path corpus = dir.resolve("mine.jsonl"); //$NON-NLS-1$
		Paper mine = Paper.builder("title:uber", "\u00dcber M\u00fcller").build(); //$NON-NLS-1$ //$NON-NLS-2$
		JsonlCorpus.write(corpus, List.of(mine));
		Path bib = dir.resolve("latin1.bib"); //$NON-NLS-1$
		Files.write(bib,
				"@article{c,\n  title = {Caf\u00e9},\n  year = {2001}\n}\n".getBytes(StandardCharsets.ISO_8859_1)); //$NON-NLS-1$
		Importer.ImportResult r = Importer.importFiles(List.of(corpus, bib),
				new Importer.Options(true, StandardCharsets.ISO_8859_1));
		assertEquals(List.of(mine.title(), "Caf\u00e9"), r.papers().stream().map(Paper::title).toList()); //$NON-NLS-1$
		assertEquals(List.of(), r.problems());
		// the same file read as UTF-8: the first bad byte's line and column
		ImportException e = assertThrows(ImportException.class,
				() -> Importer.importFiles(List.of(corpus, bib), new Importer.Options(true, StandardCharsets.UTF_8)));
		assertEquals(1, e.problems().size(), e.problems().toString());
		assertTrue(e.problems().get(0).toString().startsWith("latin1.bib:2:15: byte 0xE9 here is not valid UTF-8"), //$NON-NLS-1$
				e.problems().toString());
	}

	@Test
	void theSameFileTwiceMergesEveryPaper() throws Exception {
		Path a = Fixtures.copy(CSL.get(1), dir);
		Path b = dir.resolve("copy.csl.json");
		Files.copy(a, b);
		Importer.ImportResult once = Importer.importFiles(List.of(a), false);
		Importer.ImportResult twice = Importer.importFiles(List.of(a, b), false);
		assertEquals(once.papers().size(), twice.papers().size());
		assertEquals(once.papers().size(), twice.merged().size());
		assertEquals("copy.csl.json", twice.merged().get(0).file());
	}

	@Test
	void duplicatesByDoiArxivAndTitleAreMergedKeepingProvenance() throws Exception {
		Path f = dir.resolve("dups.json");
		Files.writeString(f,
				"""
						[
						{"type":"article-journal","id":"a","title":"Sparse Experts","DOI":"10.1/XYZ","issued":{"date-parts":[[2021]]},"author":[{"family":"Fedus","given":"W"}]},
						{"type":"article-journal","id":"b","title":"Sparse experts (preprint)","DOI":"10.1/xyz","container-title":"JMLR"},
						{"type":"article-journal","id":"c","title":"Sparse  EXPERTS","issued":{"date-parts":[[2021]]},"author":[{"family":"Fedus","given":"William"}],"abstract":"Routing."},
						{"type":"article-journal","id":"d","title":"Other","issued":{"date-parts":[[2021]]},"author":[{"family":"Fedus"}]}
						]
						""");
		Importer.ImportResult r = Importer.importFiles(List.of(f), false);
		assertEquals(2, r.papers().size(), r.papers().toString());
		assertEquals(2, r.merged().size());
		assertEquals("same DOI", r.merged().get(0).reason());
		assertEquals("same title, year and first author", r.merged().get(1).reason());
		Paper kept = r.papers().get(0);
		assertEquals("Sparse Experts", kept.title());
		assertEquals("JMLR", kept.venue().orElseThrow());
		assertEquals("Routing.", kept.abstractText().orElseThrow());
		assertTrue(kept.provenance().containsKey(Paper.VENUE));
	}

	@Test
	void allOrNothingUnlessSkipInvalid() throws Exception {
		Path f = dir.resolve("mixed.json");
		// (a record without a title is no longer invalid: it is imported, marked incomplete)
		Files.writeString(f, "[\n{\"type\":\"book\",\"title\":\"Good\"},\n\"not a record\"\n]\n");
		ImportException e = assertThrows(ImportException.class, () -> Importer.importFiles(List.of(f), false));
		assertEquals("mixed.json", e.problems().get(0).file());
		assertEquals(3, e.problems().get(0).line(), e.problems().toString());
		Importer.ImportResult r = Importer.importFiles(List.of(f), true);
		assertEquals(1, r.papers().size());
		assertEquals(1, r.problems().size());
	}

	@Test
	void unknownFormatsAndMissingFilesAreRefusedWithASentence() throws Exception {
		Path txt = dir.resolve("notes.txt");
		Files.writeString(txt, "just some notes\n");
		ImportException e = assertThrows(ImportException.class, () -> Importer.importFiles(List.of(txt), true));
		assertTrue(e.getMessage().startsWith("notes.txt: the format of this file is not recognised"), e.getMessage());
		e = assertThrows(ImportException.class, () -> Importer.importFiles(List.of(dir.resolve("nope.bib")), true));
		assertEquals("nope.bib: the file does not exist", e.getMessage());
	}

	@Test
	void aCorpusFileIsImported() throws Exception {
		Path f = dir.resolve("c.jsonl");
		List<Paper> papers = DefaultCorpus.get().papers().subList(0, 5);
		JsonlCorpus.write(f, papers);
		assertEquals(papers, Importer.importFiles(List.of(f), false).papers());
	}

	@Test
	void semanticScholarSamplesAreReadOrRefusedCleanly() throws Exception {
		for (String r : List.of("semanticscholar/Citation.json", "semanticscholar/Reference.json", //$NON-NLS-1$ //$NON-NLS-2$
				"semanticscholar/PaperWithNullValues.json")) { //$NON-NLS-1$
			Path f = Fixtures.copy(r, dir);
			try {
				Importer.importFiles(List.of(f), true);
			} catch (ImportException e) {
				assertFalse(e.getMessage().contains("internal error"), e.getMessage()); //$NON-NLS-1$
			}
		}
	}

	/** Thousands of seeded mutations of real files: only ImportException, never another exception. */
	@Test
	void mutatedInputsOnlyEverRaiseImportException() throws Exception {
		Random random = new Random(42);
		List<byte[]> seeds = new ArrayList<>();
		for (String r : CSL) {
			seeds.add(Fixtures.bytes(r));
		}
		seeds.add(Fixtures.bytes("semanticscholar/Reference.json")); //$NON-NLS-1$
		StringBuilder jsonl = new StringBuilder();
		JsonlCorpus.writeTo(new java.io.StringWriter() {
			@Override
			public void write(String s, int off, int len) {
				jsonl.append(s, off, off + len);
			}

			@Override
			public void write(int c) {
				jsonl.append((char) c);
			}
		}, DefaultCorpus.get().papers().subList(0, 8));
		seeds.add(jsonl.toString().getBytes(StandardCharsets.UTF_8));
		Path f = dir.resolve("m.json");
		int refused = 0;
		for (int i = 0; i < 2000; i++) {
			byte[] in = mutate(seeds.get(random.nextInt(seeds.size())), random);
			Files.write(f, in);
			try {
				Importer.importFiles(List.of(f), random.nextBoolean());
			} catch (ImportException e) {
				refused++;
				assertFalse(e.problems().isEmpty());
				assertFalse(e.getMessage().contains("internal error"), //$NON-NLS-1$
						() -> e.getMessage() + "\n" + new String(in, StandardCharsets.UTF_8)); //$NON-NLS-1$
				assertTrue(e.problems().stream().allMatch(p -> p.file().equals("m.json") && !p.message().isBlank())); //$NON-NLS-1$
			}
		}
		assertTrue(refused > 0);
	}

	private static byte[] mutate(byte[] seed, Random random) {
		byte[] b = seed.clone();
		int n = 1 + random.nextInt(4);
		for (int k = 0; k < n && b.length > 0; k++) {
			int pos = random.nextInt(b.length);
			switch (random.nextInt(4)) {
				case 0 -> b[pos] = (byte) random.nextInt(256);
				case 1 -> b = java.util.Arrays.copyOf(b, pos); // truncate
				case 2 -> b[pos] = (byte) "{}[],:\"\\ 0\n".charAt(random.nextInt(11));
				default -> {
					byte[] c = new byte[b.length - 1];
					System.arraycopy(b, 0, c, 0, pos);
					System.arraycopy(b, pos + 1, c, pos, b.length - pos - 1);
					b = c;
				}
			}
		}
		return b;
	}
}
