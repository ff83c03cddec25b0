package org.scriptorium.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.core.model.Paper;

/**
 * Issue 15's reader items, each on a bounded input: macro expansion limits, crossref/xdata cycles, bytes that are not
 * valid in the file's encoding, the one size limit per field, linear RIS continuation lines, input-controlled nesting
 * read without recursion, and corpus files checked by import as by export.
 */
class ReaderLimitsTest {

	@TempDir
	Path dir;

	private Path write(String name, String text) throws Exception {
		Path f = dir.resolve(name);
		Files.writeString(f, text, StandardCharsets.UTF_8);
		return f;
	}

	@Test
	void theMacroBombIsOneProblemNamingTheLimit() throws Exception {
		StringBuilder b = new StringBuilder("@string{s0 = \"lol\"}\n"); //$NON-NLS-1$
		for (int n = 1; n <= 40; n++) {
			b.append("@string{s").append(n).append(" = s").append(n - 1).append(" # s").append(n - 1).append("}\n"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		}
		b.append("@article{bomb, title = s40, year = 2024}\n"); //$NON-NLS-1$
		Path f = write("bomb.bib", b.toString()); //$NON-NLS-1$
		ImportException strict = assertThrows(ImportException.class, () -> Importer.importFiles(List.of(f), false));
		ImportProblem first = strict.problems().get(0);
		// s19 is the first to pass 1 MiB (3 x 2^19 characters); everything built on it is refused with it
		assertEquals("bomb.bib:20:1: the @string \"s19\" is refused: the value is longer than the limit of 1 MiB " //$NON-NLS-1$
				+ "(1,048,576 characters) per field", first.toString());
		assertEquals(List.of("bomb.bib:42: the entry \"bomb\" uses the string \"s40\", which was refused on line 20"), //$NON-NLS-1$
				strict.problems().subList(1, strict.problems().size()).stream().map(ImportProblem::toString).toList());
		Importer.ImportResult lenient = Importer.importFiles(List.of(f), true);
		assertEquals("s40", lenient.papers().get(0).title()); //$NON-NLS-1$
	}

	@Test
	void macrosNestAtMost64Deep() throws Exception {
		StringBuilder b = new StringBuilder("@string{m0 = \"x\"}\n"); //$NON-NLS-1$
		for (int n = 1; n <= 70; n++) {
			b.append("@string{m").append(n).append(" = m").append(n - 1).append(" # \"y\"}\n"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		b.append("@misc{deep, title = m70}\n"); //$NON-NLS-1$
		Importer.ImportResult r = Importer.importFiles(List.of(write("deep.bib", b.toString())), true); //$NON-NLS-1$
		assertTrue(r.problems().get(0).toString().startsWith("deep.bib:66:1: the @string \"m65\" is refused: macros nest " //$NON-NLS-1$
				+ "65 deep, more than the limit of 64"), r.problems().toString());
		assertEquals(2, r.problems().size(), r.problems().toString());
	}

	@Test
	void crossrefAndXdataCyclesAreReportedNotFollowedForever() throws Exception {
		Path f = write("cycles.bib", """
				@inproceedings{a, title = {A}, crossref = {a}}
				@inproceedings{b, title = {B}, crossref = {c}}
				@proceedings{c, title = {C}, crossref = {b}, publisher = {P}}
				@article{d, title = {D}, xdata = {e}}
				@xdata{e, xdata = {d}, journal = {J}}
				""");
		Importer.ImportResult r = Importer.importFiles(List.of(f), true);
		assertEquals(List.of("A", "B", "C", "D", "D"), r.papers().stream().map(Paper::title).toList()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
		assertEquals("P", r.papers().get(1).field("publisher").orElseThrow(), "the parent's fields are taken once"); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("J", r.papers().get(3).venue().orElseThrow()); //$NON-NLS-1$
		assertTrue(r.problems().stream().anyMatch(p -> p.line() == 1 && p.message().contains("cycle")), //$NON-NLS-1$
				r.problems().toString());
		assertTrue(r.problems().stream().anyMatch(p -> p.line() == 2 && p.message().contains("cycle")), //$NON-NLS-1$
				r.problems().toString());
		// a chain of 1,000 crossrefs is cut at 64 ancestors, each entry reported once
		StringBuilder chain = new StringBuilder();
		for (int i = 0; i < 1_000; i++) {
			chain.append("@misc{k").append(i).append(", title = {T").append(i).append("}, crossref = {k").append(i + 1) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
					.append("}}\n"); //$NON-NLS-1$
		}
		Importer.ImportResult c = Importer.importFiles(List.of(write("chain.bib", chain.toString())), true); //$NON-NLS-1$
		assertEquals(1_000, c.papers().size());
		assertTrue(c.problems().get(0).message().contains("more than 64 crossref/xdata ancestors"), //$NON-NLS-1$
				c.problems().get(0).toString());
	}

	@Test
	void anInvalidUtf8ByteIsReportedWithLineAndColumnAndNothingElseIsMisread() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write("@article{a,\n  title = {Caf\u00e9 M\u00fcller},\n  note = {x".getBytes(StandardCharsets.UTF_8)); //$NON-NLS-1$
		out.write(0xE9); // a windows-1252 é in a UTF-8 file
		out.write("t\u00e9}\n}\n".getBytes(StandardCharsets.UTF_8)); //$NON-NLS-1$
		Path f = dir.resolve("mixed.bib"); //$NON-NLS-1$
		Files.write(f, out.toByteArray());
		ImportException strict = assertThrows(ImportException.class, () -> Importer.importFiles(List.of(f), false));
		ImportProblem p = strict.problems().get(0);
		assertEquals(3, p.line());
		assertEquals(12, p.column());
		assertTrue(p.message().startsWith("the file is UTF-8 but byte 0xE9 here is not valid UTF-8"), p.message()); //$NON-NLS-1$
		Paper paper = Importer.importFiles(List.of(f), true).papers().get(0);
		assertEquals("Caf\u00e9 M\u00fcller", paper.title(), "no double decoding: the UTF-8 text stays right"); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("x\u00e9t\u00e9", paper.field("note").orElseThrow()); //$NON-NLS-1$
		// the user names the encoding: a windows-1252 file read as such has no problem
		Path legacy = dir.resolve("legacy.bib"); //$NON-NLS-1$
		Files.write(legacy, "@article{b, title = {Caf\u00e9}}\n".getBytes(Charset.forName("windows-1252"))); //$NON-NLS-1$ //$NON-NLS-2$
		Importer.ImportResult named = Importer.importFiles(List.of(legacy),
				new Importer.Options(true, Charset.forName("windows-1252"))); //$NON-NLS-1$
		assertEquals("Caf\u00e9", named.papers().get(0).title()); //$NON-NLS-1$
		// and a UTF-8 file read as ISO-8859-1 on the user's word is decoded so, once
		Path utf8 = write("utf8.bib", "@article{c, title = {Caf\u00e9}}\n"); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("Caf\u00c3\u00a9", Importer.importFiles(List.of(utf8), //$NON-NLS-1$
				new Importer.Options(true, StandardCharsets.ISO_8859_1)).papers().get(0).title());
		// a byte not valid in the named encoding is a problem with its place
		ImportException bad = assertThrows(ImportException.class,
				() -> Importer.importFiles(List.of(f), new Importer.Options(true, StandardCharsets.UTF_8)));
		assertEquals("mixed.bib:3:12", bad.problems().get(0).toString().substring(0, 14)); //$NON-NLS-1$
	}

	@Test
	void everyFormatHasTheSameLimitPerField() throws Exception {
		String big = "word ".repeat(250_000); // 1.25 M characters //$NON-NLS-1$
		Path bib = write("big.bib", "@article{a, title = {Fine}}\n@article{b, title = {Big}, abstract = {" + big //$NON-NLS-1$ //$NON-NLS-2$
				+ "}}\n@article{c, title = {Also fine}}\n"); //$NON-NLS-1$
		Importer.ImportResult r = Importer.importFiles(List.of(bib), true);
		assertEquals(List.of("Fine", "Also fine"), r.papers().stream().map(Paper::title).toList()); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(r.problems().get(0).message().contains("1 MiB (1,048,576 characters) per field"), //$NON-NLS-1$
				r.problems().toString());
		// RIS: a value continued over 250,000 lines is joined in linear time, and refused at the same limit
		StringBuilder ris = new StringBuilder("TY  - JOUR\nTI  - Long\nAB  - start\n"); //$NON-NLS-1$
		for (int i = 0; i < 250_000; i++) {
			ris.append("more text\n"); //$NON-NLS-1$
		}
		ris.append("ER  - \nTY  - JOUR\nTI  - Short\nER  - \n"); //$NON-NLS-1$
		Importer.ImportResult rr = Importer.importFiles(List.of(write("long.ris", ris.toString())), true); //$NON-NLS-1$
		assertEquals(List.of("Short"), rr.papers().stream().map(Paper::title).toList()); //$NON-NLS-1$
		assertEquals("long.ris:1: the tag \"AB\" holds a value longer than the limit of 1 MiB (1,048,576 characters) " //$NON-NLS-1$
				+ "per field; the record is skipped", rr.problems().get(0).toString());
		// under the limit, the joined value is whole
		StringBuilder ok = new StringBuilder("TY  - JOUR\nTI  - Long\nAB  - start\n"); //$NON-NLS-1$
		for (int i = 0; i < 90_000; i++) {
			ok.append("more text\n"); //$NON-NLS-1$
		}
		ok.append("ER  - \n"); //$NON-NLS-1$
		Paper p = Importer.importFiles(List.of(write("ok.ris", ok.toString())), false).papers().get(0); //$NON-NLS-1$
		assertEquals("start".length() + 90_000 * " more text".length(), p.abstractText().orElseThrow().length()); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Test
	void nestingTheInputControlsIsReadWithoutRecursion() throws Exception {
		String deep = "{".repeat(40_000) + "x" + "}".repeat(40_000); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		Path f = write("nested.bib", "@article{a, title = {Nested " + deep + "}}\n@article{b, title = {B}}\n"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		Importer.ImportResult r = Importer.importFiles(List.of(f), true);
		assertEquals(List.of("Nested x", "B"), r.papers().stream().map(Paper::title).toList()); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Test
	void corpusFilesAreCheckedByImportAsByExport() throws Exception {
		Path wrongCount = write("short.jsonl", """
				{"format":"scriptorium-corpus","version":2,"papers":27}
				{"id":"a","title":"A"}
				""");
		Path future = write("future.jsonl", """
				{"format":"scriptorium-corpus","version":99,"papers":1}
				{"id":"a","title":"A"}
				""");
		for (Path f : List.of(wrongCount, future)) {
			ImportException load = assertThrows(ImportException.class, () -> org.scriptorium.core.corpus.JsonlCorpus.load(f));
			for (boolean skip : new boolean[]{false, true}) {
				ImportException imp = assertThrows(ImportException.class, () -> Importer.importFiles(List.of(f), skip));
				assertEquals(load.problems().get(0).message(), imp.problems().get(0).message());
			}
		}
	}
}
