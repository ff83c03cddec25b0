package org.scriptorium.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scriptorium.core.io.ExportFields.Carried;
import org.scriptorium.core.io.ExportFields.Row;
import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.PaperIds;
import org.scriptorium.core.model.Reference;

/**
 * Issue 14: the list of what an export writes (the export wizard's field list) is what the real writer does, and
 * {@link Exporter#head} is the start of the real output.
 */
class ExportFieldsTest {

	private static final Paper CHAPTER = Paper.builder("key:lovelace1843", "Sketch of the Analytical Engine") //$NON-NLS-1$ //$NON-NLS-2$
			.type("incollection").authors(List.of(new Author("Ada", "Lovelace"))).year(1843) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			.venue("Scientific Memoirs").names(Map.of("editor", List.of(new Author("Richard", "Taylor")))) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			.ids(new PaperIds(null, "10.1000/x", "s2-123456", null, null, "lovelace1843")) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			.field("pages", "666\u2013731").field("publisher", "R. and J. E. Taylor").field("x-shelf", "Box 7") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			.addReference(new Reference(null, null, "Babbage 1864", null, 1864, null, null, null, null, null)) //$NON-NLS-1$
			.build();
	private static final Paper ARTICLE = Paper.builder("key:menabrea1842", "Notions sur la machine analytique") //$NON-NLS-1$ //$NON-NLS-2$
			.type("article").authors(List.of(new Author("Luigi", "Menabrea"))).year(1842) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			.venue("Biblioth\u00e8que universelle de Gen\u00e8ve").field("pages", "352\u2013376").build(); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

	private static Row row(List<Row> rows, String field) {
		return rows.stream().filter(r -> r.field().equals(field)).findFirst()
				.orElseThrow(() -> new AssertionError(field + " in " + rows)); //$NON-NLS-1$
	}

