package org.scriptorium.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.corpus.JsonlCorpus;
import org.scriptorium.core.model.Paper;

/**
 * Fuzz and property tests of every importer, seeded and reproducible. For each format: thousands of mutations of its
 * real fixtures and of generated files ({@link Mutations}), where the only failure allowed is the documented
 * {@link ImportException} naming the file (never another exception, never an "internal error"), and the
 * all-or-nothing mode either returns everything with no problem or nothing; then generated valid files
 * ({@link RecordGenerator}) whose every field must come back, with one bad record that must refuse the whole
 * import (and only that record in skip mode), and a repeated record that must be merged, not lost.
 * <p>
 * {@code -Dscriptorium.fuzz.seed=N} replays another run; {@code -Dscriptorium.fuzz.mutations=N} and
 * {@code -Dscriptorium.fuzz.properties=N} change the number of inputs per importer. A failure names the seed of the
 * input and the mutations applied.
 */
class ImporterFuzzTest {

	private static final long SEED = Long.getLong("scriptorium.fuzz.seed", 20261128L); //$NON-NLS-1$
	private static final int MUTATIONS = Integer.getInteger("scriptorium.fuzz.mutations", 1200); //$NON-NLS-1$
	private static final int PROPERTIES = Integer.getInteger("scriptorium.fuzz.properties", 150); //$NON-NLS-1$

