package org.scriptorium.cli.internal.refs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.cli.internal.CliRun;
import org.scriptorium.cli.internal.ExitCode;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.io.Exporter;
import org.scriptorium.core.model.Paper;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** {@code scriptorium refs} and {@code search citedin:} on files a user writes. */
class RefsCliTest {

	@TempDir
	Path dir;

	private final CliRun cli = new CliRun();
	private Path paper;
	private Path script;
	private String deepseekKey;

	@BeforeEach
	void files() throws Exception {
		Paper moe = DefaultCorpus.get().find("arxiv:2401.06066").orElseThrow();
		deepseekKey = Exporter.citeKeys(DefaultCorpus.get().papers())
				.get(DefaultCorpus.get().papers().indexOf(moe));
		Files.createDirectories(dir.resolve("paper"));
		Files.createDirectories(dir.resolve("code/.git"));
		paper = dir.resolve("paper/draft.tex");
		Files.writeString(paper, "\\section{Intro}\nShared experts \\citep[p.~2]{" + deepseekKey
				+ ", nobody2099}.\n", StandardCharsets.UTF_8);
		script = dir.resolve("code/train.py");
		Files.writeString(script, "# Implements arXiv:2401.06066v2 (DeepSeekMoE)\n# Switch: arXiv:2101.03961\n",
				StandardCharsets.UTF_8);
		Files.writeString(dir.resolve("code/.git/HEAD.txt"), "arXiv:2912.99999", StandardCharsets.UTF_8);
		Files.writeString(dir.resolve("code/refs.bib"), "@article{x, doi={10.9999/none}}", StandardCharsets.UTF_8);
		Files.write(dir.resolve("code/data.json"), new byte[] { '{', 0, '}' });
	}

	@Test
	void listsEachReferenceWithPlaceKindIdAndResolutionAndFailsOnAnUnknownOne() {
		int code = cli.run("refs", dir.toString());
		List<String> lines = cli.out().lines().toList();
		assertEquals(ExitCode.UNKNOWN_REFERENCES, code, cli.err());
		assertEquals(5, lines.size(), cli.out());
		assertTrue(lines.get(0).startsWith(script + ":1:14: arxiv 2401.06066v2 resolved arxiv:2401.06066 \"DeepSeekMoE"),
				lines.get(0));
		assertTrue(lines.get(1).startsWith(script + ":2:11: arxiv 2101.03961 "), lines.get(1));
		String line2 = "Shared experts \\citep[p.~2]{" + deepseekKey + ", nobody2099}.";
		int keyColumn = line2.indexOf(deepseekKey) + 1;
		assertTrue(lines.get(2).startsWith(paper + ":2:" + keyColumn + ": citekey " + deepseekKey
				+ " resolved arxiv:2401.06066 "), lines.get(2));
		assertEquals(paper + ":2:" + (line2.indexOf("nobody") + 1) + ": citekey nobody2099 unknown", lines.get(3));
		assertTrue(lines.get(4).startsWith("# 4 references in 2 files: "), lines.get(4));
		assertTrue(lines.get(4).contains(", 1 unknown"), lines.get(4));
		assertFalse(cli.out().contains("2912.99999"), "hidden folders are left out");
		assertFalse(cli.out().contains("10.9999"), ".bib files are left out");
	}

	@Test
	void aFileWithoutUnknownReferencesExitsZeroAndJsonHasTheFields() {
		assertEquals(ExitCode.OK, cli.run("refs", "--json", script.toString()), cli.err());
		JsonObject o = JsonParser.parseString(cli.out()).getAsJsonObject();
		assertEquals(1, o.get("files").getAsInt());
		assertEquals(0, o.get("unknown").getAsInt());
		JsonArray refs = o.getAsJsonArray("references");
		assertEquals(2, refs.size());
		JsonObject first = refs.get(0).getAsJsonObject();
		assertEquals("arxiv", first.get("kind").getAsString());
		assertEquals("2401.06066", first.get("id").getAsString());
		assertEquals("v2", first.get("version").getAsString());
		assertEquals(1, first.get("line").getAsInt());
		assertEquals("resolved", first.get("resolution").getAsString());
		assertEquals("arxiv:2401.06066", first.getAsJsonObject("paper").get("id").getAsString());
	}

	@Test
	void aMissingFileIsAOneLineError() {
		assertEquals(ExitCode.INVALID_INPUT, cli.run("refs", dir.resolve("nope.tex").toString()));
		assertTrue(cli.err().contains("nope.tex: no such file or folder"), cli.err());
		assertEquals(1, cli.err().strip().lines().count(), cli.err());
	}

	@Test
	void citedinListsThePapersTheFilesReference() {
		String index = dir.resolve("index").toString();
		assertEquals(ExitCode.OK, cli.run("search", "--index", index, "--json", "--limit", "50",
				"citedin:" + dir.resolve("code")), cli.err());
		JsonArray hits = JsonParser.parseString(cli.out()).getAsJsonObject().getAsJsonArray("hits");
		List<String> ids = hits.asList().stream().map(h -> h.getAsJsonObject().get("paperId").getAsString()).sorted()
				.toList();
		assertTrue(ids.contains("arxiv:2401.06066") && ids.size() == 2, ids.toString());
		// narrowed by words, as the other fielded clauses
		assertEquals(ExitCode.OK, cli.run("search", "--index", index, "--json",
				"citedin:\"" + paper + "\""), cli.err());
		hits = JsonParser.parseString(cli.out()).getAsJsonObject().getAsJsonArray("hits");
		assertEquals(1, hits.size(), cli.out());
		assertEquals(ExitCode.BAD_QUERY, cli.run("search", "--index", index, "citedin:" + dir.resolve("none")));
		assertTrue(cli.err().contains("no file or folder"), cli.err());
	}
}