	@Test
	void eachFormatSaysWhereEachFieldGoesAndHowManyPapersHaveIt() {
		List<Paper> papers = List.of(CHAPTER, ARTICLE);
		List<Row> bib = ExportFields.of(papers, Format.BIBTEX, () -> false);
		assertEquals(new Row("pages", 2, "pages", Carried.STANDARD), row(bib, "pages")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals(new Row("x-shelf", 1, "x-shelf", Carried.STANDARD), row(bib, "x-shelf")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals(new Row("venue", 1, "booktitle", Carried.STANDARD), bib.stream() //$NON-NLS-1$ //$NON-NLS-2$
				.filter(r -> r.field().equals("venue") && r.writtenAs().equals("booktitle")).findFirst().orElseThrow()); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(new Row("Semantic Scholar id", 1, "", Carried.NOT_WRITTEN), row(bib, "Semantic Scholar id")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals(new Row("references", 1, "", Carried.NOT_WRITTEN), row(bib, "references")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals(Carried.NOT_WRITTEN, bib.get(0).carried(), "what is not written comes first"); //$NON-NLS-1$
		assertEquals(Carried.STANDARD, bib.get(bib.size() - 1).carried());

		List<Row> csl = ExportFields.of(papers, Format.CSL_JSON, () -> false);
		assertEquals(new Row("pages", 2, "page", Carried.STANDARD), row(csl, "pages")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals(new Row("publisher", 1, "publisher", Carried.STANDARD), row(csl, "publisher")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals(new Row("x-shelf", 1, "custom.x-shelf", Carried.EXTRA), row(csl, "x-shelf")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals(new Row("editor", 1, "editor", Carried.STANDARD), row(csl, "editor")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals(new Row("year", 2, "issued", Carried.STANDARD), row(csl, "year")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

		List<Row> ris = ExportFields.of(papers, Format.RIS, () -> false);
		assertEquals(new Row("pages", 2, "SP, EP", Carried.STANDARD), row(ris, "pages")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals(new Row("publisher", 1, "PB", Carried.STANDARD), row(ris, "publisher")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals(new Row("x-shelf", 1, "N1 (tex.x-shelf)", Carried.EXTRA), row(ris, "x-shelf")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals(new Row("editor", 1, "A2", Carried.STANDARD), row(ris, "editor")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals(new Row("cite key", 1, "ID", Carried.STANDARD), row(ris, "cite key")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

		// the corpus file keeps everything
		assertTrue(ExportFields.of(papers, Format.JSONL, () -> false).stream()
				.allMatch(r -> r.carried() == Carried.STANDARD));
	}

	@Test
	void whatIsNotWrittenIsNotInTheFileAndWhatIsWrittenIs() {
		for (Format format : List.of(Format.BIBTEX, Format.CSL_JSON, Format.RIS)) {
			String out = Exporter.toString(List.of(CHAPTER), format);
			assertTrue(!out.contains("s2-123456") && !out.contains("Babbage 1864"), format + ": " + out); //$NON-NLS-1$ //$NON-NLS-2$
			assertTrue(out.contains("Box 7") && out.contains("R. and J. E. Taylor"), format + ": " + out); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	static List<String> fixtures() throws Exception {
		return FixtureRoundTripTest.fixtures().toList();
	}

	/** Over every real fixture: each target the list names for a paper is in that paper's export. */
	@ParameterizedTest
	@MethodSource("fixtures")
	void everyTargetNamedIsInTheOutput(String fixture, @TempDir Path dir) throws Exception {
		Path source = dir.resolve(fixture.replaceAll("[/\\\\]", "_")); //$NON-NLS-1$ //$NON-NLS-2$
		Files.write(source, Fixtures.bytes("roundtrip/" + fixture)); //$NON-NLS-1$
		List<Paper> papers;
		try {
			papers = Importer.importFiles(List.of(source), Importer.Options.LENIENT).papers();
		} catch (ImportException e) {
			return; // not a bibliography (FixtureRoundTripTest says which)
		}
		for (Paper p : papers) {
			for (Format format : List.of(Format.BIBTEX, Format.CSL_JSON, Format.RIS)) {
				String out = Exporter.toString(List.of(p), format);
				for (Row r : ExportFields.of(List.of(p), format, () -> false)) {
					if (r.carried() == Carried.NOT_WRITTEN) {
						continue;
					}
					for (String target : r.writtenAs().split(", ")) { //$NON-NLS-1$
						String expected = switch (format) {
							case BIBTEX -> target.equals("entry key") || target.equals("and others") ? "" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
									: target.startsWith("@") ? target : target + " = {"; //$NON-NLS-1$ //$NON-NLS-2$
							case CSL_JSON -> '"' + target.replaceFirst("^custom\\.", "") + "\":"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							default -> target.startsWith("N1 (") //$NON-NLS-1$
									? "N1  - " + target.substring(4, target.length() - 1) + ':' //$NON-NLS-1$
									: target + "  - "; //$NON-NLS-1$
						};
						assertTrue(out.contains(expected), fixture + " " + format + " " + r + ": no " + expected //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
								+ " in\n" + out); //$NON-NLS-1$
					}
				}
			}
		}
	}

	@Test
	void theHeadIsTheStartOfTheRealOutput() {
		List<Paper> papers = List.of(CHAPTER, ARTICLE, CHAPTER.toBuilder("key:copy").build()); //$NON-NLS-1$
		for (Format format : Exporter.supportedFormats()) {
			String whole = Exporter.toString(papers, format);
			String head = Exporter.head(papers, format, 5);
			assertTrue(whole.startsWith(head), format.toString());
			assertEquals(Math.min(5, whole.lines().count()), head.lines().count(), format.toString());
			assertEquals(whole, Exporter.head(papers, format, 100_000), format.toString());
		}
		// the third paper's cite key is made unique over the whole list, also in the head
		String bib = Exporter.head(papers, Format.BIBTEX, 1000);
		assertTrue(bib.contains("@incollection{lovelace1843a,") || bib.contains("@incollection{lovelace1843b,"), bib); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Test
	void aCancelledListStops() {
		assertThrows(CancellationException.class, () -> ExportFields.of(List.of(CHAPTER), Format.RIS, () -> true));
	}
}
