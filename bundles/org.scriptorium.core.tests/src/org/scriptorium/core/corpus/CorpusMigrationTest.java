package org.scriptorium.core.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.PaperIds;

/** Corpus format version 2 (issue 14): version 1 files open as they are and are written as version 2 when saved. */
class CorpusMigrationTest {

	@TempDir
	Path dir;

	@Test
	void aVersion1FileOpensAndIsMigratedOnTheNextSave() throws Exception {
		Path file = dir.resolve("old.jsonl"); //$NON-NLS-1$
		String v1 = """
				{"format":"scriptorium-corpus","version":1,"papers":2}
				{"id":"arxiv:1701.06538","title":"Outrageously Large Neural Networks","authors":[{"given":"Noam","family":"Shazeer"}],"year":2017,"venue":"ICLR","ids":{"arxiv":"1701.06538"},"keywords":["moe"],"provenance":[{"source":"import:a.bib","time":"2024-01-02T03:04:05Z","fields":["title","authors"]}]}
				{"id":"title:plain","title":"Plain","referenceOnly":true}
				""";
		Files.writeString(file, v1, StandardCharsets.UTF_8);
		JsonlCorpus old = JsonlCorpus.load(file);
		assertEquals(2, old.papers().size());
		Paper p = old.papers().get(0);
		assertEquals(List.of(new Author("Noam", "Shazeer")), p.authors());
		assertTrue(p.type().isEmpty() && p.fields().isEmpty() && p.names().isEmpty());
		old.save(file);
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		assertEquals("{\"format\":\"scriptorium-corpus\",\"version\":2,\"papers\":2}", lines.get(0)); //$NON-NLS-1$
		// the papers' lines are unchanged: version 2 only adds optional fields
		assertEquals(v1.lines().toList().subList(1, 3), lines.subList(1, 3));
		assertEquals(old.papers(), JsonlCorpus.load(file).papers());
	}

	@Test
	void theBibliographicPartIsWrittenAndReadBack() throws Exception {
		Paper p = Paper.builder("doi:10.1/x", "A Chapter").type("incollection") //$NON-NLS-1$ //$NON-NLS-2$
				.authors(List.of(new Author("Ada", "Lovelace"))).year(1843).venue("Sketch of the Analytical Engine") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				.ids(new PaperIds(null, "10.1/x", null, null, null, "lovelace1843")) //$NON-NLS-1$ //$NON-NLS-2$
				.names(Map.of("editor", List.of(new Author("Richard", "Taylor")))) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				.field("pages", "666\u2013731").field("publisher", "R. and J. E. Taylor").field("x-odd:name", "kept") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
				.build();
		Paper untitled = Paper.builder("key:b", "").type("misc").field("note", "no title").build(); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
		Path file = dir.resolve("new.jsonl"); //$NON-NLS-1$
		JsonlCorpus.write(file, List.of(p, untitled));
		String text = Files.readString(file);
		assertTrue(text.contains("\"type\":\"incollection\""), text); //$NON-NLS-1$
		assertTrue(text.contains("\"names\":{\"editor\":[{\"given\":\"Richard\",\"family\":\"Taylor\"}]}"), text); //$NON-NLS-1$
		assertTrue(text.contains("\"fields\":{\"pages\":\"666\u2013731\",\"publisher\":\"R. and J. E. Taylor\",\"x-odd:name\":\"kept\"}"), //$NON-NLS-1$
				text);
		assertTrue(text.contains("\"title\":\"\",\"incomplete\":true"), text); //$NON-NLS-1$
		List<Paper> back = JsonlCorpus.load(file).papers();
		assertEquals(List.of(p, untitled), back);
		assertTrue(back.get(1).isIncomplete());
		assertEquals(List.of("pages", "publisher", "x-odd:name"), List.copyOf(back.get(0).fields().keySet())); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}
}
