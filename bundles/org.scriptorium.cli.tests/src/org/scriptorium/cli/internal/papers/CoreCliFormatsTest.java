package org.scriptorium.cli.internal.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.cli.internal.CliRun;
import org.scriptorium.cli.internal.ExitCode;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.corpus.JsonlCorpus;
import org.scriptorium.core.io.Importer;
import org.scriptorium.core.model.Paper;

/** {@code import} of BibTeX and RIS files and {@code export --format bibtex|ris}. */
class CoreCliFormatsTest {

	@TempDir
	Path dir;

	private final CliRun cli = new CliRun();

	private int run(String... args) {
		return cli.run(args);
	}

	private String out() {
		return cli.out();
	}

	private String err() {
		return cli.err();
	}

	@Test
	void bibtexAndRisFilesImportAndACorpusExportsToBoth() throws Exception {
		Path bib = dir.resolve("refs.bib"); //$NON-NLS-1$
		Files.writeString(bib, """
				@article{fedus2022switch, title = {Switch {T}ransformers}, author = {Fedus, William and Zoph, Barret},
				  journal = {JMLR}, year = 2022, eprint = {2101.03961}, archivePrefix = {arXiv}}
				""");
		Path ris = dir.resolve("refs.txt"); // detected by content, not by name //$NON-NLS-1$
		Files.writeString(ris,
				"TY  - CONF\nTI  - GShard\nAU  - Lepikhin, Dmitry\nPY  - 2021\nT2  - ICLR 2021\nER  - \n"); //$NON-NLS-1$
		Path corpus = dir.resolve("mine.jsonl"); //$NON-NLS-1$
		assertEquals(ExitCode.OK, run("import", bib.toString(), ris.toString(), "--into", corpus.toString()), err()); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(out().startsWith("imported 2 new papers"), out()); //$NON-NLS-1$
		List<Paper> papers = JsonlCorpus.load(corpus).papers();

		assertEquals(ExitCode.OK, run("export", "--format", "bibtex", "--corpus", corpus.toString()), err()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		String bibtex = out();
		assertTrue(bibtex.startsWith("@article{fedus2022switch,\n  author = {Fedus, William and Zoph, Barret},"), //$NON-NLS-1$
				bibtex);
		assertTrue(bibtex.contains("@inproceedings{lepikhin2021gshard,\n"), bibtex); //$NON-NLS-1$

		Path risOut = dir.resolve("out.ris"); //$NON-NLS-1$
		assertEquals(ExitCode.OK,
				run("export", "--format", "ris", "--corpus", corpus.toString(), "--out", risOut.toString()), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
				err());
		assertEquals("exported 2 papers to " + risOut + "\n", out()); //$NON-NLS-1$ //$NON-NLS-2$
		List<Paper> back = Importer.importFiles(List.of(risOut), false).papers();
		assertEquals(papers.stream().map(Paper::title).toList(), back.stream().map(Paper::title).toList());
		assertEquals(papers.stream().map(Paper::authors).toList(), back.stream().map(Paper::authors).toList());
	}

	@Test
	void theDefaultCorpusExportsToBibtexWithUniqueKeys() throws Exception {
		Path corpus = dir.resolve("default.jsonl"); //$NON-NLS-1$
		JsonlCorpus.write(corpus, DefaultCorpus.get().papers());
		Path target = dir.resolve("default.bib"); //$NON-NLS-1$
		assertEquals(ExitCode.OK, run("export", "--format", "bibtex", "--corpus", corpus.toString(), "--out", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
				target.toString()), err());
		List<String> keys = Files.readAllLines(target).stream().filter(l -> l.startsWith("@")) //$NON-NLS-1$
				.map(l -> l.substring(l.indexOf('{') + 1, l.length() - 1)).toList();
		assertEquals(DefaultCorpus.get().papers().size(), keys.size());
		assertEquals(keys.size(), keys.stream().map(k -> k.toLowerCase(java.util.Locale.ROOT)).distinct().count());
	}

	@Test
	void aMalformedBibFileIsOneLineAndExitThree() throws Exception {
		Path bad = dir.resolve("bad.bib"); //$NON-NLS-1$
		Files.writeString(bad, "@article{a, title = {A}}\n@article{b, title = {B}\n"); //$NON-NLS-1$
		Path corpus = dir.resolve("keep.jsonl"); //$NON-NLS-1$
		JsonlCorpus.write(corpus, DefaultCorpus.get().papers().subList(0, 3));
		String before = Files.readString(corpus);
		// --strict refuses on any problem (issue 14: by default the readable entries are imported)
		assertEquals(ExitCode.INVALID_INPUT, run("import", bad.toString(), "--strict", "--into", corpus.toString())); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertTrue(err().startsWith("error: nothing was imported: bad.bib:3: the file ends inside an entry"), err()); //$NON-NLS-1$
		assertEquals(1, err().lines().count(), err());
		assertFalse(err().contains("Exception"), err()); //$NON-NLS-1$
		assertEquals(before, Files.readString(corpus), "a failed import leaves the corpus as it was"); //$NON-NLS-1$
	}

	@Test
	void aBadEntryIsListedWithItsLineAndTheOthersImportUnlessStrict() throws Exception {
		Path bib = dir.resolve("mixed.bib"); //$NON-NLS-1$
		Files.writeString(bib, """
				@article(paren, title = {Parentheses}, journal = undefinedmacro, year = 2020)
				@article{notitle, author = {Someone, A.}, year = 2021}
				@article{broken, title = {Broken} year = 2022}
				@article{paren, title = {Same key, other paper}}
				@comment{ignored}
				@preamble{"\\newcommand{\\x}{y}"}
				""");
		Path corpus = dir.resolve("lenient.jsonl"); //$NON-NLS-1$
		assertEquals(ExitCode.OK, run("import", bib.toString(), "--into", corpus.toString()), err()); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(List.of("problem: mixed.bib:1: the entry \"paren\" uses the string \"undefinedmacro\", which no " //$NON-NLS-1$
				+ "@string defines", //$NON-NLS-1$
				"problem: mixed.bib:2: the entry \"notitle\" has no title", //$NON-NLS-1$
				"problem: mixed.bib:3:35: unexpected \"year\" where \",\" or \"}\" was expected in the entry \"broken\" " //$NON-NLS-1$
						+ "(line 3), which is skipped; is a brace, quote or comma missing?", //$NON-NLS-1$
				"problem: mixed.bib:4: the cite key \"paren\" is already used on line 1; this entry is imported as " //$NON-NLS-1$
						+ "\"paren-2\""), //$NON-NLS-1$
				err().lines().toList());
		List<Paper> papers = JsonlCorpus.load(corpus).papers();
		assertEquals(List.of("Parentheses", "", "Same key, other paper"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				papers.stream().map(Paper::title).toList());
		assertTrue(papers.get(1).isIncomplete());
		// --strict refuses the whole file, naming every problem
		Path strict = dir.resolve("strict.jsonl"); //$NON-NLS-1$
		assertEquals(ExitCode.INVALID_INPUT, run("import", bib.toString(), "--strict", "--into", strict.toString())); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertTrue(err().startsWith("error: nothing was imported: mixed.bib:1: the entry \"paren\" uses the string"), //$NON-NLS-1$
				err());
		assertFalse(Files.exists(strict));
		assertEquals(ExitCode.USAGE, run("import", bib.toString(), "--strict", "--skip-invalid")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals(ExitCode.USAGE, run("import", bib.toString(), "--encoding", "klingon")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertTrue(err().startsWith("error: --encoding klingon is not an encoding"), err()); //$NON-NLS-1$
	}

	@Test
	void theEncodingCanBeNamedAndABadByteIsReportedWhereItIs() throws Exception {
		Path bib = dir.resolve("latin.bib"); //$NON-NLS-1$
		byte[] utf8 = "@article{a, title = {M\u00fcller}}\n@article{b, title = {Caf".getBytes( //$NON-NLS-1$
				java.nio.charset.StandardCharsets.UTF_8);
		byte[] all = java.util.Arrays.copyOf(utf8, utf8.length + 4);
		all[utf8.length] = (byte) 0xE9; // windows-1252
		all[utf8.length + 1] = '}';
		all[utf8.length + 2] = '}';
		all[utf8.length + 3] = '\n';
		Files.write(bib, all);
		assertEquals(ExitCode.OK, run("import", bib.toString()), err()); //$NON-NLS-1$
		assertTrue(err().startsWith("problem: latin.bib:2:25: the file is UTF-8 but byte 0xE9 here is not valid UTF-8"), //$NON-NLS-1$
				err());
		Path corpus = dir.resolve("c.jsonl"); //$NON-NLS-1$
		assertEquals(ExitCode.OK, run("import", bib.toString(), "--into", corpus.toString()), err()); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(List.of("M\u00fcller", "Caf\u00e9"), //$NON-NLS-1$ //$NON-NLS-2$
				JsonlCorpus.load(corpus).papers().stream().map(Paper::title).toList());
	}

	@Test
	void exportOfTheDefaultCorpusByName() throws Exception {
		Path out = dir.resolve("default.bib"); //$NON-NLS-1$
		assertEquals(ExitCode.OK, run("export", "--format", "bibtex", "--corpus", "default", "--out", out.toString()), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
				err());
		List<Paper> back = Importer.importFiles(List.of(out), true).papers();
		assertEquals(DefaultCorpus.get().papers().size(), back.size());
	}
}