	/** The real fixtures (test resources) each importer's fuzzing starts from; generated files are added to them. */
	private static final Map<Format, List<String>> FIXTURES = new LinkedHashMap<>();
	static {
		FIXTURES.put(Format.CSL_JSON, List.of("bbt/date-export-360-811.csl.json", "bbt/pandoc-latex-schomd.csl.json", //$NON-NLS-1$ //$NON-NLS-2$
				"bbt/creator-type-365-uppercase-doi-825.csl.json", "bbt/english-language-tag-3100.csl.json")); //$NON-NLS-1$ //$NON-NLS-2$
		FIXTURES.put(Format.SEMANTIC_SCHOLAR, List.of("semanticscholar/Citation.json", "semanticscholar/Reference.json", //$NON-NLS-1$ //$NON-NLS-2$
				"semanticscholar/PaperWithNullValues.json")); //$NON-NLS-1$
		FIXTURES.put(Format.OPENALEX, List.of()); // no real OpenAlex file is in the fixture suite: generated ones only
		FIXTURES.put(Format.ARXIV_SNAPSHOT, List.of("arxiv-snapshot/arxiv-metadata-oai-snapshot.sample.json")); //$NON-NLS-1$
		FIXTURES.put(Format.JSONL, List.of()); // written from the default corpus below
		FIXTURES.put(Format.ARXIV_ATOM, List.of("arxiv/atom/arxiv_api_atom_2019_all-science.xml", //$NON-NLS-1$
				"arxiv/atom/arxiv_api_atom_2025_all-electron.xml")); //$NON-NLS-1$
		FIXTURES.put(Format.ARXIV_OAI,
				List.of("arxiv/oai-pmh/ListRecordsResponse.xml", "arxiv/oai-pmh/GetRecordResponse.xml", //$NON-NLS-1$ //$NON-NLS-2$
						"arxiv/oai-pmh/ErrorResponseBadArgument.xml", "arxiv/oai-pmh/ErrorResponseNoRecordsMatch.xml")); //$NON-NLS-1$ //$NON-NLS-2$
		FIXTURES.put(Format.HF_LISTING, List.of("hf/seed-listing.txt")); //$NON-NLS-1$
		FIXTURES.put(Format.BIBTEX,
				List.of("bbt/import-bib/ring-above-1115.bib", "bbt/import-bib/crossref-date-3514.bib", //$NON-NLS-1$ //$NON-NLS-2$
						"bbt/import-bib/overline-1467.bib", "bbt/import-bib/undefined-macro-472.bib", //$NON-NLS-1$//$NON-NLS-2$
						"jabref/bib/crossref.bib", //$NON-NLS-1$
						"jabref/bib/bibWithUserComments.bib")); //$NON-NLS-1$
		FIXTURES.put(Format.RIS, List.of("jabref/ris/RisImporterTest3.ris", "jabref/ris/RisImporterTestScopus.ris", //$NON-NLS-1$ //$NON-NLS-2$
				"jabref/ris/RisImporterTest9.ris", "jabref/ris/RisImporterTestWithEmptyER.ris")); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@TempDir
	Path dir;

	@Test
	void everyImporterIsFuzzed() {
		assertEquals(Set.copyOf(Importer.supportedFormats()), FIXTURES.keySet(),
				"a format Importer reads has no fuzzing seeds here (add its fixtures and a RecordGenerator writer)"); //$NON-NLS-1$
	}

	@TestFactory
	Stream<DynamicTest> mutatedInputsOnlyEverRaiseTheDocumentedImportException() {
		return FIXTURES.keySet().stream().map(f -> dynamicTest(f.displayName(), () -> fuzz(f)));
	}

	@TestFactory
	Stream<DynamicTest> generatedRecordsKeepEveryFieldAndBadOnesRefuseTheImport() {
		return FIXTURES.keySet().stream().map(f -> dynamicTest(f.displayName(), () -> properties(f)));
	}

	// ------------------------------------------------------------------ mutations

	private List<byte[]> seeds(Format format) throws IOException {
		List<byte[]> seeds = new ArrayList<>();
		for (String r : FIXTURES.get(format)) {
			byte[] b = Fixtures.bytes(r);
			if (format == Format.HF_LISTING) {
				// the whole listing (131 KB) and its first ten papers, which keeps mutations cheap
				seeds.add(b);
				String head = String.join("\n", new String(b, StandardCharsets.UTF_8).lines().limit(9 + 40).toList()); //$NON-NLS-1$
				seeds.add(head.getBytes(StandardCharsets.UTF_8));
			} else {
				seeds.add(b);
			}
		}
		if (format == Format.JSONL) {
			StringWriter w = new StringWriter();
			// seed papers and reference-only ones (references, provenance, survey-list kinds)
			List<Paper> all = DefaultCorpus.get().papers();
			JsonlCorpus.writeTo(w, List.of(all.get(0), all.get(1), all.get(40), all.get(all.size() - 1)));
			seeds.add(w.toString().getBytes(StandardCharsets.UTF_8));
		}
		RecordGenerator g = new RecordGenerator(SEED + format.ordinal());
		for (int i = 0; i < 3; i++) {
			List<RecordGenerator.Spec> specs = new ArrayList<>();
			for (int k = 1 + g.random().nextInt(4); k > 0; k--) {
				specs.add(spec(format, g));
			}
			seeds.add(g.render(format, specs).text().getBytes(StandardCharsets.UTF_8));
		}
		return seeds;
	}

	/** A record the format can carry: a listing's needs a long abstract, LaTeX-based formats get plain text. */
	private static RecordGenerator.Spec spec(Format format, RecordGenerator g) {
		return switch (format) {
			case HF_LISTING -> g.listingSpec();
			case BIBTEX, RIS -> g.plainSpec();
			default -> g.spec();
		};
	}

	private void fuzz(Format format) throws IOException {
		List<byte[]> seeds = seeds(format);
		String name = "fuzz-" + format.name().toLowerCase(java.util.Locale.ROOT) + "." + format.extension(); //$NON-NLS-1$ //$NON-NLS-2$
		for (int i = 0; i < seeds.size(); i++) {
			check(seeds.get(i), name, format + " seed file " + i); //$NON-NLS-1$
		}
		Random runs = new Random(SEED * 31 + format.ordinal());
		int refused = 0;
		for (int i = 0; i < MUTATIONS; i++) {
			long inputSeed = runs.nextLong();
			Random r = new Random(inputSeed);
			StringBuilder ops = new StringBuilder();
			int from = r.nextInt(seeds.size());
			byte[] in = Mutations.mutate(seeds.get(from), r, ops);
			refused += check(in, name, format + " input " + i + " (seed file " + from + ", input seed " + inputSeed //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					+ "L: " + ops + ")") ? 1 : 0; //$NON-NLS-1$ //$NON-NLS-2$
		}
		// the mutations must really reach the error paths, and must not all be refused as unreadable
		assertTrue(refused > MUTATIONS / 20, format + ": only " + refused + " of " + MUTATIONS + " inputs refused"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertTrue(refused < MUTATIONS, format + ": every input refused"); //$NON-NLS-1$
	}

	private record Outcome(Importer.ImportResult result, ImportException error) {
	}

	private Outcome run(Path f, boolean skip, String label) {
		try {
			return new Outcome(Importer.importFiles(List.of(f), skip), null);
		} catch (ImportException e) {
			return new Outcome(null, e);
		} catch (Throwable t) {
			throw new AssertionError(label + ": " + t + " is not the documented ImportException", t); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	/** Imports {@code in} in both modes and checks the documented behaviour; whether the strict import refused it. */
	private boolean check(byte[] in, String name, String label) throws IOException {
		Path f = dir.resolve(name);
		Files.write(f, in);
		Outcome strict = run(f, false, label);
		Outcome skip = run(f, true, label);
		for (Outcome o : List.of(strict, skip)) {
			if (o.error() != null) {
				checkRefusal(o.error(), name, label);
			} else {
				checkResult(o.result(), name, label);
			}
		}
		if (strict.result() != null) {
			// all-or-nothing returned: nothing was wrong, and skip mode reads the same papers
			assertEquals(List.of(), strict.result().problems(), label);
			assertNotNull(skip.result(), label);
			assertEquals(titles(strict.result()), titles(skip.result()), label);
			assertEquals(List.of(), skip.result().problems(), label);
			return false;
		}
		if (skip.result() != null) {
			// skip mode reports exactly the problems that refused the strict import
			assertEquals(strict.error().problems(), skip.result().problems(), label);
		}
		return true;
	}

	private static List<String> titles(Importer.ImportResult r) {
		return r.papers().stream().map(p -> p.id() + " | " + p.title()).toList(); //$NON-NLS-1$
	}

	private static void checkRefusal(ImportException e, String name, String label) {
		assertFalse(e.problems().isEmpty(), label);
		assertEquals(e.problems().get(0).toString(), e.getMessage().replaceFirst(" \\(and \\d+ more problems\\)$", ""), //$NON-NLS-1$//$NON-NLS-2$
				label);
		for (ImportProblem p : e.problems()) {
			checkProblem(p, name, label);
		}
	}

	private static void checkProblem(ImportProblem p, String name, String label) {
		String where = label + ": " + p; //$NON-NLS-1$
		assertEquals(name, p.file(), where);
		assertFalse(p.message().isBlank(), where);
		assertFalse(p.message().contains("internal error"), where); //$NON-NLS-1$
		assertFalse(p.message().contains("\n\tat "), where); //$NON-NLS-1$
		assertTrue(p.line() >= 0 && p.column() >= 0, where);
	}

	private static void checkResult(Importer.ImportResult r, String name, String label) {
		for (ImportProblem p : r.problems()) {
			checkProblem(p, name, label);
		}
		for (Paper p : r.papers()) {
			assertFalse(p.id().isBlank(), label);
			// only a paper marked incomplete (a BibTeX entry without a title, issue 14) lacks a title
			assertFalse(p.title().isBlank() && !p.isIncomplete(), label + ": " + p.id()); //$NON-NLS-1$
			// a paper read from another format records where its title came from (a corpus file keeps its own)
			assertTrue(name.endsWith(".jsonl") || p.provenance().containsKey(Paper.TITLE), label + ": " + p.id()); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	// ------------------------------------------------------------------ properties of generated files

	private void properties(Format format) throws Exception {
		RecordGenerator g = new RecordGenerator(SEED * 17 + format.ordinal());
		String name = "gen-" + format.name().toLowerCase(java.util.Locale.ROOT) + "." + format.extension(); //$NON-NLS-1$ //$NON-NLS-2$
		Path f = dir.resolve(name);
		for (int i = 0; i < PROPERTIES; i++) {
			String label = format + " generated file " + i + " (seed " + (SEED * 17 + format.ordinal()) + ")"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			List<RecordGenerator.Spec> specs = new ArrayList<>();
			for (int k = 1 + g.random().nextInt(5); k > 0; k--) {
				specs.add(spec(format, g));
			}
			// 1. every field a record gives comes back
			RecordGenerator.Rendered file = g.render(format, specs);
			Files.writeString(f, file.text());
			Importer.ImportResult r = importOrFail(f, false, label, file);
			assertEquals(specs.size(), r.papers().size(), label + "\n" + file.text()); //$NON-NLS-1$
			for (int k = 0; k < specs.size(); k++) {
				checkFields(format, specs.get(k), r.papers().get(k), label + ", record " + k + "\n" + file.text()); //$NON-NLS-1$ //$NON-NLS-2$
			}
			// 2. one bad record refuses everything; skip mode drops only that record and reports the same problem
			int bad = format == Format.HF_LISTING ? specs.size() : g.random().nextInt(specs.size() + 1);
			List<RecordGenerator.Spec> withBad = new ArrayList<>(specs);
			withBad.add(bad, spec(format, g).withoutTitle());
			RecordGenerator.Rendered badFile = g.render(format, withBad);
			Files.writeString(f, badFile.text());
			Outcome strict = run(f, false, label);
			assertNotNull(strict.error(), label + ": the bad record was accepted\n" + badFile.text()); //$NON-NLS-1$
			assertEquals(1, strict.error().problems().size(), label + ": " + strict.error().problems()); //$NON-NLS-1$
			assertEquals(badFile.lines()[bad], strict.error().problems().get(0).line(),
					label + ": " + strict.error().getMessage()); //$NON-NLS-1$
			Importer.ImportResult skipped = importOrFail(f, true, label, badFile);
			assertEquals(strict.error().problems(), skipped.problems(), label);
			// BibTeX, RIS and CSL-JSON import a record without a title, marked incomplete (issue 14); the other formats
			// skip it
			boolean keepsUntitled = format == Format.BIBTEX || format == Format.RIS || format == Format.CSL_JSON;
			assertEquals(withBad.stream().filter(x -> keepsUntitled || x.title() != null)
					.map(x -> x.title() == null ? "" : x.title()).toList(), //$NON-NLS-1$
					skipped.papers().stream().map(Paper::title).toList(), label);
			// 2b. across files too: a good file and the bad one give nothing, or in skip mode all but the bad record
			if (i % 2 == 0) {
				Path good = dir.resolve("good-" + name); //$NON-NLS-1$
				Files.writeString(good, file.text());
				ImportException both = assertThrows(ImportException.class,
						() -> Importer.importFiles(List.of(good, f), false),
						label + ": a good file and a bad one were accepted"); //$NON-NLS-1$
				assertEquals(strict.error().problems(), both.problems(), label);
				Importer.ImportResult bothSkipped = Importer.importFiles(List.of(good, f), true);
				// the bad file's valid records repeat the good file's: merged, not doubled
				assertEquals(specs.size() + (keepsUntitled ? 1 : 0), bothSkipped.papers().size(), label);
				assertEquals(specs.size(), bothSkipped.merged().size(), label);
			}
			// 3. a record given twice is merged into one paper, not lost and not doubled
			List<RecordGenerator.Spec> twice = List.of(specs.get(0), specs.get(0));
			Files.writeString(f, g.render(format, twice).text());
			if (format == Format.JSONL) {
				// a corpus file is checked as export checks it (issue 15): an id given twice refuses it
				ImportException dup = assertThrows(ImportException.class, () -> Importer.importFiles(List.of(f), false),
						label);
				assertTrue(dup.getMessage().contains("is already on line"), dup.getMessage()); //$NON-NLS-1$
				continue;
			}
			Importer.ImportResult merged = importOrFail(f, false, label, file);
			assertEquals(1, merged.papers().size(), label);
			assertEquals(1, merged.merged().size(), label);
			checkFields(format, specs.get(0), merged.papers().get(0), label + ", merged"); //$NON-NLS-1$
		}
	}

	private static Importer.ImportResult importOrFail(Path f, boolean skip, String label,
			RecordGenerator.Rendered file) {
		try {
			return Importer.importFiles(List.of(f), skip);
		} catch (ImportException e) {
			throw new AssertionError(label + ": a valid generated file was refused: " + e.getMessage() + "\n" //$NON-NLS-1$ //$NON-NLS-2$
					+ file.text(), e);
		}
	}

	/** The fields each format carries must come back unchanged, each with its provenance. */
	private static void checkFields(Format format, RecordGenerator.Spec s, Paper p, String label) {
		assertEquals(s.title(), p.title(), label);
		assertEquals(Optional.ofNullable(s.abstractText()), p.abstractText(), label);
		for (String field : Paper.FIELDS) {
			boolean set = switch (field) {
				case Paper.TITLE -> true;
				case Paper.AUTHORS -> !p.authors().isEmpty();
				case Paper.YEAR -> p.year().isPresent();
				case Paper.VENUE -> p.venue().isPresent();
				case Paper.IDS -> !p.ids().asMap().isEmpty();
				case Paper.ABSTRACT -> p.abstractText().isPresent();
				case Paper.KEYWORDS -> !p.keywords().isEmpty();
				case Paper.URLS -> !p.urls().isEmpty();
				case Paper.TYPE -> p.type().isPresent();
				case Paper.NAMES -> !p.names().isEmpty();
				case Paper.OTHER_FIELDS -> !p.fields().isEmpty();
				default -> !p.references().isEmpty();
			};
			if (format != Format.JSONL) {
				assertEquals(set, p.provenance().containsKey(field), label + ": provenance of " + field); //$NON-NLS-1$
			}
		}
		switch (format) {
			case JSONL -> assertEquals(RecordGenerator.paperOf(s), p, label);
			case HF_LISTING -> {
				assertEquals(s.arxiv(), p.ids().arxiv(), label);
				assertEquals(s.arxiv() == null ? Optional.empty() : Optional.of(s.year()), p.year(), label);
				assertEquals(s.arxiv() == null ? List.of() : List.of("https://arxiv.org/abs/" + s.arxiv()), p.urls(), //$NON-NLS-1$
						label);
			}
			default -> {
				assertEquals(s.authors(), p.authors(), label);
				assertEquals(Optional.of(s.year()), p.year(), label);
				assertEquals(s.arxiv(), p.ids().arxiv(), label);
				assertEquals(s.doi(), p.ids().doi(), label);
				assertEquals(Optional.ofNullable(s.venue()), p.venue(), label);
				assertEquals(s.keywords(), p.keywords(), label);
				assertEquals(urls(format, s), p.urls(), label);
				if (format == Format.BIBTEX) {
					assertTrue(p.ids().citeKey().startsWith(RecordGenerator.citeKey(s)), label + ": " + p.ids()); //$NON-NLS-1$
				} else if (format == Format.SEMANTIC_SCHOLAR) {
					assertEquals(RecordGenerator.s2Id(s), p.ids().semanticScholar(), label);
				} else if (format == Format.OPENALEX) {
					assertEquals(RecordGenerator.openAlexId(s), p.ids().openAlex(), label);
				}
			}
		}
	}

	private static List<String> urls(Format format, RecordGenerator.Spec s) {
		return switch (format) {
			case SEMANTIC_SCHOLAR -> List.of("https://www.semanticscholar.org/paper/" + RecordGenerator.s2Id(s)); //$NON-NLS-1$
			case OPENALEX -> List.of("https://example.org/" + s.arxiv()); //$NON-NLS-1$
			case ARXIV_ATOM -> RecordGenerator.atomUrls(s);
			default -> List.of("https://arxiv.org/abs/" + s.arxiv()); //$NON-NLS-1$
		};
	}
}
