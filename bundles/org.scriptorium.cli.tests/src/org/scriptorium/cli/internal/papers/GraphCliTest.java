package org.scriptorium.cli.internal.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.cli.internal.CliRun;
import org.scriptorium.cli.internal.ExitCode;
import org.scriptorium.cli.internal.ScriptoriumCli;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.corpus.JsonlCorpus;
import org.scriptorium.core.graph.CitationGraph;
import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.Citation;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.PaperIds;
import org.scriptorium.core.model.Reference;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** {@code ./scriptorium graph ...} through {@link ScriptoriumCli#run}: results, exit codes and one-line errors. */
class GraphCliTest {

	private static final String DEEPSEEKMOE = "arxiv:2401.06066"; //$NON-NLS-1$
	private static final String UNCHOSEN = "arxiv:2405.14507"; //$NON-NLS-1$

	@TempDir
	Path dir;

	private final CliRun cli = new CliRun();

	private int run(String... args) {
		return cli.run(args);
	}

	private List<String> outLines() {
		return cli.out().lines().toList();
	}

	private String err() {
		return cli.err();
	}

	private static List<String> ids(List<String> lines) {
		return lines.stream().filter(l -> !l.startsWith("#")).map(l -> l.substring(0, l.indexOf(' '))).toList(); //$NON-NLS-1$
	}

	@Test
	void citesAndCitedByListTheGraphsNeighbours() {
		CitationGraph g = CitationGraph.of(DefaultCorpus.get());
		assertEquals(ExitCode.OK, run("graph", "cites", DEEPSEEKMOE), err()); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(g.citedBy(DEEPSEEKMOE), ids(outLines()));
		assertTrue(ids(outLines()).contains(UNCHOSEN));
		assertTrue(
				outLines().get(0).startsWith(
						"# " + g.citedBy(DEEPSEEKMOE).size() + " papers cite arxiv:2401.06066 \"DeepSeekMoE"), //$NON-NLS-1$ //$NON-NLS-2$
				outLines().get(0));
		assertEquals("", err()); //$NON-NLS-1$

		// the same paper named by a citation string, words not quoted
		assertEquals(ExitCode.OK, run("graph", "cited-by", "Dai", "et", "al.,", "2024"), err()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
		List<String> refs = g.references(DEEPSEEKMOE);
		assertEquals(refs, ids(outLines()));
		assertTrue(refs.size() > 20, refs.toString());
		assertTrue(outLines().stream().anyMatch(l -> l.endsWith("(known from reference lists only)")), cli.out()); //$NON-NLS-1$
		assertEquals(ExitCode.OK, run("graph", "cited-by", DEEPSEEKMOE, "--limit", "5")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		assertEquals(refs.subList(0, 5), ids(outLines()));
	}

	@Test
	void jsonOutputHoldsTheSameResults() {
		CitationGraph g = CitationGraph.of(DefaultCorpus.get());
		assertEquals(ExitCode.OK, run("graph", "cited-by", DEEPSEEKMOE, "--json", "--limit", "3"), err()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		JsonObject refs = JsonParser.parseString(cli.out()).getAsJsonObject();
		assertEquals(DEEPSEEKMOE, refs.getAsJsonObject("paper").get("id").getAsString()); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(g.references(DEEPSEEKMOE).size(), refs.get("referencesTotal").getAsInt()); //$NON-NLS-1$
		List<String> ids = new ArrayList<>();
		refs.getAsJsonArray("references").forEach(e -> ids.add(e.getAsJsonObject().get("id").getAsString())); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(g.references(DEEPSEEKMOE).subList(0, 3), ids);
		assertEquals(ExitCode.OK, run("graph", "cites", DEEPSEEKMOE, "--json"), err()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals(g.citedBy(DEEPSEEKMOE).size(),
				JsonParser.parseString(cli.out()).getAsJsonObject().getAsJsonArray("citedBy").size()); //$NON-NLS-1$

		assertEquals(ExitCode.OK, run("graph", "related", DEEPSEEKMOE, "--limit", "3", "--json"), err()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		JsonObject related = JsonParser.parseString(cli.out()).getAsJsonObject();
		assertTrue(related.getAsJsonArray("coCited").size() <= 3 && related.getAsJsonArray("coupled").size() <= 3); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(related.getAsJsonArray("coCited").get(0).getAsJsonObject().get("score").getAsDouble() > 0); //$NON-NLS-1$ //$NON-NLS-2$

		assertEquals(ExitCode.OK, run("graph", "path", UNCHOSEN, DEEPSEEKMOE, "--json"), err()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		JsonObject path = JsonParser.parseString(cli.out()).getAsJsonObject();
		assertEquals("references", path.get("direction").getAsString()); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(2, path.getAsJsonArray("path").size()); //$NON-NLS-1$
		assertEquals("cited by the paper above", //$NON-NLS-1$
				path.getAsJsonArray("path").get(1).getAsJsonObject().get("link").getAsString()); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(ExitCode.NOTHING_FOUND,
				run("graph", "path", DEEPSEEKMOE, UNCHOSEN, "--direction", "references", "--json")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
		assertEquals(0, JsonParser.parseString(cli.out()).getAsJsonObject().getAsJsonArray("path").size()); //$NON-NLS-1$
		assertEquals("", err()); //$NON-NLS-1$
	}

	@Test
	void surveyListEdgesAreMarkedAsSuch() {
		Citation survey = DefaultCorpus.get().citations().stream().filter(c -> c.kind() == Citation.Kind.SURVEY_LIST)
				.findFirst().orElseThrow();
		assertEquals(ExitCode.OK, run("graph", "cited-by", survey.citing())); //$NON-NLS-1$ //$NON-NLS-2$
		String line = outLines().stream().filter(l -> l.startsWith(survey.cited() + " ")).findFirst().orElseThrow(); //$NON-NLS-1$
		assertTrue(line.endsWith("[listed by the survey's repository]"), line); //$NON-NLS-1$
	}

	@Test
	void pathAndRelated() {
		assertEquals(ExitCode.OK, run("graph", "path", UNCHOSEN, DEEPSEEKMOE), err()); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(List.of(UNCHOSEN, DEEPSEEKMOE), ids(outLines()));
		assertTrue(outLines().get(0).startsWith("# a citation path of 1 steps from arxiv:2405.14507"), //$NON-NLS-1$
				outLines().get(0));
		assertTrue(outLines().get(2).endsWith("(cited by the paper above)"), outLines().get(2)); //$NON-NLS-1$
		// against the citations, only undirected
		assertEquals(ExitCode.NOTHING_FOUND, run("graph", "path", DEEPSEEKMOE, UNCHOSEN, "--direction", "references")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		assertTrue(outLines().get(0).startsWith("# no citation path"), cli.out()); //$NON-NLS-1$
		assertEquals(ExitCode.OK, run("graph", "path", DEEPSEEKMOE, UNCHOSEN, "--direction", "both")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		assertTrue(outLines().get(2).endsWith("(cites the paper above)"), outLines().get(2)); //$NON-NLS-1$

		assertEquals(ExitCode.OK, run("graph", "related", DEEPSEEKMOE, "--limit", "3"), err()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		List<String> lines = outLines();
		assertEquals(2, lines.stream().filter(l -> l.startsWith("#")).count(), cli.out()); //$NON-NLS-1$
		assertTrue(lines.get(0).contains("co-citation"), lines.get(0)); //$NON-NLS-1$
		assertTrue(ids(lines).size() <= 6 && !ids(lines).isEmpty(), cli.out());
		assertFalse(ids(lines).contains(DEEPSEEKMOE));
	}

	@Test
	void aCorpusFileHasItsReferencesResolved() throws Exception {
		Path corpus = dir.resolve("mine.jsonl"); //$NON-NLS-1$
		Paper cited = Paper.builder("doi:10.1/cited", "The Cited Paper") //$NON-NLS-1$//$NON-NLS-2$
				.ids(new PaperIds(null, "10.1/cited", null, null, null, null)) //$NON-NLS-1$
				.authors(List.of(new Author("Ada", "Smith"))).year(2020).build(); //$NON-NLS-1$ //$NON-NLS-2$
		Paper other = Paper.builder("title:other", "Another Paper").authors(List.of(new Author("Bob", "Smith"))) //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$
				.year(2020)
				.build();
		Reference byDoi = new Reference(null, new PaperIds(null, "10.1/CITED", null, null, null, null), null, null, //$NON-NLS-1$
				null,
				null, null, Citation.Kind.REFERENCE_LIST, null, null);
		Reference unknown = new Reference(null, null, "A Paper Nobody Imported", null, 2019, null, null, //$NON-NLS-1$
				Citation.Kind.REFERENCE_LIST, null, null);
		Paper citing = Paper.builder("title:citing", "The Citing Paper").references(List.of(byDoi, unknown)).build(); //$NON-NLS-1$ //$NON-NLS-2$
		JsonlCorpus.write(corpus, List.of(cited, other, citing));
		assertEquals(ExitCode.OK, run("graph", "cites", "doi:10.1/cited", "--corpus", corpus.toString()), err()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		assertEquals(List.of("title:citing"), ids(outLines())); //$NON-NLS-1$
		assertEquals(ExitCode.OK, run("graph", "cited-by", "The Citing Paper", "--corpus", corpus.toString()), err()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		assertEquals(2, ids(outLines()).size(), cli.out());
		assertTrue(cli.out().contains("A Paper Nobody Imported  (known from reference lists only)"), //$NON-NLS-1$
				cli.out());

		// two Smiths of 2020: which one is meant cannot be told
		assertEquals(ExitCode.AMBIGUOUS_PAPER, run("graph", "cites", "Smith 2020", "--corpus", corpus.toString())); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		assertOneLineError("error: \"Smith 2020\" matches several papers equally well: "); //$NON-NLS-1$
		assertTrue(err().contains("doi:10.1/cited \"The Cited Paper\"") && err().contains("title:other"), err()); //$NON-NLS-1$ //$NON-NLS-2$
		// papers that are not connected
		assertEquals(ExitCode.NOTHING_FOUND,
				run("graph", "path", "doi:10.1/cited", "title:other", "--corpus", corpus.toString())); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
	}

	private void assertOneLineError(String start) {
		assertTrue(err().startsWith(start), err());
		assertEquals(1, err().lines().count(), err());
		assertTrue(cli.out().isEmpty(), cli.out());
	}

	@Test
	void badInputGivesOneLineAndADistinctCodeWithoutStackTrace() throws Exception {
		assertEquals(ExitCode.NO_SUCH_PAPER, run("graph", "cites", "zzqx nonexistent qqzz")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertOneLineError("error: no paper of Default corpus matches \"zzqx nonexistent qqzz\""); //$NON-NLS-1$
		assertEquals(ExitCode.INVALID_INPUT,
				run("graph", "cites", DEEPSEEKMOE, "--corpus", dir.resolve("none.jsonl").toString())); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		assertOneLineError("error: the corpus "); //$NON-NLS-1$
		Path broken = dir.resolve("broken.jsonl"); //$NON-NLS-1$
		Files.writeString(broken, "this is not a corpus\n"); //$NON-NLS-1$
		assertEquals(ExitCode.INVALID_INPUT, run("graph", "cites", DEEPSEEKMOE, "--corpus", broken.toString())); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertOneLineError("error: the corpus cannot be read: broken.jsonl:1"); //$NON-NLS-1$
		for (String[] usage : new String[][]{{"graph"}, {"graph", "frobnicate", "x"}, {"graph", "cites"}, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
				{"graph", "path", DEEPSEEKMOE}, {"graph", "cites", DEEPSEEKMOE, "--limit", "many"}, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
				{"graph", "cites", DEEPSEEKMOE, "--limit", "0"}, //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$
				{"graph", "path", DEEPSEEKMOE, UNCHOSEN, "--direction", "up"}, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-9$
				{"graph", "cites", DEEPSEEKMOE, "--corpus"}, {"graph", "cites", DEEPSEEKMOE, "--frob", "1"}}) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			assertEquals(ExitCode.USAGE, run(usage), String.join(" ", usage)); //$NON-NLS-1$
			assertTrue(err().startsWith("error: "), err()); //$NON-NLS-1$
			// the one line after the error points at the command's help
			assertTrue(err().lines().skip(1).allMatch(l -> l.startsWith("Try 'scriptorium graph")), err()); //$NON-NLS-1$
			assertEquals(2, err().lines().count(), err());
			assertFalse(err().contains("Exception") || err().contains("\tat "), err()); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}
}
