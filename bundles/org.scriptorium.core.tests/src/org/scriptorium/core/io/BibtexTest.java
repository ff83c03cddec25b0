package org.scriptorium.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.PaperIds;

/** BibTeX/BibLaTeX import and export on hand-written inputs that pin one behaviour each. */
class BibtexTest {

	@TempDir
	Path dir;

	private List<Paper> read(String bib) throws Exception {
		Path f = dir.resolve("refs.bib"); //$NON-NLS-1$
		Files.writeString(f, bib, StandardCharsets.UTF_8);
		return Importer.importFiles(List.of(f), false).papers();
	}

	@Test
	void aWordOfMegabytesIsRefusedWithItsLine() throws Exception {
		Path f = dir.resolve("damaged.bib"); //$NON-NLS-1$
		Files.writeString(f, "@article{ok,\n  title = {Fine},\n  year = {2020}\n}\n\n@article{bad,\n  title = {A " //$NON-NLS-1$
				+ "x".repeat(2_000_000) + "}\n}\n", StandardCharsets.UTF_8); //$NON-NLS-1$ //$NON-NLS-2$
		ImportException e = assertThrows(ImportException.class, () -> Importer.importFiles(List.of(f), false));
		assertEquals(7, e.problems().get(0).line(), e.getMessage());
		assertTrue(e.getMessage().contains("damaged.bib") && e.getMessage().contains("without a space"), //$NON-NLS-1$//$NON-NLS-2$
				e.getMessage());
	}

	@Test
	void longRunsOfWhiteSpaceInANameListAreOneSeparator() throws Exception {
		// a pasted name list with a huge gap (the importer fuzz test found this quadratic before)
		String gap = " ".repeat(300_000) + "\n".repeat(3); //$NON-NLS-1$ //$NON-NLS-2$
		List<Paper> papers = read("@article{gap,\n  title = {Gaps},\n  author = {Doe, Jane" + gap + "and" + gap //$NON-NLS-1$ //$NON-NLS-2$
				+ "Roe, Rick and Edgar" + gap + "Poe},\n  year = {2020}\n}\n"); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(List.of(new Author("Jane", "Doe"), new Author("Rick", "Roe"), new Author("Edgar", "Poe")), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
				papers.get(0).authors());
	}

