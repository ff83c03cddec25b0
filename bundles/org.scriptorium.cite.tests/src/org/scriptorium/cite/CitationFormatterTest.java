package org.scriptorium.cite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.PaperIds;

/** The formatted citations and bibliographies of {@link CitationFormatter} in each shipped style. */
class CitationFormatterTest {

	private static final String DEEPSEEK_TITLE = "DeepSeekMoE: Towards Ultimate Expert Specialization in Mixture-of-Experts Language Models";

	static final Paper DAI = Paper.builder("dai2024", DEEPSEEK_TITLE)
			.authors(List.of(Author.parse("Damai Dai"), Author.parse("Chengqi Deng"), Author.parse("Chenggang Zhao")))
			.year(2024).venue("Journal of Machine Learning Research")
			.ids(new PaperIds(null, "10.1234/jmlr.2024.70", null, null, null, null)).build();

	static final Paper FEDUS = Paper.builder("fedus2022", "Switch Transformers: Scaling to Trillion Parameter Models")
			.authors(List.of(Author.parse("William Fedus"), Author.parse("Barret Zoph"), Author.parse("Noam Shazeer")))
			.year(2022).venue("Journal of Machine Learning Research").build();

	@Test
	void apaBibliographyIsAlphabeticalWithDoiLinks() {
		String text = CitationFormatter.bibliography(List.of(FEDUS, DAI), CitationStyle.APA, CitationFormat.TEXT);
		String[] lines = text.split("\n");
		assertEquals(2, lines.length, text);
		assertTrue(lines[0].startsWith("Dai, D., Deng, C., & Zhao, C. (2024). " + DEEPSEEK_TITLE + ". "), lines[0]);
		assertTrue(lines[0].endsWith("https://doi.org/10.1234/jmlr.2024.70"), lines[0]);
		assertTrue(lines[1].startsWith("Fedus, W., Zoph, B., & Shazeer, N. (2022). Switch Transformers"), lines[1]);
	}

	@Test
	void ieeeNumbersInTheGivenOrderWithASpaceAfterTheLabel() {
		String text = CitationFormatter.bibliography(List.of(FEDUS, DAI), CitationStyle.IEEE, CitationFormat.TEXT);
		String[] lines = text.split("\n");
		assertEquals(2, lines.length, text);
		assertTrue(lines[0].startsWith("[1] W. Fedus, B. Zoph, and N. Shazeer, \u201cSwitch Transformers"), lines[0]);
		assertTrue(lines[1].startsWith("[2] D. Dai, C. Deng, and C. Zhao, \u201cDeepSeekMoE"), lines[1]);
		assertEquals("[1], [2]",
				CitationFormatter.citation(List.of(FEDUS, DAI), CitationStyle.IEEE, CitationFormat.TEXT));
	}

	@Test
	void authorDateCitations() {
		assertEquals("(Dai et al., 2024; Fedus et al., 2022)",
				CitationFormatter.citation(List.of(DAI, FEDUS), CitationStyle.APA, CitationFormat.TEXT));
		assertEquals("(Dai et al. 2024; Fedus et al. 2022)",
				CitationFormatter.citation(List.of(DAI, FEDUS), CitationStyle.CHICAGO, CitationFormat.TEXT));
		assertEquals("(Dai et al., 2024)",
				CitationFormatter.citation(List.of(DAI), CitationStyle.APA, CitationFormat.TEXT));
	}

	@Test
	void chicagoAcmAndNatureBibliographies() {
		assertTrue(CitationFormatter.bibliography(List.of(DAI), CitationStyle.CHICAGO, CitationFormat.TEXT)
				.startsWith("Dai, Damai, Chengqi Deng, and Chenggang Zhao. 2024. \u201cDeepSeekMoE"));
		assertTrue(CitationFormatter.bibliography(List.of(DAI), CitationStyle.ACM, CitationFormat.TEXT)
				.startsWith("[1] Damai Dai, Chengqi Deng, and Chenggang Zhao. 2024. DeepSeekMoE"));
		assertTrue(CitationFormatter.bibliography(List.of(DAI), CitationStyle.NATURE, CitationFormat.TEXT)
				.startsWith("1. Dai, D., Deng, C. & Zhao, C. DeepSeekMoE"));
		assertEquals("<sup>1,2</sup>",
				CitationFormatter.citation(List.of(DAI, FEDUS), CitationStyle.NATURE, CitationFormat.HTML));
	}

