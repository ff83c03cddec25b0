package org.scriptorium.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** RIS import and export on hand-written inputs that pin one behaviour each. */
class RisTest {

	@TempDir
	Path dir;

	private Path file(String name, String text) throws Exception {
		Path f = dir.resolve(name);
		Files.writeString(f, text, StandardCharsets.UTF_8);
		return f;
	}

	@Test
	void tagsRepeatedTagsAndContinuationLinesAreMapped() throws Exception {
		Path f = file("refs.ris", """
				TY  - JOUR
				ID  - fedus2022
				T1  - Switch Transformers: Scaling to Trillion
				Parameter Models
				AU  - Fedus, William
				AU  - Barret Zoph
				A1  - Google Research,
				PY  - 2022/01/15/
				JO  - J. Mach. Learn. Res.
				T2  - Journal of Machine Learning Research
				DO  - 10.5555/3586589.3586709
				UR  - https://arxiv.org/abs/2101.03961v3
				UR  - https://jmlr.org/papers/v23/21-0998.html
				KW  - mixture of experts
				KW  - sparsity
				N2  - In deep learning,
				  models reuse parameters.
				ER  -\s

				TY  - CONF
				TI  - Second
				DA  - 2023///
				AN  - PMID:12345
				ER  -
				""");
		List<Paper> papers = Importer.importFiles(List.of(f), false).papers();
		assertEquals(2, papers.size());
		Paper p = papers.get(0);
		assertEquals("Switch Transformers: Scaling to Trillion Parameter Models", p.title()); //$NON-NLS-1$
		assertEquals(List.of(new Author("William", "Fedus"), new Author("Barret", "Zoph"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				new Author("", "Google Research")), p.authors()); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(2022, p.year().orElseThrow());
		assertEquals("Journal of Machine Learning Research", p.venue().orElseThrow()); //$NON-NLS-1$
		assertEquals(new PaperIds("2101.03961", "10.5555/3586589.3586709", null, null, null, "fedus2022"), p.ids()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals(List.of("https://arxiv.org/abs/2101.03961v3", "https://jmlr.org/papers/v23/21-0998.html"), //$NON-NLS-1$//$NON-NLS-2$
				p.urls());
		assertEquals(List.of("mixture of experts", "sparsity"), p.keywords()); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("In deep learning, models reuse parameters.", p.abstractText().orElseThrow()); //$NON-NLS-1$
		assertEquals(2023, papers.get(1).year().orElseThrow());
		assertEquals("12345", papers.get(1).ids().pubmed()); //$NON-NLS-1$
	}

	@Test
	void badRecordsNameFileAndLineAndSkipModeKeepsTheRest() throws Exception {
		Path f = file("bad.ris", """
				TY  - JOUR
				TI  - Good one
				ER  -
				TY  - JOUR
				AU  - Nobody, A.
				ER  -
				TY  - JOUR
				TI  - Never closed
				TY  - JOUR
				TI  - Good two
				ER  -
				TY  - JOUR
				TI  - Truncated
				""");
		ImportException e = assertThrows(ImportException.class, () -> Importer.importFiles(List.of(f), false));
		assertEquals(List.of("bad.ris:4: the record has no title (TI or T1); it is imported, marked incomplete", //$NON-NLS-1$
				"bad.ris:7: the record has no \"ER  - \" line before the next record on line 9; it is skipped", //$NON-NLS-1$
				"bad.ris:12: the file ends inside this record (no \"ER  - \" line; is the file truncated?); it is skipped"), //$NON-NLS-1$
				e.problems().stream().map(ImportProblem::toString).toList());
		Importer.ImportResult r = Importer.importFiles(List.of(f), true);
		// the record without a title is imported, marked incomplete (issue 14); the broken ones are skipped
		assertEquals(List.of("Good one", "", "Good two"), r.papers().stream().map(Paper::title).toList()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertTrue(r.papers().get(1).isIncomplete());
		assertEquals("Nobody", r.papers().get(1).firstAuthorFamily()); //$NON-NLS-1$
		assertEquals(e.problems(), r.problems());
	}

	@Test
	void exportWritesOneTagPerLineInAStableOrder() {
		Paper p = Paper.builder("x", "Sparse\n  experts").authors(List.of(new Author("J\u00f6rg", "M\u00fcller"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				new Author("", "Google Research"))).year(2024).venue("ICML 2024") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				.ids(new PaperIds("2401.00001", "10.1/x", null, null, null, "key1")).keywords(List.of("moe")) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				.abstractText("Line one.\nLine two.").build(); //$NON-NLS-1$
		assertEquals("""
				TY  - CONF
				ID  - key1
				TI  - Sparse experts
				AU  - M\u00fcller, J\u00f6rg
				AU  - Google Research,
				PY  - 2024
				T2  - ICML 2024
				DO  - 10.1/x
				AN  - arXiv:2401.00001
				KW  - moe
				AB  - Line one. Line two.
				ER  -\s
				""", Exporter.toString(List.of(p), Format.RIS)); //$NON-NLS-1$
	}
}