	@Test
	void entryFieldsAreMappedWithAccentsMacrosAndCorporateAuthors() throws Exception {
		List<Paper> papers = read(
				"""
						@string{jmlr = "Journal of Machine Learning Research"}
						@Article{fedus2022,
						  Author = {Fedus, William and Zoph, Barret and Noam Shazeer and M{\\"u}ller, J{\\'{e}}r{\\^o}me
						            and {Google Research} and van der Berg, Jan and {\\O}rsted, Hans and others},
						  title = {Switch {Transformers}: Scaling to Trillion Parameter Models with \\emph{Simple} and Efficient Sparsity -- a {\\c{C}}ase},
						  journal = jmlr,
						  year = 2022,
						  doi = {10.48550/ARXIV.2101.03961},
						  eprint = {2101.03961v3}, archivePrefix = {arXiv},
						  url = {https://jmlr.org/papers/v23/21-0998.html},
						  keywords = {mixture of experts; sparsity, routing},
						  abstract = {In deep learning, models typically reuse the same parameters for all inputs: 100\\% dense.}
						}
						""");
		assertEquals(1, papers.size());
		Paper p = papers.get(0);
		assertEquals(
				"Switch Transformers: Scaling to Trillion Parameter Models with Simple and Efficient Sparsity \u2013 a \u00c7ase", //$NON-NLS-1$
				p.title());
		assertEquals(
				List.of(new Author("William", "Fedus"), new Author("Barret", "Zoph"), new Author("Noam", "Shazeer"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
						new Author("J\u00e9r\u00f4me", "M\u00fcller"), new Author("", "Google Research"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
						new Author("Jan", "van der Berg"), new Author("Hans", "\u00d8rsted")), //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$
				p.authors());
		assertEquals("Journal of Machine Learning Research", p.venue().orElseThrow()); //$NON-NLS-1$
		assertEquals(2022, p.year().orElseThrow());
		assertEquals(new PaperIds("2101.03961", "10.48550/arxiv.2101.03961", null, null, null, "fedus2022"), p.ids()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals("arxiv:2101.03961", p.id()); //$NON-NLS-1$
		assertEquals(List.of("https://jmlr.org/papers/v23/21-0998.html"), p.urls()); //$NON-NLS-1$
		assertEquals(List.of("mixture of experts", "sparsity", "routing"), p.keywords()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals("In deep learning, models typically reuse the same parameters for all inputs: 100% dense.", //$NON-NLS-1$
				p.abstractText().orElseThrow());
	}

	@Test
	void bibLaTeXDatesBooktitlesCrossrefAndEprintVenues() throws Exception {
		List<Paper> papers = read("""
				@inproceedings{child, title = {Child}, author = {Lepikhin, Dmitry}, crossref = {proc}}
				@online{preprint, title = {Preprint}, date = {2023-05-01}, eprinttype = {arxiv}, eprint = {2305.00001}}
				@article{scholar, title = {Scholar}, journal = {arXiv preprint arXiv:2401.04088}, year = {2024},
				  doi = {10.1000/a\\_b}, url = {https://example.org/a\\%20b}}
				@proceedings{proc, title = {Proceedings of ICLR 2021}, booktitle = {ICLR 2021}, year = {2021}}
				""");
		assertEquals(4, papers.size(), papers.toString());
		Paper child = papers.get(0);
		assertEquals("ICLR 2021", child.venue().orElseThrow()); //$NON-NLS-1$
		assertEquals(2021, child.year().orElseThrow());
		Paper preprint = papers.get(1);
		assertEquals(2023, preprint.year().orElseThrow());
		assertEquals("2305.00001", preprint.ids().arxiv()); //$NON-NLS-1$
		assertEquals("2401.04088", papers.get(2).ids().arxiv()); //$NON-NLS-1$
		assertEquals("10.1000/a_b", papers.get(2).ids().doi()); //$NON-NLS-1$
		assertEquals(List.of("https://example.org/a%20b"), papers.get(2).urls()); //$NON-NLS-1$
		assertEquals("Proceedings of ICLR 2021", papers.get(3).title()); //$NON-NLS-1$
		assertNull(papers.get(3).venue().orElse(null));
	}

	@Test
	void aMalformedEntryNamesFileLineAndEntryAndSkipModeKeepsTheOthers() throws Exception {
		Path f = dir.resolve("broken.bib"); //$NON-NLS-1$
		Files.writeString(f, """
				@article{good1, title = {One}, year = 2020}

				@article{bad,
				  title = {Two},
				  year = 2021
				  author = {X}
				}
				@article{good2, title = {Three}}
				""");
		ImportException e = assertThrows(ImportException.class, () -> Importer.importFiles(List.of(f), false));
		ImportProblem p = e.problems().get(0);
		assertEquals("broken.bib", p.file()); //$NON-NLS-1$
		assertEquals(6, p.line(), p.toString());
		assertTrue(p.message().contains("\"bad\" (line 3)"), p.toString()); //$NON-NLS-1$
		Importer.ImportResult r = Importer.importFiles(List.of(f), true);
		assertEquals(List.of("One", "Three"), r.papers().stream().map(Paper::title).toList()); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(1, r.problems().size(), r.problems().toString());
	}

	@Test
	void undefinedStringsMissingTitlesDuplicateKeysAndTruncationAreReported() throws Exception {
		Path f = dir.resolve("problems.bib"); //$NON-NLS-1$
		Files.writeString(f, """
				@article{a, title = {A}, journal = nosuchmacro}
				@article{b, author = {Someone}}
				@article{a, title = {A again}}
				@article{c, title = {C}}
				""");
		// issue 14: as JabRef and Better BibTeX, every entry is read; the problems are listed
		Importer.ImportResult r = Importer.importFiles(List.of(f), true);
		assertEquals(List.of("A", "", "A again", "C"), r.papers().stream().map(Paper::title).toList()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		assertEquals("nosuchmacro", r.papers().get(0).venue().orElseThrow(), "an undefined macro keeps its name"); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(r.papers().get(1).isIncomplete());
		assertEquals("a", r.papers().get(0).ids().citeKey()); //$NON-NLS-1$
		assertEquals("a-2", r.papers().get(2).ids().citeKey(), "a key used before is renamed"); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(
				List.of("problems.bib:1: the entry \"a\" uses the string \"nosuchmacro\", which no @string defines", //$NON-NLS-1$
						"problems.bib:2: the entry \"b\" has no title", //$NON-NLS-1$
						"problems.bib:3: the cite key \"a\" is already used on line 1; this entry is imported as \"a-2\""), //$NON-NLS-1$
				r.problems().stream().map(ImportProblem::toString).toList());
		// strict mode refuses the file for any of them
		ImportException strict = assertThrows(ImportException.class, () -> Importer.importFiles(List.of(f), false));
		assertEquals(r.problems(), strict.problems());
		Path t = dir.resolve("truncated.bib"); //$NON-NLS-1$
		Files.writeString(t, "@article{a, title = {A}}\n@article{b, title = {B\n"); //$NON-NLS-1$
		ImportException e = assertThrows(ImportException.class, () -> Importer.importFiles(List.of(t), false));
		assertTrue(e.getMessage().startsWith("truncated.bib:3: the file ends inside an entry"), e.getMessage()); //$NON-NLS-1$
		assertTrue(e.getMessage().contains("\"b\", starts on line 2"), e.getMessage()); //$NON-NLS-1$
		// a truncated last entry no longer refuses the entries before it
		assertEquals(List.of("A"), Importer.importFiles(List.of(t), true).papers().stream().map(Paper::title).toList()); //$NON-NLS-1$
	}

	@Test
	void exportWritesStableUniqueKeysAndEscapesLatex() {
		Paper a = Paper.builder("x", "Sparse MoE: 100% of {Experts} & the_rest").authors(List.of( //$NON-NLS-1$ //$NON-NLS-2$
				new Author("J\u00f6rg", "M\u00fcller"), new Author("", "Google Research"))).year(2024) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				.venue("NeurIPS 2024").ids(new PaperIds("2401.00001", null, null, null, null, null)).build(); //$NON-NLS-1$ //$NON-NLS-2$
		Paper b = Paper.builder("y", "The sparse way").authors(List.of(new Author("Ann", "M\u00fcller"))).year(2024) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				.build();
		Paper c = Paper.builder("z", "Sparse models").authors(List.of(new Author("Bo", "Muller"))).year(2024).build(); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		Paper keyed = Paper.builder("k", "Kept").ids(new PaperIds(null, null, null, null, null, "mullerSparse2024")) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				.build();
		assertEquals("muller2024sparse", Exporter.citeKey(a)); //$NON-NLS-1$
		assertEquals("mullerSparse2024", Exporter.citeKey(keyed)); //$NON-NLS-1$
		assertEquals(List.of("muller2024sparse", "muller2024sparsea", "muller2024sparseb", "mullerSparse2024"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				Exporter.citeKeys(List.of(a, b, c, keyed)));
		assertEquals(List.of("muller2024sparse", "muller2024sparsea"), Exporter.citeKeys(List.of(a, b))); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("""
				@inproceedings{muller2024sparse,
				  author = {M{\\"u}ller, J{\\"o}rg and {Google Research}},
				  title = {Sparse {MoE}: 100\\% of \\{Experts\\} \\& the\\_rest},
				  booktitle = {NeurIPS 2024},
				  year = {2024},
				  eprint = {2401.00001},
				  archivePrefix = {arXiv}
				}
				""", Exporter.toString(List.of(a), Format.BIBTEX)); //$NON-NLS-1$
	}
}
