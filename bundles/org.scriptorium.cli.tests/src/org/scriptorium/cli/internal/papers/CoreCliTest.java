package org.scriptorium.cli.internal.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.cli.internal.CliRun;
import org.scriptorium.cli.internal.ExitCode;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.corpus.JsonlCorpus;
import org.scriptorium.core.io.Importer;
import org.scriptorium.core.model.Paper;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class CoreCliTest {

	@TempDir
	Path dir;

	private final CliRun cli = new CliRun();

	private int run(String... args) {
		return cli.run(args);
	}

	private String err() {
		return cli.err();
	}

	@Test
	void importIntoACorpusThenExportRoundTrips() throws Exception {
		List<Paper> papers = DefaultCorpus.get().papers().subList(0, 12);
		Path source = dir.resolve("src.jsonl");
		JsonlCorpus.write(source, papers);
		Path corpus = dir.resolve("mine.jsonl");
		assertEquals(0, run("import", source.toString(), "--into", corpus.toString()), err());
		assertTrue(cli.out().startsWith("imported 12 new papers"));
		assertEquals(papers, JsonlCorpus.load(corpus).papers());
		// again: everything is a duplicate
		assertEquals(0, run("import", source.toString(), "--into", corpus.toString()), err());
		assertEquals(12, JsonlCorpus.load(corpus).size());

		Path csl = dir.resolve("out.json");
		assertEquals(0, run("export", "--format", "csljson", "--corpus", corpus.toString(), "--out", csl.toString()),
				err());
		List<Paper> back = Importer.importFiles(List.of(csl), false).papers();
		assertEquals(papers.size(), back.size());
		for (int i = 0; i < papers.size(); i++) {
			assertEquals(papers.get(i).title(), back.get(i).title());
			assertEquals(papers.get(i).year(), back.get(i).year());
			assertEquals(papers.get(i).ids().doi(), back.get(i).ids().doi());
			assertEquals(papers.get(i).authors().size(), back.get(i).authors().size());
		}
		assertEquals(0, run("export", "--format", "jsonl", "--corpus", corpus.toString()), err());
		assertEquals(Files.readString(corpus), cli.out());
	}

	@Test
	void exportTakesTheBuiltInCorpusAndJsonDescribesWhatWasDone() throws Exception {
		Path all = dir.resolve("default.jsonl");
		assertEquals(0, run("export", "--format", "jsonl", "--corpus", "default", "--out", all.toString()), err());
		assertEquals(DefaultCorpus.get().papers(), JsonlCorpus.load(all).papers());
		assertEquals(0, run("export", "--format", "jsonl", "--out", dir.resolve("again.jsonl").toString()), err());
		assertEquals(Files.readString(all), Files.readString(dir.resolve("again.jsonl")),
				"the built-in corpus by default");

		assertEquals(0, run("export", "--format", "ris", "--corpus", all.toString(), "--out",
				dir.resolve("all.ris").toString(), "--json"), err());
		JsonObject export = JsonParser.parseString(cli.out()).getAsJsonObject();
		assertEquals("ris", export.get("format").getAsString());
		assertEquals(DefaultCorpus.get().papers().size(), export.get("papers").getAsInt());
		assertEquals(ExitCode.USAGE, run("export", "--format", "ris", "--json"));
		assertTrue(err().startsWith("error: --json needs --out"), err());

		Path source = dir.resolve("src.jsonl");
		JsonlCorpus.write(source, DefaultCorpus.get().papers().subList(0, 5));
		Path bad = dir.resolve("bad.json");
		// (a record without a title is imported, marked incomplete, since issue 14: the bad record is not an object)
		Files.writeString(bad, "[{\"type\":\"book\",\"title\":\"Fine\"},42]\n");
		Path corpus = dir.resolve("mine.jsonl");
		assertEquals(0, run("import", source.toString(), bad.toString(), "--skip-invalid", "--into", corpus.toString(),
				"--json"), err());
		JsonObject imported = JsonParser.parseString(cli.out()).getAsJsonObject();
		assertEquals(corpus.toString(), imported.get("into").getAsString());
		assertEquals(6, imported.get("new").getAsInt());
		assertEquals(6, imported.get("papers").getAsInt());
		assertEquals(1, imported.getAsJsonArray("skipped").size());
		assertEquals("bad.json", imported.getAsJsonArray("skipped").get(0).getAsJsonObject().get("file").getAsString());
		assertTrue(err().startsWith("skipped: bad.json:1"), err());
	}

	@Test
	void aRecordImportedAnywayIsAWarningNotSkipped() throws Exception {
		Path bib = dir.resolve("mixed.bib");
		Files.writeString(bib, "@article{notitle, author = {Charles Babbage}, year = {1864}}\n@misc no brace here\n");
		assertEquals(0, run("import", bib.toString(), "--skip-invalid", "--json"), err());
		JsonObject imported = JsonParser.parseString(cli.out()).getAsJsonObject();
		assertEquals(1, imported.get("papers").getAsInt());
		assertEquals(1, imported.getAsJsonArray("skipped").size(), "only the unreadable entry is skipped");
		assertEquals(2, imported.getAsJsonArray("problems").size());
		assertTrue(err().contains("warning: mixed.bib:1: the entry \"notitle\" has no title"), err());
		assertTrue(err().contains("skipped: mixed.bib:2:"), err());
	}

	@Test
	void userErrorsGiveOneLineAndDistinctCodesWithoutStackTraces() throws Exception {
		Path bad = dir.resolve("bad.json");
		// CSL-JSON by its words, but no record is an object (a record without a title is imported since issue 14)
		Files.writeString(bad, "[\"type\", \"title\"]\n");
		assertEquals(ExitCode.INVALID_INPUT, run("import", bad.toString()));
		assertTrue(err().startsWith("error: nothing was imported: bad.json:1"), err());
		assertEquals(ExitCode.USAGE, run("import"));
		assertEquals(ExitCode.USAGE, run("frobnicate"));
		assertEquals(ExitCode.USAGE, run("export", "--format", "word", "--corpus", "x.jsonl"));
		assertEquals(ExitCode.INVALID_INPUT,
				run("export", "--format", "jsonl", "--corpus", dir.resolve("none.jsonl").toString()));
		assertTrue(err().contains("does not exist"), err());
		assertEquals(0, run("--help"));
		for (String s : List.of(err(), cli.out())) {
			assertFalse(s.contains("Exception"), s);
		}
	}
}
