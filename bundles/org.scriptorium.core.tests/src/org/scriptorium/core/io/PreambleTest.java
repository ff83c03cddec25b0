package org.scriptorium.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXParser;
import org.jbibtex.BibTeXPreamble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.core.model.Paper;

/**
 * Issue 14: a file's {@code @preamble} (the LaTeX macros its entries use, e.g. {@code \noopsort}) is kept and written
 * back by the BibTeX exporter, also after a trip through the corpus file and the other formats.
 */
class PreambleTest {

	private static final String NOOPSORT = "\\newcommand{\\noopsort}[1]{}"; //$NON-NLS-1$
	private static final String BIB = """
			% a comment
			@preamble{ "\\newcommand{\\noopsort}[1]{}" }
			@PREAMBLE( {\\def\\ack{Thanks}} # " \\ack" )
			@string{pub = "Sage"}

			@book{knuth,
			  author = {Knuth, Donald},
			  title = {{\\noopsort{1973a}}The Art},
			  publisher = pub,
			  year = {1973}
			}

			@article{other,
			  title = {Other},
			  year = {2001}
			}
			"""; //$NON-NLS-1$

	@TempDir
	Path dir;

	private Importer.ImportResult importText(String name, String text) throws Exception {
		Path f = dir.resolve(name);
		Files.writeString(f, text, StandardCharsets.UTF_8);
		return Importer.importFiles(List.of(f), Importer.Options.STRICT);
	}

	@Test
	void thePreamblesAreKeptAndWrittenBack() throws Exception {
		List<Paper> papers = importText("refs.bib", BIB).papers(); //$NON-NLS-1$
		assertEquals(2, papers.size());
		assertEquals(NOOPSORT, papers.get(0).fields().get("@preamble")); //$NON-NLS-1$
		assertEquals("\\def\\ack{Thanks} \\ack", papers.get(0).fields().get("@preamble-2")); //$NON-NLS-1$ //$NON-NLS-2$
		assertFalse(papers.get(1).fields().keySet().stream().anyMatch(k -> k.startsWith("@")), "kept once"); //$NON-NLS-1$ //$NON-NLS-2$

		String exported = Exporter.toString(papers, Format.BIBTEX);
		assertTrue(
				exported.startsWith("@preamble{{" + NOOPSORT + "}}\n\n@preamble{{\\def\\ack{Thanks} \\ack}}\n\n@book{"), //$NON-NLS-1$ //$NON-NLS-2$
				exported);
		assertFalse(exported.contains("preamble = "), "not written as a field of the entry: " + exported); //$NON-NLS-1$ //$NON-NLS-2$

		// an independent parser reads the same two preambles
		BibTeXDatabase db = new BibTeXParser().parseFully(new StringReader(exported));
		List<String> preambles = db.getObjects().stream().filter(BibTeXPreamble.class::isInstance)
				.map(o -> ((BibTeXPreamble) o).getValue().toUserString()).toList();
		assertEquals(List.of(NOOPSORT, "\\def\\ack{Thanks} \\ack"), preambles); //$NON-NLS-1$
		assertEquals(2, db.getEntries().size());

		// import -> export -> import is the same corpus
		List<Paper> again = importText("again.bib", exported).papers(); //$NON-NLS-1$
		assertEquals(papers.stream().map(Paper::fields).toList(), again.stream().map(Paper::fields).toList());
		assertEquals(exported, Exporter.toString(again, Format.BIBTEX));
	}

	@Test
	void thePreambleSurvivesTheCorpusFileAndCslJson() throws Exception {
		List<Paper> papers = importText("refs.bib", BIB).papers(); //$NON-NLS-1$
		String bibtex = Exporter.toString(papers, Format.BIBTEX);
		for (Format via : List.of(Format.CSL_JSON, Format.RIS)) {
			List<Paper> back = importText("via." + (via == Format.RIS ? "ris" : "json"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					Exporter.toString(papers, via)).papers();
			assertEquals(NOOPSORT, back.get(0).fields().get("@preamble"), via.toString()); //$NON-NLS-1$
			assertTrue(Exporter.toString(back, Format.BIBTEX).startsWith("@preamble{{" + NOOPSORT + "}}"), //$NON-NLS-1$//$NON-NLS-2$
					via.toString());
		}
		Path corpus = dir.resolve("corpus.jsonl"); //$NON-NLS-1$
		org.scriptorium.core.corpus.JsonlCorpus.write(corpus, papers);
		List<Paper> loaded = org.scriptorium.core.corpus.JsonlCorpus.load(corpus).papers();
		assertEquals(bibtex, Exporter.toString(loaded, Format.BIBTEX));
	}

	@Test
	void aPreambleWithoutAnEntryToKeepItWithIsReported() throws Exception {
		Path f = dir.resolve("only.bib"); //$NON-NLS-1$
		Files.writeString(f, "@preamble{\"\\newcommand{\\x}{y}\"}\n@article{a,\n  year = {2001}, title = {x\n", //$NON-NLS-1$
				StandardCharsets.UTF_8);
		Importer.ImportResult r = Importer.importFiles(List.of(f), Importer.Options.LENIENT);
		assertEquals(List.of(), r.papers());
		assertTrue(r.problems().stream().anyMatch(p -> p.message().startsWith("the @preamble is not kept")), //$NON-NLS-1$
				r.problems().toString());
	}
}
