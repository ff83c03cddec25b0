package org.scriptorium.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.corpus.JsonlCorpus;
import org.scriptorium.core.internal.io.CslJsonReader;
import org.scriptorium.core.internal.io.ImportContext;
import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.Provenance;

/**
 * The failure modes of issue 3 for imports: empty, binary, wrongly encoded (Latin-1, windows-1252, UTF-8 with BOM,
 * UTF-16 with and without BOM), truncated and huge files. (A failed import never changing the corpus file is tested
 * through the command line: org.scriptorium.cli.tests, ImportFailureTest.)
 */
class ImportFailureModesTest {

	private static final String TITLE = "Über Benétreau-Dupin’s façade – naïve résumé"; //$NON-NLS-1$
	private static final String LATIN1_TITLE = "Über Benétreau-Dupin's façade: naïve résumé"; //$NON-NLS-1$

	@TempDir
	Path dir;

	private static String csl(String title) {
		return "[\n{\"type\":\"article-journal\",\"title\":\"" + title //$NON-NLS-1$
				+ "\",\"author\":[{\"family\":\"Benétreau-Dupin\"," //$NON-NLS-1$
				+ "\"given\":\"Yann\"}],\"issued\":{\"date-parts\":[[2015]]}}\n]\n"; //$NON-NLS-1$
	}

	private static String atom(String title, String encoding) {
		return "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n" //$NON-NLS-1$ //$NON-NLS-2$
				+ "<entry><id>http://arxiv.org/abs/1503.01162v1</id><title>" + title + "</title>" //$NON-NLS-1$ //$NON-NLS-2$
				+ "<author><name>Yann Benétreau-Dupin</name></author></entry>\n</feed>\n"; //$NON-NLS-1$
	}

	private static String listing(String title) {
		return "new\n\nMar 17\n\n" + title + "\n\n" //$NON-NLS-1$//$NON-NLS-2$
				+ "An abstract with accents (é, ü, ç) that is long enough to be one. ".repeat(3) //$NON-NLS-1$
				+ "\n"; //$NON-NLS-1$
	}

	private Paper importOne(String name, byte[] content) throws ImportException, java.io.IOException {
		Path f = dir.resolve(name);
		Files.write(f, content);
		Importer.ImportResult r = Importer.importFiles(List.of(f), false);
		assertEquals(1, r.papers().size(), name);
		return r.papers().get(0);
	}