	@Test
	void htmlIsEscapedItalicAndLinked() {
		Paper odd = Paper.builder("odd", "Routing <experts> & tokens").authors(List.of(Author.parse("Ada Lovelace")))
				.year(2023).venue("Transactions on Machine Learning Research")
				.ids(new PaperIds(null, "10.5555/tmlr.1", null, null, null, null)).build();
		String html = CitationFormatter.bibliography(List.of(odd), CitationStyle.APA, CitationFormat.HTML);
		assertTrue(html.startsWith("<div class=\"csl-bib-body\">\n  <div class=\"csl-entry\">"), html);
		assertTrue(html.contains("Routing &lt;experts&gt; &amp; tokens"), html);
		assertTrue(html.contains("<span style=\"font-style: italic\">Transactions on Machine Learning Research</span>"),
				html);
		assertTrue(html.contains("<a href=\"https://doi.org/10.5555/tmlr.1\">"), html);
		String text = CitationFormatter.bibliography(List.of(odd), CitationStyle.APA, CitationFormat.TEXT);
		assertTrue(text.contains("Routing <experts> & tokens"), text);
		assertFalse(text.contains("<span"), text);
	}

	@Test
	void numberedHtmlEntriesKeepLabelAndEntryOnOneLine() {
		String html = CitationFormatter.bibliography(List.of(DAI, FEDUS), CitationStyle.IEEE, CitationFormat.HTML);
		assertTrue(html.contains("<div class=\"csl-entry\"><span class=\"csl-left-margin\">[1]</span> "
				+ "<span class=\"csl-right-inline\">D. Dai, C. Deng, and C. Zhao, &ldquo;DeepSeekMoE"), html);
		assertFalse(html.contains("<div class=\"csl-left-margin\">"), html);
	}

	@Test
	void aPaperWithoutAuthorsOrYearStillFormats() {
		Paper bare = Paper.builder("bare", "A Survey of Mixture of Experts").build();
		String apa = CitationFormatter.bibliography(List.of(bare), CitationStyle.APA, CitationFormat.TEXT);
		assertTrue(apa.startsWith("A Survey of Mixture of Experts"), apa);
		assertTrue(apa.contains("(n.d.)"), apa);
	}

	@Test
	void noPapersIsEmpty() {
		assertEquals("", CitationFormatter.bibliography(List.of(), CitationStyle.APA, CitationFormat.HTML));
		assertEquals("", CitationFormatter.citation(List.of(), CitationStyle.IEEE, CitationFormat.TEXT));
	}

	/** Every paper of the built-in corpus gets exactly one entry in every style, in text and in HTML. */
	@ParameterizedTest
	@EnumSource(CitationStyle.class)
	void everySeedPaperFormatsInEveryStyle(CitationStyle style) {
		List<Paper> seeds = DefaultCorpus.get().seedPapers();
		String text = CitationFormatter.bibliography(seeds, style, CitationFormat.TEXT);
		assertEquals(seeds.size(), text.split("\n").length, style + ":\n" + text);
		String html = CitationFormatter.bibliography(seeds, style, CitationFormat.HTML);
		Matcher entries = Pattern.compile("<div class=\"csl-entry\">").matcher(html);
		assertEquals(seeds.size(), entries.results().count(), style.id());
		for (Paper p : seeds.subList(0, 5)) {
			assertTrue(text.contains(p.title().substring(0, 12)), style + " lacks " + p);
		}
		assertFalse(CitationFormatter.citation(seeds, style, CitationFormat.TEXT).isBlank());
	}

	@Test
	void bibliographyFilesAreTextLinesOrAnHtmlPage() {
		String text = CitationFormatter.bibliography(List.of(DAI, FEDUS), CitationStyle.APA, CitationFormat.TEXT);
		assertEquals(text + "\n",
				CitationFormatter.bibliographyFile(List.of(DAI, FEDUS), CitationStyle.APA, CitationFormat.TEXT));
		assertEquals("", CitationFormatter.bibliographyFile(List.of(), CitationStyle.APA, CitationFormat.TEXT));
		String body = CitationFormatter.bibliography(List.of(DAI), CitationStyle.CHICAGO, CitationFormat.HTML);
		String page = CitationFormatter.bibliographyFile(List.of(DAI), CitationStyle.CHICAGO, CitationFormat.HTML);
		assertTrue(page.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), page);
		assertTrue(page.contains("<meta charset=\"utf-8\">"), page);
		assertTrue(page.contains("<title>Bibliography (Chicago (author-date))</title>"), page);
		assertTrue(page.contains(body), page);
	}

	@Test
	void stylesByIdIgnoreCase() {
		assertEquals(CitationStyle.CHICAGO, CitationStyle.byId(" Chicago ").orElseThrow());
		assertEquals(CitationStyle.ACM, CitationStyle.byId("acm").orElseThrow());
		assertTrue(CitationStyle.byId("mla").isEmpty());
		assertEquals("apa, ieee, acm, chicago, nature", CitationStyle.ids());
	}
}
