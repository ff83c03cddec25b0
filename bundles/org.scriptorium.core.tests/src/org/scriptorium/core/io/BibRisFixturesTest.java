package org.scriptorium.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.Paper;

/**
 * The real BibTeX and RIS fixtures of Better BibTeX ({@code resources/bbt/import-bib}) and JabRef
 * ({@code resources/jabref}). Better BibTeX's expected outputs are not part of the fixture suite, so its inputs are
 * checked field by field against what the files say; JabRef's RIS tests come with the BibTeX JabRef expects, which
 * is read back here and compared on the fields Scriptorium keeps.
 */
class BibRisFixturesTest {

	@TempDir
	Path dir;

	private Importer.ImportResult read(String resource) throws Exception {
		return Importer.importFiles(List.of(Fixtures.copy(resource, dir)), false);
	}

	private Paper only(String resource) throws Exception {
		List<Paper> papers = read(resource).papers();
		assertEquals(1, papers.size(), papers.toString());
		return papers.get(0);
	}

	@Test
	void accentsAndBracedLettersBecomeUnicode() throws Exception {
		Paper p = only("bbt/import-bib/ring-above-1115.bib"); //$NON-NLS-1$
		assertEquals(List.of(new Author("Radim", "\u0158eh\u016f\u0159ek"), new Author("Petr", "Sojka")), p.authors()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		assertEquals("Software Framework for Topic Modelling with Large Corpora", p.title()); //$NON-NLS-1$
		assertEquals("Proceedings of the LREC 2010 Workshop on New Challenges for NLP Frameworks", //$NON-NLS-1$
				p.venue().orElseThrow());
		assertEquals(2010, p.year().orElseThrow());
		assertEquals("rehurek_lrec", p.ids().citeKey()); //$NON-NLS-1$
		assertEquals(List.of("http://is.muni.cz/publication/884893/en"), p.urls()); //$NON-NLS-1$
		Paper pre = only("bbt/import-bib/preamble-def-732.bib"); //$NON-NLS-1$
		assertEquals(new Author("Pavel", "Krej\u010d\u00ed"), pre.authors().get(1)); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("Homogenization of scalar wave equation with hysteresis operator", pre.title()); //$NON-NLS-1$
		Paper software = only("bbt/import-bib/biblatex-software-1544.bib"); //$NON-NLS-1$
		assertEquals(new Author("Fran\u00e7ois", "Delebecque"), software.authors().get(0)); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Test
	void mathSubscriptsBarsAndOverlinesBecomeUnicode() throws Exception {
		Paper p = only("bbt/import-bib/author-splitter.bib"); //$NON-NLS-1$
		assertTrue(p.title().startsWith("Determination of the Thickness and Refractive Index of Cu\u2082O Thin Film"), //$NON-NLS-1$
				p.title());
		assertEquals(List.of("Abu-Zeid", "Rakhshani", "Al-Jassar", "Youssef"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				p.authors().stream().map(Author::family).toList());
		List<String> titles = read("bbt/import-bib/overline-1467.bib").papers().stream().map(Paper::title).toList(); //$NON-NLS-1$
		assertEquals(8, titles.size());
		assertTrue(titles.contains("N-Limited Versus Ga-Limited Growth on GaN(0001\u0304) by MBE Using NH\u00b3"), //$NON-NLS-1$
				titles.toString());
		assertTrue(
				titles.contains("Growth Evolution and Microstructural Characterization of Semipolar (112\u03042) GaN " //$NON-NLS-1$
						+ "Selectively Grown on Etched r-Plane Sapphire"), //$NON-NLS-1$
				titles.toString());
	}

	@Test
	void stringMacrosAndCrossrefsAreResolved() throws Exception {
		Paper sql = only("bbt/import-bib/string-substitution-154.bib"); //$NON-NLS-1$
		assertEquals("SQL is great", sql.title()); //$NON-NLS-1$
		assertEquals(List.of(new Author("R. A.", "Bert")), sql.authors()); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("a space between this and this", //$NON-NLS-1$
				only("bbt/import-bib/string-spaces-1081.bib").venue().orElseThrow()); //$NON-NLS-1$

		List<Paper> bibdesk = read("bbt/import-bib/crossref-date-3514.bib").papers(); //$NON-NLS-1$
		assertEquals(6, bibdesk.size());
		Paper hauck = bibdesk.get(0);
		assertEquals("Hauck_2011", hauck.ids().citeKey()); //$NON-NLS-1$
		assertEquals(2011, hauck.year().orElseThrow(), "the year comes from the crossref'd collection"); //$NON-NLS-1$
		assertEquals("Fronteiras da integra\u00e7\u00e3o: dimens\u00f5es culturais do Mercosul \u2014 Fronteras de la " //$NON-NLS-1$
				+ "integraci\u00f3n: las dimensiones culturales del Mercosur", hauck.venue().orElseThrow()); //$NON-NLS-1$
		assertEquals(List.of("Paraguay", "bilingualism", "multilingualism"), hauck.keywords()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

		Paper child = read("bbt/import-bib/crossref-proceedings-003.bib").papers().get(0); //$NON-NLS-1$
		assertEquals("Proceedings of the Xth Conference on XYZ (Book)", child.venue().orElseThrow()); //$NON-NLS-1$
		assertEquals(2006, child.year().orElseThrow());

		List<Paper> dblp = read("jabref/bib/crossref.bib").papers(); //$NON-NLS-1$
		assertEquals(4, dblp.size());
		assertEquals(
				"12th Working IEEE/IFIP Conference on Software Architecture, WICSA 2015, Montreal, QC, Canada, May 4-8, 2015", //$NON-NLS-1$
				dblp.get(0).venue().orElseThrow());
		assertEquals("10.1109/wicsa.2015.29", dblp.get(0).ids().doi()); //$NON-NLS-1$
	}

	@Test
	void jabrefLibrariesWithCommentsTrickyNamesAndUtf16AreRead() throws Exception {
		// free text and an unbracketed @Comment between entries (jbibtex alone stops there)
		assertEquals(2, read("jabref/bib/bibWithUserComments.bib").papers().size()); //$NON-NLS-1$
		List<Paper> complex = read("jabref/bib/complex.bib").papers(); //$NON-NLS-1$
		// 20 entries; two of them share the DOI 10.1109/MSP.2004.81 but not their authors or titles, so they are two
		// papers (issue 14: conflicting authors never merge; before, 19)
		assertEquals(20, complex.size());
		Paper names = complex.stream().filter(p -> p.title().equals("Article with complex Authornames")).findFirst() //$NON-NLS-1$
				.orElseThrow();
		// {von Hippel, Eric and Reagle, Jr., Joseph M. and ...}: von part and Jr part stay with the family name
		assertEquals(new Author("Eric", "von Hippel"), names.authors().get(0)); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(new Author("Joseph M.", "Reagle Jr."), names.authors().get(1)); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("\u00dc ist ein Umlaut", only("jabref/bib/encoding-utf-16BE-with-header.bib").title()); //$NON-NLS-1$ //$NON-NLS-2$
		Paper turkey = only("jabref/bib/tiny-LE-withBOM.bib"); //$NON-NLS-1$
		assertEquals(new Author("G.", "van Galen"), turkey.authors().get(2)); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Test
	void badEntriesOfRealFilesAreNamedWithTheirLine() throws Exception {
		ImportException e = assertThrows(ImportException.class, () -> read("bbt/import-bib/undefined-macro-472.bib")); //$NON-NLS-1$
		assertEquals(List.of(
				"undefined-macro-472.bib:1: the entry \"test_citation1\" uses the string \"IEEE_J_PROC\", which no @string defines", //$NON-NLS-1$
				"undefined-macro-472.bib:14: the entry \"test_citation2\" uses the string \"IEEE_J_PROC\", which no @string defines"), //$NON-NLS-1$
				e.problems().stream().map(ImportProblem::toString).toList());
		ImportException noTitle = assertThrows(ImportException.class,
				() -> read("bbt/import-bib/online-no-title-2842.bib")); //$NON-NLS-1$
		assertEquals("online-no-title-2842.bib:1: the entry \"Gartner_CloudComputing\" has no title", //$NON-NLS-1$
				noTitle.getMessage());
		Path examples = Fixtures.copy("jabref/bib/BibtexImporter.examples.bib", dir); //$NON-NLS-1$
		Importer.ImportResult skipped = Importer.importFiles(List.of(examples), true);
		// issue 14: the two @set entries without a title are imported, marked incomplete; the article whose journal
		// is an undefined @string keeps the macro's name
		assertEquals(List.of("Git: dezentrale Versionsverwaltung im Team : Grundlagen und Workflows", "", "", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				"Effect of immobilization on catalytic characteristics of saturated Pd-N-heterocyclic carbenes in " //$NON-NLS-1$
						+ "Mizoroki-Heck reactions"), //$NON-NLS-1$
				skipped.papers().stream().map(Paper::title).toList());
		assertEquals(List.of(14, 22, 31), skipped.problems().stream().map(ImportProblem::line).toList());
		ImportException corrupted = assertThrows(ImportException.class,
				() -> read("jabref/ris/RisImporterCorrupted.ris")); //$NON-NLS-1$
		assertTrue(corrupted.getMessage().contains("not recognised"), corrupted.getMessage()); //$NON-NLS-1$
	}

	/** JabRef's RIS test inputs against the BibTeX JabRef expects from them. */
	@ParameterizedTest
	@ValueSource(strings = {"RisImporterTest3", "RisImporterTestScopus", "RisImporterTest6", //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
			"RisImporterTestWithEmptyER", //$NON-NLS-1$
			"RisImporterTest9", "RisImporterTestDate1.1", "RisImporterTestDOI", "RisImporterTestScience", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			"RisImporterTest4a"}) //$NON-NLS-1$
	void risImportAgreesWithJabrefsExpectedBibtex(String name) throws Exception {
		Paper ris = only("jabref/ris/" + name + ".ris"); //$NON-NLS-1$ //$NON-NLS-2$
		Paper bib = only("jabref/ris/" + name + ".bib"); //$NON-NLS-1$ //$NON-NLS-2$
		// JabRef writes an em dash as "--" (an en dash in LaTeX); compare titles with dashes folded
		assertEquals(bib.title().replaceAll("[\u2013\u2014]", "-"), ris.title().replaceAll("[\u2013\u2014]", "-")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		assertEquals(bib.authors().stream().map(Author::family).toList(),
				ris.authors().stream().map(Author::family).toList());
		// JabRef adds a period to initials ("Margaret E" becomes "Margaret E.")
		assertEquals(bib.authors().stream().map(a -> a.given().replace(".", "")).toList(), //$NON-NLS-1$ //$NON-NLS-2$
				ris.authors().stream().map(a -> a.given().replace(".", "")).toList()); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(bib.year(), ris.year());
		assertEquals(bib.ids().doi(), ris.ids().doi());
		// JabRef keeps one URL (sometimes the full-text link L2 rather than UR); the RIS import keeps both
		assertTrue(ris.urls().containsAll(bib.urls()), ris.urls() + " lacks " + bib.urls()); //$NON-NLS-1$
		assertEquals(bib.keywords(), ris.keywords());
		assertEquals(bib.abstractText(), ris.abstractText());
	}

	@Test
	void pubmedRisGivesThePubmedIdAndBothLinks() throws Exception {
		Paper p = only("jabref/ris/RisImporterTestDOI.ris"); //$NON-NLS-1$
		assertEquals("26957754", p.ids().pubmed()); //$NON-NLS-1$
		assertEquals(
				List.of("https://pubmed.ncbi.nlm.nih.gov/26957754", //$NON-NLS-1$
						"https://www.ncbi.nlm.nih.gov/pmc/articles/PMC4756000/"), //$NON-NLS-1$
				p.urls());
		assertEquals("Journal of physical therapy science", p.venue().orElseThrow()); //$NON-NLS-1$
	}

	@Test
	void aRisRecordWithoutTitleIsImportedIncompleteLikeJabrefsBibtexOfIt() throws Exception {
		ImportException ris = assertThrows(ImportException.class,
				() -> read("jabref/ris/RisImporterTestDoiAndJournalTitle.ris")); //$NON-NLS-1$
		assertEquals(
				"RisImporterTestDoiAndJournalTitle.ris:1: the record has no title (TI or T1); it is imported, marked incomplete", //$NON-NLS-1$
				ris.getMessage());
		ImportException bib = assertThrows(ImportException.class,
				() -> read("jabref/ris/RisImporterTestDoiAndJournalTitle.bib")); //$NON-NLS-1$
		assertEquals("RisImporterTestDoiAndJournalTitle.bib:1: the entry without a cite key has no title", //$NON-NLS-1$
				bib.getMessage());
		// lenient (the default): both are imported, marked incomplete, with the same DOI and journal
		List<Paper> both = new java.util.ArrayList<>();
		for (String f : List.of("jabref/ris/RisImporterTestDoiAndJournalTitle.ris", //$NON-NLS-1$
				"jabref/ris/RisImporterTestDoiAndJournalTitle.bib")) { //$NON-NLS-1$
			Importer.ImportResult r = Importer.importFiles(List.of(Fixtures.copy(f, dir)), true);
			assertEquals(1, r.papers().size(), f);
			assertEquals(1, r.problems().size(), f);
			both.add(r.papers().get(0));
		}
		for (Paper p : both) {
			assertTrue(p.isIncomplete(), p.toString());
			assertEquals(both.get(0).ids().doi(), p.ids().doi());
			assertEquals(both.get(0).venue(), p.venue());
		}
		assertTrue(both.get(0).ids().doi() != null && both.get(0).venue().isPresent(), both.get(0).toString());
	}

	@ParameterizedTest
	@ValueSource(strings = {"bbt/import-bib/ring-above-1115.bib", "bbt/import-bib/crossref-date-3514.bib", //$NON-NLS-1$ //$NON-NLS-2$
			"bbt/import-bib/overline-1467.bib", "jabref/bib/complex.bib", "jabref/bib/crossref.bib", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			"jabref/ris/RisImporterTestScopus.ris", "jabref/ris/RisImporterTest6.ris", //$NON-NLS-1$//$NON-NLS-2$
			"jabref/ris/RisImporterTest9.ris", //$NON-NLS-1$
			"jabref/ris/RisImporterTestDOI.ris"}) //$NON-NLS-1$
	void fixturesSurviveARoundTripThroughEveryWrittenFormat(String resource) throws Exception {
		List<Paper> papers = read(resource).papers();
		for (Format format : List.of(Format.BIBTEX, Format.RIS, Format.CSL_JSON, Format.JSONL)) {
			Path out = dir.resolve("again." + format.extension()); //$NON-NLS-1$
			java.nio.file.Files.writeString(out, Exporter.toString(papers, format));
			List<Paper> back = Importer.importFiles(List.of(out), false).papers();
			assertEquals(papers.size(), back.size(), format + " " + resource); //$NON-NLS-1$
			for (int i = 0; i < papers.size(); i++) {
				Paper a = papers.get(i);
				Paper b = back.get(i);
				String where = format + " " + resource + " " + a.id(); //$NON-NLS-1$ //$NON-NLS-2$
				assertEquals(a.title(), b.title(), where);
				assertEquals(a.authors(), b.authors(), where);
				assertEquals(a.year(), b.year(), where);
				assertEquals(a.venue(), b.venue(), where);
				assertEquals(a.ids().doi(), b.ids().doi(), where);
				assertEquals(a.ids().arxiv(), b.ids().arxiv(), where);
				if (a.ids().citeKey() != null) {
					assertEquals(a.ids().citeKey(), b.ids().citeKey(), where);
				} else {
					// BibTeX needs a key; CSL-JSON needs an id
					assertEquals(format == Format.BIBTEX || format == Format.CSL_JSON, b.ids().citeKey() != null,
							where);
				}
				assertEquals(a.ids().pubmed(), b.ids().pubmed(), where);
				assertEquals(a.keywords(), b.keywords(), where);
				assertEquals(a.abstractText(), b.abstractText(), where);
				// every URL survives (issue 14: BibTeX writes url2, ..., CSL-JSON keeps the others in "custom")
				assertEquals(a.urls(), b.urls(), where);
				if (format == Format.JSONL) {
					assertEquals(a, b, where);
				}
			}
		}
	}
}
