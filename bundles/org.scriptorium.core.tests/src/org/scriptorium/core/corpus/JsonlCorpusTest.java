package org.scriptorium.core.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.core.io.ImportException;
import org.scriptorium.core.io.ImportProblem;
import org.scriptorium.core.model.Paper;

class JsonlCorpusTest {

	@TempDir
	Path dir;

	@Test
	void defaultCorpusRoundTripsThroughAFile() throws Exception {
		List<Paper> papers = DefaultCorpus.get().papers();
		Path file = dir.resolve("corpus.jsonl");
		new JsonlCorpus("mine", papers).save(file);
		JsonlCorpus back = JsonlCorpus.load(file);
		assertEquals(papers, back.papers());
		assertEquals("corpus.jsonl", back.name());
		assertEquals(papers.get(3), back.find(papers.get(3).id()).orElseThrow());
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		assertEquals(papers.size() + 1, lines.size());
		assertTrue(lines.get(0).startsWith("{\"format\":\"scriptorium-corpus\",\"version\":2,"), lines.get(0));
		assertTrue(lines.get(1).startsWith("{\"id\":\"" + papers.get(0).id() + "\",\"title\":"), lines.get(1));
	}

	@Test
	void writingIsStable() throws Exception {
		List<Paper> papers = DefaultCorpus.get().papers();
		StringWriter a = new StringWriter();
		StringWriter b = new StringWriter();
		JsonlCorpus.writeTo(a, papers);
		Path file = dir.resolve("c.jsonl");
		Files.writeString(file, a.toString());
		JsonlCorpus.writeTo(b, JsonlCorpus.load(file).papers());
		assertEquals(a.toString(), b.toString());
	}

	@Test
	void badLinesAreReportedWithFileAndLine() throws Exception {
		Path file = dir.resolve("bad.jsonl");
		Files.writeString(file, String.join("\n", //
				"{\"format\":\"scriptorium-corpus\",\"version\":1}", //
				"{\"id\":\"a\",\"title\":\"A paper\"}", //
				"{\"id\":\"b\",\"title\":", //
				"{\"id\":\"c\"}", //
				"{\"id\":\"a\",\"title\":\"Again\"}", //
				"{\"id\":\"d\",\"title\":\"D\",\"year\":\"soon\"}") + "\n");
		ImportException e = assertThrows(ImportException.class, () -> JsonlCorpus.load(file));
		List<ImportProblem> problems = e.problems();
		assertEquals(List.of(3, 4, 5, 6), problems.stream().map(ImportProblem::line).toList(), problems.toString());
		for (ImportProblem p : problems) {
			assertEquals("bad.jsonl", p.file());
		}
		assertTrue(problems.get(1).message().contains("title"), problems.get(1).message());
		assertTrue(problems.get(2).message().contains("line 2"), problems.get(2).message());
		assertTrue(e.getMessage().startsWith("bad.jsonl:3: "), e.getMessage());
	}

	@Test
	void aFileWithoutHeaderOrFromTheFutureIsRefused() throws Exception {
		Path noHeader = dir.resolve("plain.jsonl");
		Files.writeString(noHeader, "{\"id\":\"a\",\"title\":\"A paper\"}\n");
		ImportException e = assertThrows(ImportException.class, () -> JsonlCorpus.load(noHeader));
		assertEquals(1, e.problems().get(0).line());
		assertTrue(e.getMessage().contains("not a Scriptorium corpus file"), e.getMessage());

		Path future = dir.resolve("future.jsonl");
		Files.writeString(future, "{\"format\":\"scriptorium-corpus\",\"version\":99}\n");
		e = assertThrows(ImportException.class, () -> JsonlCorpus.load(future));
		assertTrue(e.getMessage().contains("newer Scriptorium"), e.getMessage());

		Path empty = dir.resolve("empty.jsonl");
		Files.writeString(empty, "");
		assertThrows(ImportException.class, () -> JsonlCorpus.load(empty));
	}

	@Test
	void aTruncatedFileIsDetectedByTheHeaderCount() throws Exception {
		List<Paper> papers = DefaultCorpus.get().papers().subList(0, 10);
		Path file = dir.resolve("t.jsonl");
		new JsonlCorpus("t", papers).save(file);
		List<String> lines = Files.readAllLines(file);
		Files.write(file, lines.subList(0, 6));
		ImportException e = assertThrows(ImportException.class, () -> JsonlCorpus.load(file));
		assertTrue(e.getMessage().contains("incomplete"), e.getMessage());
	}

	@Test
	void invalidUtf8IsReported() throws IOException {
		Path file = dir.resolve("latin1.jsonl");
		Files.write(file, "{\"format\":\"scriptorium-corpus\",\"version\":1}\n{\"id\":\"a\",\"title\":\"Caf\u00e9\"}\n"
				.getBytes(StandardCharsets.ISO_8859_1));
		ImportException e = assertThrows(ImportException.class, () -> JsonlCorpus.load(file));
		assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
	}

	@Test
	void theHeaderLineTellsACorpusFileFromOtherJsonLines() {
		assertTrue(JsonlCorpus.isHeader("{\"format\":\"scriptorium-corpus\",\"version\":1,\"papers\":2}")); //$NON-NLS-1$
		assertTrue(JsonlCorpus.isHeader("\uFEFF{\"format\":\"scriptorium-corpus\",\"version\":1,\"papers\":0}")); //$NON-NLS-1$
		assertTrue(JsonlCorpus.isHeader("{\"format\":\"scriptorium-corpus\",\"version\":9}"), "a newer version"); //$NON-NLS-1$ //$NON-NLS-2$
		assertFalse(JsonlCorpus.isHeader("{\"_id\":\"0\",\"text\":\"0-dimensional biomaterials\"}"), "BEIR queries"); //$NON-NLS-1$ //$NON-NLS-2$
		assertFalse(JsonlCorpus.isHeader("{\"run\":\"p0000-s1\",\"epoch\":1,\"loss\":0.5}"), "run metrics"); //$NON-NLS-1$ //$NON-NLS-2$
		assertFalse(JsonlCorpus.isHeader("")); //$NON-NLS-1$
		assertFalse(JsonlCorpus.isHeader("not json")); //$NON-NLS-1$
	}
}
