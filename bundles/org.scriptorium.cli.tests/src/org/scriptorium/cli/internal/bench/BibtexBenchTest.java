package org.scriptorium.cli.internal.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.cli.internal.Resources;
import org.scriptorium.cli.internal.CliRun;
import org.scriptorium.cli.internal.ExitCode;

/** The BibTeX benchmarks of issue 14: {@code bench import --format bibtex} and {@code bench fidelity DIR}. */
class BibtexBenchTest {

	private final CliRun cli = new CliRun();

	@Test
	void theSyntheticBibtexFileIsImportedWholeWithUniqueKeys(@TempDir Path dir) {
		// 2,500 entries written in chunks of 1,000: the cite keys must be unique over the whole file, or the strict
		// import refuses it (a key repeated in a later chunk)
		assertEquals(ExitCode.OK, cli.run("bench", "import", "--format", "bibtex", "--papers", "2500", "--rounds", "1", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$
				"--dir", dir.toString()), cli.err()); //$NON-NLS-1$
		assertTrue(cli.out().contains("| round 1: jbibtex parse / import | "), cli.out()); //$NON-NLS-1$
		assertTrue(cli.out().contains("(2,500 entries)") && cli.out().contains("(2,500 papers)"), cli.out()); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(cli.out().contains("| papers imported / problems | 2,500 / 0 |"), cli.out()); //$NON-NLS-1$
		assertTrue(cli.out().contains("| **import time / jbibtex parse time** | **"), cli.out()); //$NON-NLS-1$
	}

	@Test
	void fidelityCountsTheFieldsAndTypesThatSurviveAnImportAndAnExport(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("a.bib"), """
				@string{jmlr = "Journal of Machine Learning Research"}
				@article{fedus2022,
				  author = {Fedus, William and Zoph, Barret},
				  title = {Switch Transformers},
				  journal = jmlr,
				  year = {2022},
				  volume = {23},
				  pages = {1--39},
				  doi = {10.5555/sw},
				  x-custom = {kept verbatim}
				}

				@thesis{lepikhin2020,
				  author = {Lepikhin, Dmitry},
				  title = {GShard},
				  institution = {Google},
				  year = {2020}
				}

				@misc{fedus2022again,
				  author = {Fedus, William},
				  title = {Switch Transformers (preprint)},
				  doi = {10.5555/SW},
				  note = {the same paper by its DOI}
				}
				""", StandardCharsets.UTF_8); //$NON-NLS-1$ //$NON-NLS-2$
		Files.write(dir.resolve("binary.bib"), new byte[]{0, 1, 2, 0, 0, 7, 0}); //$NON-NLS-1$
		Files.writeString(dir.resolve("notes.txt"), "not a .bib file"); //$NON-NLS-1$ //$NON-NLS-2$

		assertEquals(ExitCode.OK, cli.run("bench", "fidelity", dir.toString()), cli.err()); //$NON-NLS-1$ //$NON-NLS-2$
		String out = cli.out();
		// 3 entries with 8 + 4 + 4 fields; the third merges into the first by its DOI, so its note is judged by the
		// first's exported entry (which has no note: the merge keeps the first paper's fields)
		assertTrue(out.contains(": 2 .bib files"), out); //$NON-NLS-1$
		assertTrue(out.contains("| a.bib | 3 | "), out); //$NON-NLS-1$
		assertTrue(
				out.contains("| binary.bib | ? | - | - | refused: ") //$NON-NLS-1$
						|| out.contains("| binary.bib | 0 | - | - | refused: "), //$NON-NLS-1$
				out);
		assertTrue(out.contains("| files | 2 (refused by the import: 1; jbibtex cannot read, not counted: 0) |"), out); //$NON-NLS-1$
		assertTrue(out.contains("| entries (as jbibtex reads them) | 3 (1 merged into another as duplicates) |"), out); //$NON-NLS-1$
		assertTrue(out.contains("| **entry types kept** | **2 of 3 = 66.7 %** |"), out); //$NON-NLS-1$
		assertTrue(out.matches("(?s).*\\| \\*\\*\\(entry, field\\) pairs kept\\*\\* \\| \\*\\*1[0-9] of 16 = .*"), out); //$NON-NLS-1$

		assertEquals(ExitCode.USAGE, cli.run("bench", "fidelity", dir.resolve("a.bib").toString())); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertTrue(cli.err().startsWith("error: "), cli.err()); //$NON-NLS-1$
	}

	/**
	 * Entries without a cite key ({@code @article{,}, as Mendeley exports them; a copy of Better BibTeX's fixture) are
	 * imported and exported with a generated key: the measure finds them by the paper read from them, so they count as
	 * kept (they were counted as lost, nearly all of the loss of the Better BibTeX folder).
	 */
	@Test
	void entriesWithoutACiteKeyAreJudgedByThePaperReadFromThem(@TempDir Path dir) throws Exception {
		Resources.copy("mendeley-keyless", dir, "mendeley-keyless.bib"); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(ExitCode.OK, cli.run("bench", "fidelity", dir.toString()), cli.err()); //$NON-NLS-1$ //$NON-NLS-2$
		String out = cli.out();
		// 3 entries without a key (9 + 8 + 7 fields) and one with a key (8 fields)
		assertTrue(out.contains("| mendeley-keyless.bib | 4 | 32 / 32 | 4 / 4 |"), out); //$NON-NLS-1$
	}
}
