package org.scriptorium.cli.internal.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.cli.internal.ExitCode;
import org.scriptorium.cli.internal.hostile.ChildCli.Result;
import org.scriptorium.tests.common.FileWait;

/**
 * Hostile and broken input on the command line (issue 15): each case runs the tool in a child JVM of its own with
 * 256 MB of heap and a time limit ({@link ChildCli}), and expects a correct result or one line {@code error: ...}
 * naming the problem, and never a stack trace.
 */
class HostileInputTest {

	/** A small valid experiment (one run). */
	static final String TINY = "{\"name\":\"tiny\",\"data\":{\"domains\":2,\"train\":200,\"test\":100},"
			+ "\"model\":{\"hidden\":8,\"experts\":2,\"expertHidden\":4},\"strategy\":{\"type\":\"top-k\",\"k\":1},"
			+ "\"training\":{\"epochs\":1,\"sequencesPerMicroBatch\":4,\"lr\":0.003}";

	@TempDir
	Path tmp;
	ChildCli cli;

	@BeforeEach
	void tool() throws IOException {
		cli = new ChildCli(tmp);
	}

	private Path file(String name, String text) throws IOException {
		return Files.writeString(cli.work().resolve(name), text, StandardCharsets.UTF_8);
	}

	private static String experiment(String more) {
		return TINY + (more.isEmpty() ? "" : "," + more) + "}";
	}

	// --- 1, 2, 3, 6. the readers, in a tool of 256 MB: bounded, one problem line each, nothing else lost

