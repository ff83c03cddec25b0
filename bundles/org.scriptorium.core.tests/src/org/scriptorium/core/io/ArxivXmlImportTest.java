package org.scriptorium.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.core.internal.io.FormatDetector;
import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.Paper;

/** The arXiv API Atom feeds and OAI-PMH responses: real fixtures, error answers and hardened XML. */
class ArxivXmlImportTest {

	private static final String ATOM_2019 = "arxiv/atom/arxiv_api_atom_2019_all-science.xml"; //$NON-NLS-1$
	private static final String ATOM_2025 = "arxiv/atom/arxiv_api_atom_2025_all-electron.xml"; //$NON-NLS-1$

	@TempDir
	Path dir;

	private static Paper byArxiv(List<Paper> papers, String arxiv) {
		return papers.stream().filter(p -> arxiv.equals(p.ids().arxiv())).findFirst()
				.orElseThrow(() -> new AssertionError(arxiv + " not in " + papers)); //$NON-NLS-1$
	}

	@Test
	void atomFeedOf2019IsImportedWithEveryField() throws Exception {
		Importer.ImportResult r = Importer.importFiles(List.of(Fixtures.copy(ATOM_2019, dir)), false);
		assertEquals(10, r.papers().size());
		assertTrue(r.problems().isEmpty());
		Paper p = byArxiv(r.papers(), "1503.01162"); //$NON-NLS-1$
		assertEquals("arxiv:1503.01162", p.id()); //$NON-NLS-1$
		assertEquals("Report on a Boston University Conference December 7-8, 2012 on 'How Can the History and " //$NON-NLS-1$
				+ "Philosophy of Science Contribute to Contemporary U.S. Science Teaching?'", p.title()); //$NON-NLS-1$
		assertEquals(List.of(new Author("Peter", "Garik"), new Author("Yann", "Benétreau-Dupin")), p.authors()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		assertEquals(2015, p.year().orElseThrow());
		assertEquals("10.1007/s11191-014-9716-8", p.ids().doi()); //$NON-NLS-1$
		assertEquals("Science & Education, September 2014, 23(9): 1853-1873", p.venue().orElseThrow()); //$NON-NLS-1$
		assertEquals("physics.ed-ph", p.keywords().get(0)); //$NON-NLS-1$
		assertTrue(p.keywords().contains("physics.hist-ph"), p.keywords().toString()); //$NON-NLS-1$
		assertTrue(p.abstractText().orElseThrow().startsWith("This is an editorial report on the outcomes")); //$NON-NLS-1$
		assertFalse(p.abstractText().orElseThrow().contains("\n")); //$NON-NLS-1$
		assertEquals(List.of("http://arxiv.org/abs/1503.01162v1", "http://arxiv.org/pdf/1503.01162v1"), p.urls()); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(p.provenance().get(Paper.ABSTRACT).source().contains("arxiv_api_atom_2019_all-science.xml")); //$NON-NLS-1$
		// an old-style id
		Paper old = byArxiv(r.papers(), "quant-ph/0210005"); //$NON-NLS-1$
		assertEquals(2002, old.year().orElseThrow());
	}

	@Test
	void atomFeedOf2025IsImported() throws Exception {
		Importer.ImportResult r = Importer.importFiles(List.of(Fixtures.copy(ATOM_2025, dir)), false);
		assertEquals(10, r.papers().size());
		Paper p = byArxiv(r.papers(), "cond-mat/0011267"); //$NON-NLS-1$
		assertEquals("The electronic structure of cuprates from high energy spectroscopy", p.title()); //$NON-NLS-1$
		assertEquals(8, p.authors().size());
		assertEquals("Golden", p.firstAuthorFamily()); //$NON-NLS-1$
		assertEquals(2000, p.year().orElseThrow());
		assertEquals("J. Electron Spectr. Relat. Phenom. 117-118, 203 (2001)", p.venue().orElseThrow()); //$NON-NLS-1$
		assertEquals(List.of("cond-mat.supr-con", "cond-mat.str-el"), p.keywords()); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(p.abstractText().orElseThrow().contains("(1D->2D)"), p.abstractText().get()); //$NON-NLS-1$
	}

	@Test
	void oaiPmhListRecordsAndGetRecordInArxivRawAreImported() throws Exception {
		Importer.ImportResult r = Importer
				.importFiles(List.of(Fixtures.copy("arxiv/oai-pmh/ListRecordsResponse.xml", dir), //$NON-NLS-1$
						Fixtures.copy("arxiv/oai-pmh/GetRecordResponse.xml", dir)), false); //$NON-NLS-1$
		assertEquals(7, r.papers().size());
		Paper p = byArxiv(r.papers(), "0704.0471"); //$NON-NLS-1$
		assertEquals("Density dependence of the symmetry energy and the nuclear equation of state: A Dynamical and " //$NON-NLS-1$
				+ "Statistical model perspective", p.title()); //$NON-NLS-1$
		assertEquals(List.of(new Author("D.V.", "Shetty"), new Author("S.J.", "Yennello"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				new Author("G.A.", "Souliotis")), p.authors()); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(2007, p.year().orElseThrow());
		assertEquals("10.1103/physrevc.76.024606", p.ids().doi(), "the first of the two DOIs"); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("Phys.Rev.C76:024606,2007; Erratum-ibid.C76:039902,2007", p.venue().orElseThrow()); //$NON-NLS-1$
		assertEquals(List.of("nucl-ex", "nucl-th"), p.keywords()); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(p.abstractText().orElseThrow().contains("extremely \" stiff \" and \" soft \" form")); //$NON-NLS-1$
		assertEquals(List.of("https://arxiv.org/abs/0704.0471"), p.urls()); //$NON-NLS-1$
		Paper g = byArxiv(r.papers(), "1302.2146"); //$NON-NLS-1$
		assertEquals(List.of("Berger", "Perelstein", "Saelim", "Tanedo"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				g.authors().stream().map(Author::family).toList());
		assertEquals(2013, g.year().orElseThrow());
		Importer.ImportResult get = Importer.importFiles(List.of(dir.resolve("GetRecordResponse.xml")), false); //$NON-NLS-1$
		assertEquals(1, get.papers().size());
		assertEquals(4, Importer.importFiles(List.of(dir.resolve("GetRecordResponse.xml")), false).papers().get(0) //$NON-NLS-1$
				.authors().size());
	}

	@Test
	void oaiPmhErrorAnswersRefuseTheFileWithTheServersMessage() throws Exception {
		ImportException e = assertThrows(ImportException.class, () -> Importer
				.importFiles(List.of(Fixtures.copy("arxiv/oai-pmh/ErrorResponseBadArgument.xml", dir)), true)); //$NON-NLS-1$
		assertEquals("ErrorResponseBadArgument.xml:5: the OAI-PMH server answered with an error, not records " //$NON-NLS-1$
				+ "(badArgument): Verb 'ListRecords', illegal argument 'identifier'.", e.getMessage()); //$NON-NLS-1$
		for (String f : List.of("ErrorResponseBadResumptionToken.xml", "ErrorResponseBadVerb.xml", //$NON-NLS-1$ //$NON-NLS-2$
				"ErrorResponseIdDoesNotExist.xml")) { //$NON-NLS-1$
			Path file = Fixtures.copy("arxiv/oai-pmh/" + f, dir); //$NON-NLS-1$
			e = assertThrows(ImportException.class, () -> Importer.importFiles(List.of(file), true));
			assertTrue(e.getMessage().contains("answered with an error"), e.getMessage()); //$NON-NLS-1$
		}
		// "no records match" is an empty harvest, not a failure
		Importer.ImportResult none = Importer
				.importFiles(List.of(Fixtures.copy("arxiv/oai-pmh/ErrorResponseNoRecordsMatch.xml", dir)), false); //$NON-NLS-1$
		assertEquals(List.of(), none.papers());
		assertEquals(List.of(), none.problems());
	}

	@Test
	void oaiPmhArxivMetadataFormatIsImportedAndOtherFormatsAreNamed() throws Exception {
		// the arXiv metadata format (metadataPrefix=arXiv) as documented by arXiv's OAI-PMH interface; written here
		Path f = dir.resolve("harvest.xml"); //$NON-NLS-1$
		Files.writeString(f,
				"""
						<?xml version="1.0" encoding="UTF-8"?>
						<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
						<responseDate>2024-01-01T00:00:00Z</responseDate>
						<ListRecords>
						<record><header><identifier>oai:arXiv.org:2101.03961</identifier></header>
						<metadata>
						 <arXiv xmlns="http://arxiv.org/OAI/arXiv/">
						  <id>2101.03961</id><created>2021-01-11</created>
						  <authors><author><keyname>Fedus</keyname><forenames>William</forenames></author>
						   <author><keyname>Zoph</keyname><forenames>Barret</forenames></author>
						   <author><keyname>King</keyname><forenames>Martin Luther</forenames><suffix>Jr</suffix></author></authors>
						  <title>Switch Transformers: Scaling to Trillion Parameter Models with Simple and Efficient Sparsity</title>
						  <categories>cs.LG cs.AI</categories><journal-ref>JMLR 23 (2022)</journal-ref>
						  <abstract>In deep learning, models typically reuse the same parameters.</abstract>
						 </arXiv>
						</metadata></record>
						<record><header status="deleted"><identifier>oai:arXiv.org:2101.00001</identifier></header></record>
						<record><header><identifier>oai:arXiv.org:2101.00002</identifier></header>
						<metadata><oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"><title>x</title></oai_dc:dc></metadata>
						</record>
						</ListRecords>
						</OAI-PMH>
						""");
		ImportException e = assertThrows(ImportException.class, () -> Importer.importFiles(List.of(f), false));
		assertEquals(1, e.problems().size());
		assertEquals(18, e.problems().get(0).line());
		assertTrue(e.getMessage().contains("metadata format <dc>"), e.getMessage()); //$NON-NLS-1$
		assertTrue(e.getMessage().contains("metadataPrefix=arXivRaw"), e.getMessage()); //$NON-NLS-1$
		Importer.ImportResult r = Importer.importFiles(List.of(f), true);
		assertEquals(1, r.papers().size(), "the deleted record is passed over"); //$NON-NLS-1$
		Paper p = r.papers().get(0);
		assertEquals(List.of(new Author("William", "Fedus"), new Author("Barret", "Zoph"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				new Author("Martin Luther", "King Jr")), p.authors()); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(2021, p.year().orElseThrow());
		assertEquals("JMLR 23 (2022)", p.venue().orElseThrow()); //$NON-NLS-1$
		assertEquals(List.of("cs.LG", "cs.AI"), p.keywords()); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Test
	void formatsAreRecognisedByContentNotByName() throws Exception {
		assertEquals(Format.ARXIV_ATOM,
				FormatDetector.detect(new String(Fixtures.bytes(ATOM_2019), StandardCharsets.UTF_8)));
		assertEquals(Format.ARXIV_ATOM,
				FormatDetector.detect(new String(Fixtures.bytes(ATOM_2025), StandardCharsets.UTF_8)));
		assertEquals(Format.ARXIV_OAI, FormatDetector
				.detect(new String(Fixtures.bytes("arxiv/oai-pmh/ErrorResponseBadVerb.xml"), StandardCharsets.UTF_8))); //$NON-NLS-1$
		assertEquals(Format.ARXIV_OAI,
				FormatDetector.detect("<!-- harvested --><?pi x?>\n<oai:OAI-PMH xmlns:oai=\"x\">")); //$NON-NLS-1$
		// an Atom feed that is not arXiv's, and other XML, are not taken for arXiv
		assertNull(FormatDetector
				.detect("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>blog</title>")); //$NON-NLS-1$
		assertNull(FormatDetector.detect("<html><body>arxiv.org/abs/1234.5678</body></html>")); //$NON-NLS-1$
		Path renamed = dir.resolve("download.bin"); //$NON-NLS-1$
		Files.write(renamed, Fixtures.bytes(ATOM_2025));
		assertEquals(10, Importer.importFiles(List.of(renamed), false).papers().size());
	}

	@Test
	void externalEntitiesAndEntityExpansionAreRefusedWithAClearMessage() throws Exception {
		Path secret = dir.resolve("secret.txt"); //$NON-NLS-1$
		Files.writeString(secret, "TOP-SECRET-CONTENT"); //$NON-NLS-1$
		Path xxe = dir.resolve("xxe.xml"); //$NON-NLS-1$
		Files.writeString(xxe,
				"<?xml version=\"1.0\"?>\n<!DOCTYPE feed [ <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\"> ]>\n" //$NON-NLS-1$ //$NON-NLS-2$
						+ "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:arxiv=\"http://arxiv.org/schemas/atom\">\n" //$NON-NLS-1$
						+ "<entry><id>http://arxiv.org/abs/2101.03961v1</id><title>&xxe;</title></entry></feed>\n"); //$NON-NLS-1$
		ImportException e = assertThrows(ImportException.class, () -> Importer.importFiles(List.of(xxe), true));
		assertEquals(1, e.problems().size());
		ImportProblem p = e.problems().get(0);
		assertEquals("xxe.xml", p.file()); //$NON-NLS-1$
		assertEquals(2, p.line());
		assertTrue(p.message().contains("refuses document types"), p.message()); //$NON-NLS-1$
		assertTrue(p.message().contains("XXE"), p.message()); //$NON-NLS-1$
		assertFalse(e.getMessage().contains("TOP-SECRET"), e.getMessage()); //$NON-NLS-1$

		StringBuilder lol = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE OAI-PMH [\n <!ENTITY lol \"lol\">\n"); //$NON-NLS-1$
		for (int i = 1; i <= 9; i++) {
			lol.append(" <!ENTITY lol").append(i).append(" \"") //$NON-NLS-1$//$NON-NLS-2$
					.append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					.append("\">\n"); //$NON-NLS-1$
		}
		lol.append(
				"]>\n<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><error code=\"x\">&lol9;</error></OAI-PMH>\n"); //$NON-NLS-1$
		Path laughs = dir.resolve("laughs.xml"); //$NON-NLS-1$
		Files.writeString(laughs, lol);
		e = assertThrows(ImportException.class, () -> Importer.importFiles(List.of(laughs), true));
		assertEquals(13, e.problems().get(0).line(), "the line where the document type declaration ends"); //$NON-NLS-1$
		assertTrue(e.getMessage().contains("billion laughs"), e.getMessage()); //$NON-NLS-1$
		assertFalse(e.getMessage().contains("lollol"), e.getMessage()); //$NON-NLS-1$

		// an entity reference without any DTD is an undeclared entity
		Path undeclared = dir.resolve("undeclared.xml"); //$NON-NLS-1$
		Files.writeString(undeclared,
				"<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<entry><id>http://arxiv.org/abs/2101.03961</id>" //$NON-NLS-1$
						+ "<title>&ent;</title></entry></feed>"); //$NON-NLS-1$
		e = assertThrows(ImportException.class, () -> Importer.importFiles(List.of(undeclared), true));
		assertTrue(e.getMessage().startsWith("undeclared.xml:2:"), e.getMessage()); //$NON-NLS-1$
		assertTrue(e.getMessage().contains("\"ent\""), e.getMessage()); //$NON-NLS-1$
	}

	@Test
	void theParsersSafetyLimitsAreNamedInWords() throws Exception {
		Path deep = dir.resolve("deep.xml"); //$NON-NLS-1$
		Files.writeString(deep,
				"<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:arxiv=\"http://arxiv.org/schemas/atom\">\n<entry>" //$NON-NLS-1$
						+ "<x>".repeat(100) + "</x>".repeat(100) + "</entry></feed>"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		ImportException e = assertThrows(ImportException.class, () -> Importer.importFiles(List.of(deep), true));
		assertEquals("deep.xml:2:" + e.problems().get(0).column() + ": the XML exceeds a safety limit of the importer: " //$NON-NLS-1$ //$NON-NLS-2$
				+ "The element \"x\" has a depth of \"65\" that exceeds the limit \"64\"", e.getMessage()); //$NON-NLS-1$
		StringBuilder attributes = new StringBuilder(
				"<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:arxiv=\"http://arxiv.org/schemas/atom\""); //$NON-NLS-1$
		for (int i = 0; i < 1200; i++) {
			attributes.append(" a").append(i).append("=\"x\""); //$NON-NLS-1$ //$NON-NLS-2$
		}
		Path wide = dir.resolve("wide.xml"); //$NON-NLS-1$
		Files.writeString(wide, attributes.append("/>")); //$NON-NLS-1$
		e = assertThrows(ImportException.class, () -> Importer.importFiles(List.of(wide), true));
		assertTrue(
				e.getMessage()
						.endsWith("safety limit of the importer: Element \"feed\" has more than \"1,000\" attributes"), //$NON-NLS-1$
				e.getMessage());
	}

	@Test
	void truncatedAndBadEntriesNameTheirLine() throws Exception {
		byte[] whole = Fixtures.bytes(ATOM_2019);
		Path cut = dir.resolve("cut.xml"); //$NON-NLS-1$
		Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
		ImportException e = assertThrows(ImportException.class, () -> Importer.importFiles(List.of(cut), true));
		assertTrue(e.getMessage().contains("is the file truncated?"), e.getMessage()); //$NON-NLS-1$
		assertTrue(e.problems().get(0).line() > 100, e.getMessage());

		String text = new String(whole, StandardCharsets.UTF_8);
		// the second entry loses its title, the fourth gets an id that is not arXiv's, the seventh a huge abstract
		String bad = mutate(text, "<title>Report on a Boston[^<]*</title>", ""); //$NON-NLS-1$ //$NON-NLS-2$
		bad = mutate(bad, "<id>http://arxiv.org/abs/0808.0631v1</id>", "<id>urn:x</id>"); //$NON-NLS-1$ //$NON-NLS-2$
		bad = mutate(bad, "<summary>  This article discusses", "<summary>" + "x ".repeat(600_000)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		Path f = dir.resolve("bad.xml"); //$NON-NLS-1$
		Files.writeString(f, bad);
		e = assertThrows(ImportException.class, () -> Importer.importFiles(List.of(f), false));
		Importer.ImportResult r = Importer.importFiles(List.of(f), true);
		assertEquals(e.problems(), r.problems());
		assertEquals(7, r.papers().size());
		assertEquals(List.of("the entry has no title", //$NON-NLS-1$
				"the entry's <id> is \"urn:x\", not an arXiv abstract address (https://arxiv.org/abs/...)", //$NON-NLS-1$
				"the <summary> element is longer than 1048576 characters"), //$NON-NLS-1$
				r.problems().stream().map(ImportProblem::message).toList());
		for (ImportProblem p : r.problems()) {
			assertTrue(bad.lines().skip(p.line() - 1).findFirst().orElseThrow().contains("<entry>"), p.toString()); //$NON-NLS-1$
		}
	}

	private static String mutate(String text, String regex, String replacement) {
		String out = text.replaceFirst(regex, replacement);
		assertFalse(out.equals(text), regex);
		return out;
	}
}
