package org.scriptorium.cli.internal.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.cli.internal.CliRun;
import org.scriptorium.cli.internal.ExitCode;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.corpus.JsonlCorpus;
import org.scriptorium.core.model.Paper;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** {@code export --format text|html --style apa|ieee|acm|chicago|nature}: formatted bibliographies. */
class FormattedExportCliTest {

	@TempDir
	Path dir;

	private final CliRun cli = new CliRun();

	private Path corpusOf(List<Paper> papers) throws Exception {
		Path corpus = dir.resolve("mine.jsonl");
		JsonlCorpus.write(corpus, papers);
		return corpus;
	}

	private static List<Paper> seeds(String... titlePrefixes) {
		return DefaultCorpus.get().seedPapers().stream()
				.filter(p -> List.of(titlePrefixes).stream().anyMatch(p.title()::startsWith)).toList();
	}

	@Test
	void aLocaleGivesTheStylesTermsInItsLanguage() throws Exception {
		Paper chapter = Paper.builder("key:lovelace1843", "Sketch of the Analytical Engine").type("incollection")
				.authors(List.of(new org.scriptorium.core.model.Author("Ada", "Lovelace"))).year(1843)
				.venue("Scientific Memoirs")
				.names(java.util.Map.of("editor", List.of(new org.scriptorium.core.model.Author("Richard", "Taylor"))))
				.field("volume", "3").field("pages", "666\u2013731").build();
		Path corpus = corpusOf(List.of(chapter));
		assertEquals(ExitCode.OK, cli.run("export", "--format", "text", "--corpus", corpus.toString()), cli.err());
		String english = cli.out();
		assertTrue(english.contains("R. Taylor (Editor)") && english.contains("(Vol. 3, pp. 666"), english);
		assertEquals(ExitCode.OK, cli.run("export", "--format", "text", "--locale", "de-DE", "--corpus",
				corpus.toString()), cli.err());
		String german = cli.out();
		assertTrue(german.contains("R. Taylor (Herausgeber)") && german.contains("(Bd. 3, S. 666"), german);

		assertEquals(ExitCode.USAGE, cli.run("export", "--format", "text", "--locale", "xx-XX", "--corpus",
				corpus.toString()));
		assertTrue(cli.err().contains("unknown locale 'xx-XX' (en-US, en-GB, de-DE"), cli.err());
		assertEquals(ExitCode.USAGE, cli.run("export", "--format", "bibtex", "--locale", "de-DE", "--corpus",
				corpus.toString()));
		assertTrue(cli.err().contains("--locale needs --format text or html"), cli.err());
	}

	@Test
	void textInApaIsOneEntryPerLineAlphabetical() throws Exception {
		List<Paper> papers = seeds("DeepSeekMoE", "A Survey on Mixture of Experts");
		assertEquals(2, papers.size());
		Path corpus = corpusOf(papers);
		assertEquals(ExitCode.OK,
				cli.run("export", "--format", "text", "--style", "apa", "--corpus", corpus.toString()), cli.err());
		String[] lines = cli.out().split("\n");
		assertEquals(2, lines.length, cli.out());
		assertTrue(lines[0].startsWith("Cai, W., Jiang, J., Wang, F., "), lines[0]);
		assertTrue(lines[0].contains("(2024). A Survey on Mixture of Experts"), lines[0]);
		assertTrue(lines[1].startsWith("Dai, D., Deng, C., Zhao, C., "), lines[1]);
		assertTrue(lines[1].contains("(2024). DeepSeekMoE: Towards Ultimate Expert Specialization"), lines[1]);
		assertTrue(cli.out().endsWith("\n"));
		assertEquals("", cli.err());

		String apa = cli.out();
		assertEquals(ExitCode.OK, cli.run("export", "--format", "TEXT", "--corpus", corpus.toString()), cli.err());
		assertEquals(apa, cli.out(), "APA is the default style");
	}

	@Test
	void htmlInIeeeToAFileIsAPageWithEveryPaperNumbered() throws Exception {
		Path page = dir.resolve("refs.html");
		assertEquals(ExitCode.OK, cli.run("export", "--format", "html", "--style", "IEEE", "--corpus", "default",
				"--out", page.toString(), "--json"), cli.err());
		int papers = DefaultCorpus.get().papers().size();
		JsonObject outcome = JsonParser.parseString(cli.out()).getAsJsonObject();
		assertEquals(page.toString(), outcome.get("out").getAsString());
		assertEquals("html", outcome.get("format").getAsString());
		assertEquals("ieee", outcome.get("style").getAsString());
		assertEquals(papers, outcome.get("papers").getAsInt());
		String html = Files.readString(page);
		assertTrue(html.startsWith("<!DOCTYPE html>"), html);
		assertTrue(html.contains("<title>Bibliography (IEEE)</title>"), html);
		assertEquals(papers, Pattern.compile("<div class=\"csl-entry\">").matcher(html).results().count());
		assertTrue(html.contains("<span class=\"csl-left-margin\">[" + papers + "]</span>"), html);
	}

	@Test
	void everyStyleWritesText() throws Exception {
		Path corpus = corpusOf(seeds("DeepSeekMoE"));
		for (String style : List.of("apa", "ieee", "acm", "chicago", "nature")) {
			assertEquals(ExitCode.OK,
					cli.run("export", "--format", "text", "--style", style, "--corpus", corpus.toString()), style);
			assertTrue(cli.out().contains("DeepSeekMoE"), style + ": " + cli.out());
			assertEquals(1, cli.out().split("\n").length, style + ": " + cli.out());
		}
	}

	@Test
	void anUnknownStyleIsAUsageErrorListingTheStyles() {
		assertEquals(ExitCode.USAGE, cli.run("export", "--format", "text", "--style", "mla"));
		assertTrue(cli.err().startsWith(
				"error: Invalid value for option '--style': unknown style 'mla' (apa, ieee, acm, chicago, nature)\n"),
				cli.err());
		assertEquals("", cli.out());
	}

	@Test
	void aStyleWithADataFormatIsAUsageError() {
		assertEquals(ExitCode.USAGE, cli.run("export", "--format", "bibtex", "--style", "apa"));
		assertTrue(cli.err().startsWith("error: --style needs --format text or html"), cli.err());
		assertEquals(ExitCode.USAGE, cli.run("export", "--format", "pdf"));
		assertTrue(cli.err().contains("unknown format 'pdf' (bibtex, csljson, ris, jsonl, text or html)"), cli.err());
	}
}
