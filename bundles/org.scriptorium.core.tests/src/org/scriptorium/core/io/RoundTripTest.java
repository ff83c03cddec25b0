package org.scriptorium.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.PaperIds;

/**
 * Import, export, import again gives the same papers, for every format Scriptorium writes, over the default corpus
 * (seed and reference-only papers) and over papers with awkward text (accents, LaTeX specials, braces, quotes).
 */
class RoundTripTest {

	@TempDir
	Path dir;

	/** The fields a format carries, in a form to compare. */
	private record View(String title, List<Author> authors, Integer year, String venue, PaperIds ids,
			String abstractText, List<String> keywords, String url) {
	}

	private static View view(Paper p, Format format, String expectedCiteKey) {
		PaperIds i = p.ids();
		PaperIds ids = new PaperIds(i.arxiv(), i.doi(), format == Format.JSONL ? i.semanticScholar() : null,
				format == Format.JSONL ? i.openAlex() : null, i.pubmed(),
				expectedCiteKey != null ? expectedCiteKey : i.citeKey());
		// BibTeX and RIS fold runs of white space (as LaTeX does): a double space in a title does not survive
		String abs = p.abstractText().map(RoundTripTest::spaces).orElse(null);
		return new View(spaces(p.title()), p.authors(), p.year().orElse(null),
				p.venue().map(RoundTripTest::spaces).orElse(null), ids, abs, p.keywords(),
				p.urls().isEmpty() ? null : p.urls().get(0));
	}

	private static String spaces(String s) {
		return s.replaceAll("\\s+", " "); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private List<Paper> exportAndImport(List<Paper> papers, Format format) throws Exception {
		StringWriter w = new StringWriter();
		Exporter.export(papers, format, w);
		Path f = dir.resolve("out." + format.extension()); //$NON-NLS-1$
		Files.writeString(f, w.toString(), StandardCharsets.UTF_8);
		Importer.ImportResult r = Importer.importFiles(List.of(f), false);
		assertEquals(List.of(), r.merged(), "no paper may merge with another on the way back"); //$NON-NLS-1$
		return r.papers();
	}

	private void assertRoundTrip(List<Paper> papers, Format format) throws Exception {
		List<Paper> once = exportAndImport(papers, format);
		assertEquals(papers.size(), once.size());
		if (format == Format.JSONL) {
			assertEquals(papers, once);
			return;
		}
		List<String> keys = format == Format.BIBTEX ? Exporter.citeKeys(papers) : null;
		List<View> expected = new ArrayList<>();
		List<View> actual = new ArrayList<>();
		for (int i = 0; i < papers.size(); i++) {
			Paper p = papers.get(i);
			String own = p.ids().citeKey();
			String key = keys != null ? keys.get(i) : format == Format.CSL_JSON && own == null ? p.id() : null;
			expected.add(view(p, format, key));
			actual.add(view(once.get(i), format, null));
		}
		for (int i = 0; i < expected.size(); i++) {
			assertEquals(expected.get(i), actual.get(i), "paper " + i + " (" + papers.get(i).id() + ")"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		// and the second trip changes nothing at all
		List<Paper> twice = exportAndImport(once, format);
		for (int i = 0; i < once.size(); i++) {
			assertEquals(view(once.get(i), format, null), view(twice.get(i), format, null));
		}
	}

	@ParameterizedTest
	@EnumSource(names = {"BIBTEX", "CSL_JSON", "RIS", "JSONL"})
	void theDefaultCorpusSurvives(Format format) throws Exception {
		List<Paper> papers = DefaultCorpus.get().papers();
		assertTrue(papers.size() > 500);
		assertRoundTrip(papers, format);
	}

	@ParameterizedTest
	@EnumSource(names = {"BIBTEX", "CSL_JSON", "RIS", "JSONL"})
	void awkwardTextSurvives(Format format) throws Exception {
		List<Paper> papers = List.of(
				Paper.builder("a", "{Braces} & 100% $money$ #1 the_rest ~tilde ^caret back\\slash").authors(List.of( //$NON-NLS-1$ //$NON-NLS-2$
						new Author("J\u00f6rg \u0141ukasz", "M\u00fcller-\u00d8rsted"), //$NON-NLS-1$//$NON-NLS-2$
						new Author("", "Google Research"), //$NON-NLS-1$
						new Author("Jan", "van der Berg"), new Author("Ji", "\u674e"))).year(2021) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
						.venue("Proceedings of the 1st Workshop on \u00c9t\u00e9 -- Caf\u00e9s") //$NON-NLS-1$
						.ids(new PaperIds("2101.03961", "10.1000/x_y%z", null, null, "12345", null)) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						.abstractText(
								"Don't ``quote'' me \u2013 or \u2014 do; \u03b1-routing, x--y, \u201cdouble\u201d.") //$NON-NLS-1$
						.keywords(List.of("mixture of experts", "na\u00efve")) //$NON-NLS-1$//$NON-NLS-2$
						.urls(List.of("https://example.org/a_b?c=d#e")) //$NON-NLS-1$
						.build(),
				Paper.builder("b", "Sparse MoE for GPT-4-scale models") //$NON-NLS-1$//$NON-NLS-2$
						.authors(List.of(new Author("Ann", "M\u00fcller"))) //$NON-NLS-1$ //$NON-NLS-2$
						.year(2021).ids(new PaperIds(null, null, null, null, null, "kept:key")).build(), //$NON-NLS-1$
				Paper.builder("c", "Sparse models").authors(List.of(new Author("Bo", "Muller"))).year(2021).build()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		assertRoundTrip(papers, format);
	}
}