	@Test
	void hostileBibliographiesImportWithAProblemLineEachInBoundedMemory() throws Exception {
		StringBuilder bomb = new StringBuilder("@string{s0 = \"lol\"}\n"); //$NON-NLS-1$
		for (int n = 1; n <= 40; n++) {
			bomb.append("@string{s").append(n).append(" = s").append(n - 1).append(" # s").append(n - 1) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					.append("}\n"); //$NON-NLS-1$
		}
		bomb.append("@article{bomb, title = s40, year = 2024}\n"); //$NON-NLS-1$
		file("bomb.bib", bomb.toString()); //$NON-NLS-1$
		Result r = cli.run("import", "bomb.bib", "--into", "bomb.jsonl"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		assertEquals(ExitCode.OK, r.exit(), r.err());
		r.noStackTrace();
		assertTrue(r.err().contains("problem: bomb.bib:20:1: the @string \"s19\" is refused"), r.err()); //$NON-NLS-1$
		assertTrue(Files.size(cli.work().resolve("bomb.jsonl")) < 100_000, "no 100 MB title"); //$NON-NLS-1$

		file("cycle.bib", "@inproceedings{a, title = {A}, crossref = {a}}\n" //$NON-NLS-1$ //$NON-NLS-2$
				+ "@inproceedings{b, title = {B}, crossref = {c}}\n@proceedings{c, title = {C}, crossref = {b}}\n"); //$NON-NLS-1$
		r = cli.run("import", "cycle.bib", "--into", "cycle.jsonl", "--skip-invalid"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
		assertEquals(ExitCode.OK, r.exit(), r.err());
		r.noStackTrace();
		assertTrue(r.err().contains("cycle.bib:1") && r.err().contains("cycle"), r.err()); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(r.out().contains("imported 3 new papers"), r.out()); //$NON-NLS-1$

		java.io.ByteArrayOutputStream mixed = new java.io.ByteArrayOutputStream();
		mixed.write("@article{a,\n  title = {Caf\u00e9 M\u00fcller},\n  note = {x".getBytes(StandardCharsets.UTF_8)); //$NON-NLS-1$
		mixed.write(0xE9); // a windows-1252 e-acute in a UTF-8 file
		mixed.write("t\u00e9}\n}\n".getBytes(StandardCharsets.UTF_8)); //$NON-NLS-1$
		Files.write(cli.work().resolve("mixed.bib"), mixed.toByteArray()); //$NON-NLS-1$
		r = cli.run("import", "mixed.bib", "--into", "mixed.jsonl"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		assertEquals(ExitCode.OK, r.exit(), r.err());
		r.noStackTrace();
		assertTrue(r.err().contains("problem: mixed.bib:3:12: the file is UTF-8 but byte 0xE9"), r.err()); //$NON-NLS-1$
		String stored = Files.readString(cli.work().resolve("mixed.jsonl"), StandardCharsets.UTF_8); //$NON-NLS-1$
		assertTrue(stored.contains("Caf\u00e9 M\u00fcller") && !stored.contains("Caf\u00c3"), "no mojibake: " + stored); //$NON-NLS-1$ //$NON-NLS-2$

		StringBuilder ris = new StringBuilder("TY  - JOUR\nTI  - Long\nAB  - start\n"); //$NON-NLS-1$
		for (int i = 0; i < 1_000_000; i++) { // 10 MB of continuation lines
			ris.append("more text\n"); //$NON-NLS-1$
		}
		ris.append("ER  - \nTY  - JOUR\nTI  - Short\nER  - \n"); //$NON-NLS-1$
		file("long.ris", ris.toString()); //$NON-NLS-1$
		r = cli.run("import", "long.ris", "--into", "ris.jsonl"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		assertEquals(ExitCode.OK, r.exit(), r.err());
		r.noStackTrace();
		assertTrue(r.err().contains("problem: long.ris:1: the tag \"AB\" holds a value longer than the limit of 1 MiB"), //$NON-NLS-1$
				r.err());
		assertTrue(r.out().contains("imported 1 new papers"), r.out()); //$NON-NLS-1$
	}

	// --- 4. the index location

	@Test
	void defaultIndexIsPrivateInTheUsersCacheFolder() throws Exception {
		Result r = cli.run("search", "--limit", "1", "routing");
		assertEquals(ExitCode.OK, r.exit(), r.err());
		r.noStackTrace();
		// the only message: that the index is built (where)
		assertEquals(1, r.errLines().size(), r.err());
		assertTrue(r.err().contains(cli.cache().resolve("scriptorium/index").toString()), r.err());
		Path root = cli.cache().resolve("scriptorium");
		assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root)));
		List<Path> all;
		try (Stream<Path> s = Files.walk(root)) {
			all = s.toList();
		}
		assertTrue(all.size() > 4, all.toString());
		for (Path p : all) {
			String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
			assertEquals(Files.isDirectory(p) ? "rwx------" : "rw-------", perms, p.toString());
		}
		// 8. the second search (index built) prints nothing on standard error: no Lucene or JVM notice
		Result again = cli.run("search", "--limit", "1", "routing");
		assertEquals(ExitCode.OK, again.exit());
		assertEquals("", again.err());
	}

	@Test
	void aSymbolicLinkAsIndexFolderIsRefusedAndItsTargetUntouched() throws Exception {
		Path victim = Files.createDirectories(tmp.resolve("victim"));
		Files.writeString(victim.resolve("_0.cfs"), "not lucene");
		Files.writeString(victim.resolve("segments_1"), "not lucene");
		Files.createSymbolicLink(cli.work().resolve("link"), victim);
		cli.run("search", "--index", "link", "routing").oneLineError(ExitCode.IO_ERROR, "link", "symbolic link");
		// planted at the default location
		Files.createDirectories(cli.cache().resolve("scriptorium"));
		Files.createSymbolicLink(cli.cache().resolve("scriptorium/index"), victim);
		cli.run("search", "routing").oneLineError(ExitCode.IO_ERROR, "symbolic link");
		try (Stream<Path> s = Files.list(victim)) {
			assertEquals(List.of("_0.cfs", "segments_1"), s.map(p -> p.getFileName().toString()).sorted().toList());
		}
		assertEquals("not lucene", Files.readString(victim.resolve("_0.cfs")));
	}

	@Test
	void aFolderWithOtherFilesOrAFileIsNotUsedAsIndex() throws Exception {
		Path foreign = Files.createDirectories(cli.work().resolve("papers"));
		Files.writeString(foreign.resolve("notes.txt"), "mine");
		cli.run("search", "--index", "papers", "routing").oneLineError(ExitCode.IO_ERROR, "notes.txt",
				"choose another index folder");
		assertEquals("mine", Files.readString(foreign.resolve("notes.txt")));
		file("corpus.jsonl", "x");
		cli.run("search", "--index", "corpus.jsonl", "routing").oneLineError(ExitCode.IO_ERROR, "corpus.jsonl",
				"not a folder");
	}

	// --- 8. messages that say what went wrong and what to do

	@Test
	void foldersWhereFilesAreNeededAreNamed() throws Exception {
		Path dir = Files.createDirectories(cli.work().resolve("dir"));
		cli.run("import", "dir", "--into", "x.jsonl").noStackTrace();
		cli.run("export", "--format", "bibtex", "--out", "dir").oneLineError(ExitCode.IO_ERROR, "dir",
				"is a folder");
		assertTrue(Files.isDirectory(dir));
		file("a.bib", "@article{a, title={A}, author={B, C}, year={2020}}\n");
		cli.run("import", "a.bib", "--into", "dir").oneLineError(ExitCode.IO_ERROR, "dir", "is a folder");
		cli.run("search", "--corpus", "dir", "x").oneLineError(ExitCode.INVALID_INPUT, "dir", "is a folder");
		cli.run("search", "--corpus", "c-file", "x").oneLineError(ExitCode.INVALID_INPUT, "c-file",
				"does not exist");
		cli.run("validate", "dir").oneLineError(ExitCode.INVALID_INPUT, "dir", "is a folder");
	}

	@Test
	void experimentFilesInAnotherEncodingOrNotJson() throws Exception {
		Files.write(cli.work().resolve("u16.moe.json"), experiment("").getBytes(StandardCharsets.UTF_16));
		cli.run("validate", "u16.moe.json").oneLineError(ExitCode.INVALID_INPUT, "UTF-16", "save it as UTF-8");
		byte[] latin1 = experiment("\"description\":\"Caf\u00e9\"").getBytes(StandardCharsets.ISO_8859_1);
		Files.write(cli.work().resolve("latin1.moe.json"), latin1);
		cli.run("validate", "latin1.moe.json").oneLineError(ExitCode.INVALID_INPUT, "0xe9", "line 1",
				"not valid UTF-8");
		file("words.moe.json", "{\"name\": tiny}");
		Result r = cli.run("validate", "words.moe.json").oneLineError(ExitCode.INVALID_INPUT, "line 1");
		assertFalse(r.err().contains("setStrictness") || r.err().contains("LENIENT"), r.err());
	}

	// --- 5. sweep size: exact, before anything is expanded; validate bounded

	@Test
	void sweepsTooLargeAreRefusedAtOnceWithTheirSize() throws Exception {
		String keys64 = IntStream.range(0, 64).mapToObj(i -> "\"x" + i + ".v\":[1,2]")
				.collect(Collectors.joining(","));
		file("s64.moe.json", experiment("\"sweep\":{" + keys64 + "}"));
		cli.run("validate", "s64.moe.json").oneLineError(ExitCode.INVALID_INPUT, "s64.moe.json",
				"18,446,744,073,709,551,616", "limit of 10,000 runs");
		String variants = IntStream.range(0, 100)
				.mapToObj(i -> "{\"name\":\"v" + i + "\",\"set\":{\"training.lr\":0.00" + (i + 1) + "}}")
				.collect(Collectors.joining(","));
		String sweep = IntStream.range(0, 10_000).mapToObj(i -> Integer.toString(200 + i))
				.collect(Collectors.joining(","));
		file("v100.moe.json", experiment("\"variants\":[" + variants + "],\"sweep\":{\"data.train\":[" + sweep + "]}"));
		cli.run("validate", "v100.moe.json").oneLineError(ExitCode.INVALID_INPUT, "1,000,000 runs");
		String seeds = IntStream.range(0, 200_000).mapToObj(Integer::toString).collect(Collectors.joining(","));
		file("seeds.moe.json", experiment("\"seeds\":[" + seeds + "]"));
		cli.run("validate", "seeds.moe.json").oneLineError(ExitCode.INVALID_INPUT, "200,000 seed(s)");
	}

	@Test
	void aSweepAtTheLimitValidates() throws Exception {
		String variants = IntStream.range(0, 100)
				.mapToObj(i -> "{\"name\":\"v" + i + "\",\"set\":{\"training.lr\":0.00" + (i + 1) + "}}")
				.collect(Collectors.joining(","));
		String sweep = IntStream.range(0, 100).mapToObj(i -> Integer.toString(200 + i))
				.collect(Collectors.joining(","));
		file("ok.moe.json", experiment("\"variants\":[" + variants + "],\"sweep\":{\"data.train\":[" + sweep + "]}"));
		Result r = cli.run("validate", "ok.moe.json");
		assertEquals(ExitCode.OK, r.exit(), r.err());
		assertTrue(r.out().contains("valid, 10000 run(s)"), r.out());
	}

	// --- 7 and 8: values that used to crash or pass

	@Test
	void overridesAndNumbersOutOfRange() throws Exception {
		file("tiny.moe.json", experiment(""));
		cli.run("run", "tiny.moe.json", "--set", "losses[99999999999]=1").oneLineError(ExitCode.INVALID_INPUT,
				"losses[99999999999]");
		cli.run("validate", "tiny.moe.json", "--set", "training.lr=1e999").oneLineError(ExitCode.INVALID_INPUT,
				"training.lr", "finite");
		file("inf.moe.json", experiment("").replace("\"lr\":0.003", "\"lr\":1e999"));
		cli.run("validate", "inf.moe.json").oneLineError(ExitCode.INVALID_INPUT, "training.lr", "finite",
				"line 1");
		cli.run("run", "tiny.moe.json", "--heap", "4294967297").oneLineError(ExitCode.USAGE, "--heap",
				"4294967297", "1048576");
		cli.run("run", "tiny.moe.json", "--parallel", "-1").oneLineError(ExitCode.USAGE, "--parallel");
	}

	@Test
	void aHeapTooSmallForTheJvmGivesTheJvmsReason() throws Exception {
		file("tiny.moe.json", experiment(""));
		Result r = cli.run("run", "tiny.moe.json", "--heap", "1");
		assertEquals(ExitCode.RUN_FAILED, r.exit(), r.err());
		r.noStackTrace();
		assertTrue(r.err().contains("heap"), "the JVM's reason: " + r.err());
	}

	@Test
	void deeplyNestedQueriesAreOneLineErrors() throws Exception {
		// at the limit it is an ordinary query (and the index is built)
		Result ok = cli.run("search", "--limit", "1", "(".repeat(100) + "routing" + ")".repeat(100));
		assertEquals(ExitCode.OK, ok.exit(), ok.err());
		ok.noStackTrace();
		String deep = "(".repeat(5000) + "routing" + ")".repeat(5000);
		cli.run("search", deep).oneLineError(ExitCode.BAD_QUERY, "100 levels", "position 100");
	}

	// --- an external program dies with its launch

	@Test
	void anExternalChildDiesWhenTheToolIsKilled() throws Exception {
		Path pid = cli.work().resolve("child.pid");
		file("ext.moe.json", "{\"name\":\"ext\",\"external\":{\"command\":[\"sh\",\"-c\",\"echo $$ > " + pid
				+ "; exec sleep 600\",\"x\"]}}");
		ChildCli.Running tool = cli.start("run", "ext.moe.json", "--allow-external");
		Optional<ProcessHandle> child = Optional.empty();
		try {
			String written = FileWait.until("the external command writes its pid", pid, t -> t.endsWith("\n"),
					Duration.ofSeconds(60), tool.process.onExit());
			child = ProcessHandle.of(Long.parseLong(written.strip()));
			assertTrue(child.isPresent() && child.get().isAlive(), "the external command started");
			tool.process.destroyForcibly(); // kill -9
			tool.process.waitFor();
			try {
				child.get().onExit().get(30, TimeUnit.SECONDS);
			} catch (TimeoutException e) {
				// still alive: the assertion says so
			}
			assertFalse(child.get().isAlive(), "the external command outlived its killed launch");
		} finally {
			child.ifPresent(ProcessHandle::destroyForcibly);
			tool.process.destroyForcibly();
		}
	}
}