	private static byte[] bytes(String text, Charset cs, boolean bom) {
		byte[] body = text.getBytes(cs);
		if (!bom) {
			return body;
		}
		byte[] mark = cs == StandardCharsets.UTF_8
				? new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}
				: cs == StandardCharsets.UTF_16LE
						? new byte[]{(byte) 0xFF, (byte) 0xFE}
						: new byte[]{(byte) 0xFE, (byte) 0xFF};
		byte[] out = Arrays.copyOf(mark, mark.length + body.length);
		System.arraycopy(body, 0, out, mark.length, body.length);
		return out;
	}

	@Test
	void everyEncodingGivesTheSamePaper() throws Exception {
		Charset cp1252 = Charset.forName("windows-1252"); //$NON-NLS-1$
		record Variant(String name, Charset charset, boolean bom) {
		}
		List<Variant> unicode = List.of(new Variant("utf8", StandardCharsets.UTF_8, false), //$NON-NLS-1$
				new Variant("utf8bom", StandardCharsets.UTF_8, true), //$NON-NLS-1$
				new Variant("utf16le-bom", StandardCharsets.UTF_16LE, true), //$NON-NLS-1$
				new Variant("utf16be-bom", StandardCharsets.UTF_16BE, true), //$NON-NLS-1$
				new Variant("utf16le", StandardCharsets.UTF_16LE, false), //$NON-NLS-1$
				new Variant("utf16be", StandardCharsets.UTF_16BE, false), //$NON-NLS-1$
				new Variant("cp1252", cp1252, false)); //$NON-NLS-1$
		for (Variant v : unicode) {
			String xmlEncoding = v.charset() == cp1252
					? "windows-1252" //$NON-NLS-1$
					: v.charset() == StandardCharsets.UTF_8 ? "UTF-8" : "UTF-16"; //$NON-NLS-1$ //$NON-NLS-2$
			Paper csl = importOne(v.name() + ".json", bytes(csl(TITLE), v.charset(), v.bom())); //$NON-NLS-1$
			assertEquals(TITLE, csl.title(), v.name());
			assertEquals(List.of(new Author("Yann", "Benétreau-Dupin")), csl.authors(), v.name()); //$NON-NLS-1$ //$NON-NLS-2$
			Paper xml = importOne(v.name() + ".xml", bytes(atom(TITLE, xmlEncoding), v.charset(), v.bom())); //$NON-NLS-1$
			assertEquals(TITLE, xml.title(), v.name());
			assertEquals("Benétreau-Dupin", xml.firstAuthorFamily(), v.name()); //$NON-NLS-1$
			Paper hf = importOne(v.name() + ".txt", bytes(listing(TITLE), v.charset(), v.bom())); //$NON-NLS-1$
			assertEquals(TITLE, hf.title(), v.name());
			assertTrue(hf.abstractText().orElseThrow().startsWith("An abstract with accents (é, ü, ç)"), v.name()); //$NON-NLS-1$
		}
		// Latin-1 (ISO-8859-1), the legacy encoding of many .bib and .ris files
		assertEquals(LATIN1_TITLE,
				importOne("latin1.json", csl(LATIN1_TITLE).getBytes(StandardCharsets.ISO_8859_1)).title()); //$NON-NLS-1$
		assertEquals(LATIN1_TITLE,
				importOne("latin1.xml", atom(LATIN1_TITLE, "ISO-8859-1").getBytes(StandardCharsets.ISO_8859_1)) //$NON-NLS-1$ //$NON-NLS-2$
						.title());
		assertEquals(LATIN1_TITLE,
				importOne("latin1.txt", listing(LATIN1_TITLE).getBytes(StandardCharsets.ISO_8859_1)).title()); //$NON-NLS-1$
	}

	@Test
	void emptyFilesAreRefusedWithASentence() throws Exception {
		for (Object[] c : new Object[][]{{new byte[0], "the file is empty"}, //$NON-NLS-1$
				{new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "the file is empty"}, //$NON-NLS-1$
				{" \n\t\r\n\n".getBytes(StandardCharsets.US_ASCII), "the file holds only white space"}}) { //$NON-NLS-1$ //$NON-NLS-2$
			Path f = dir.resolve("empty.json"); //$NON-NLS-1$
			Files.write(f, (byte[]) c[0]);
			for (boolean skip : new boolean[]{false, true}) {
				ImportException e = assertThrows(ImportException.class, () -> Importer.importFiles(List.of(f), skip));
				assertEquals("empty.json: " + c[1], e.getMessage()); //$NON-NLS-1$
			}
		}
	}

	@Test
	void binaryFilesAreRefusedWithASentence() throws Exception {
		ByteArrayOutputStream gz = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
			out.write(csl(TITLE).getBytes(StandardCharsets.UTF_8));
		}
		byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
		byte[] controls = new byte[400];
		new Random(3).nextBytes(controls);
		for (int i = 0; i < controls.length; i++) {
			controls[i] = (byte) (1 + Math.floorMod(controls[i], 30)); // control characters but no zero byte
		}
		for (byte[] b : List.of(gz.toByteArray(), png, controls)) {
			Path f = dir.resolve("refs.json"); //$NON-NLS-1$
			Files.write(f, b);
			ImportException e = assertThrows(ImportException.class, () -> Importer.importFiles(List.of(f), true));
			assertTrue(e.getMessage().startsWith("refs.json: this is a binary file, not a bibliography"), //$NON-NLS-1$
					e.getMessage());
		}
	}

	@Test
	void truncatedFilesNameTheLineWhereTheyEnd() throws Exception {
		String two = "[\n" + csl(TITLE).substring(2, csl(TITLE).length() - 3) + ",\n" //$NON-NLS-1$ //$NON-NLS-2$
				+ "{\"type\":\"book\",\"title\":\"Second\",\n\"author\":[{\"family\":\"Fedus\"}]}\n]\n"; //$NON-NLS-1$
		Path f = dir.resolve("cut.json"); //$NON-NLS-1$
		Files.writeString(f, two.substring(0, two.indexOf("\"author\":[{\"family\":\"Fedus"))); //$NON-NLS-1$
		ImportException e = assertThrows(ImportException.class, () -> Importer.importFiles(List.of(f), true));
		assertEquals(1, e.problems().size());
		assertEquals(4, e.problems().get(0).line(), e.getMessage());
		assertTrue(e.getMessage().contains("is the file truncated?"), e.getMessage()); //$NON-NLS-1$

		// JSON Lines: the cut line alone is lost, and named
		Path corpus = dir.resolve("cut.jsonl"); //$NON-NLS-1$
		JsonlCorpus.write(corpus, DefaultCorpus.get().papers().subList(0, 5));
		String text = Files.readString(corpus);
		Files.writeString(corpus, text.substring(0, text.length() - 40));
		e = assertThrows(ImportException.class, () -> Importer.importFiles(List.of(corpus), false));
		assertEquals(6, e.problems().get(0).line());
		Importer.ImportResult r = Importer.importFiles(List.of(corpus), true);
		assertEquals(DefaultCorpus.get().papers().subList(0, 4), r.papers());
	}

	@Test
	void hugeFieldsAndFilesAreReadOrRefusedWithASentence() throws Exception {
		// an abstract of 1 MiB is kept whole; a 3 MB one is over the one limit per field of every format (issue 15)
		String abs = "routing ".repeat(131_000).strip(); //$NON-NLS-1$
		Path big = dir.resolve("big.json"); //$NON-NLS-1$
		Files.writeString(big, "[{\"type\":\"book\",\"title\":\"Huge\",\"abstract\":\"" + abs + "\"}]"); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(abs.length(),
				Importer.importFiles(List.of(big), false).papers().get(0).abstractText().orElseThrow().length());
		Files.writeString(big, "[{\"type\":\"book\",\"title\":\"Huge\",\"abstract\":\"" + abs.repeat(3) + "\"}]"); //$NON-NLS-1$ //$NON-NLS-2$
		ImportException tooBig = assertThrows(ImportException.class, () -> Importer.importFiles(List.of(big), false));
		assertEquals("big.json:1: the field \"abstract\" is longer than the limit of 1 MiB (1,048,576 characters) " //$NON-NLS-1$
				+ "per field; the record is skipped", tooBig.getMessage()); //$NON-NLS-1$
		// a long JSON Lines file is read line by line: 30,000 Semantic Scholar records
		StringBuilder lines = new StringBuilder();
		for (int i = 0; i < 30_000; i++) {
			lines.append("{\"paperId\":\"p").append(i).append("\",\"title\":\"Paper ").append(i) //$NON-NLS-1$ //$NON-NLS-2$
					.append("\",\"year\":2020,\"authors\":[{\"name\":\"Ada Lovelace\"}],\"abstract\":\"") //$NON-NLS-1$
					.append("text ".repeat(40)).append("\"}\n"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		Path many = dir.resolve("many.jsonl"); //$NON-NLS-1$
		Files.writeString(many, lines);
		Importer.ImportResult r = Importer.importFiles(List.of(many), false);
		assertEquals(30_000, r.papers().size());
		assertEquals("Paper 29999", r.papers().get(29_999).title()); //$NON-NLS-1$
		// a document format larger than the limit is refused before it fills the memory (the limit made small here)
		ImportContext ctx = new ImportContext("huge.json", new Provenance("test", Instant.EPOCH), 1_000); //$NON-NLS-1$ //$NON-NLS-2$
		ImportContext.Fatal fatal = assertThrows(ImportContext.Fatal.class,
				() -> new CslJsonReader().read(new StringReader("[" + csl(TITLE).repeat(50) + "]"), ctx)); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(fatal.getMessage().startsWith("the file is too large for this format"), fatal.getMessage()); //$NON-NLS-1$
		assertTrue(Importer.MAX_CHARS >= 1L << 28);
	}
}
