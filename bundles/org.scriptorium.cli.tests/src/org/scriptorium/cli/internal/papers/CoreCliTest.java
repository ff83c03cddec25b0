package org.scriptorium.core.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.corpus.JsonlCorpus;
import org.scriptorium.core.io.Importer;
import org.scriptorium.core.model.Paper;

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
	void userErrorsGiveOneLineAndDistinctCodesWithoutStackTraces() throws Exception {
		Path bad = dir.resolve("bad.json");
		Files.writeString(bad, "[{\"type\":\"book\",\"author\":[]}]\n");
		assertEquals(CoreCli.INVALID_INPUT, run("import", bad.toString()));
		assertTrue(err().startsWith("error: nothing was imported: bad.json:1"), err());
		assertEquals(CoreCli.USAGE, run("import"));
		assertEquals(CoreCli.USAGE, run("frobnicate"));
		assertEquals(CoreCli.USAGE, run("export", "--format", "word", "--corpus", "x.jsonl"));
		assertEquals(CoreCli.INVALID_INPUT, run("export", "--format", "jsonl", "--corpus", dir.resolve("none.jsonl").toString()));
		assertTrue(err().contains("does not exist"), err());
		assertEquals(0, run("--help"));
		for (String s : List.of(err(), cli.out())) {
			assertFalse(s.contains("Exception"), s);
		}
	}
}
