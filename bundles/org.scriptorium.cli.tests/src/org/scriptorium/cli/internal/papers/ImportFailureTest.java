package org.scriptorium.cli.internal.papers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.cli.internal.ExitCode;
import org.scriptorium.cli.internal.ScriptoriumCli;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.corpus.JsonlCorpus;
import org.scriptorium.core.model.Paper;

/** {@code import ... --into CORPUS}: a failed import leaves the corpus file as it was (issue 3's failure modes). */
class ImportFailureTest {

	private static final String TITLE = "Über Benétreau-Dupin’s façade – naïve résumé"; //$NON-NLS-1$

	@TempDir
	Path dir;

	private static String csl(String title) {
		return "[\n{\"type\":\"article-journal\",\"title\":\"" + title //$NON-NLS-1$
				+ "\",\"author\":[{\"family\":\"Benétreau-Dupin\"," //$NON-NLS-1$
				+ "\"given\":\"Yann\"}],\"issued\":{\"date-parts\":[[2015]]}}\n]\n"; //$NON-NLS-1$
	}

	@Test
	void aFailedImportChangesNothingInTheCorpus() throws Exception {
		Path corpus = dir.resolve("mine.jsonl"); //$NON-NLS-1$
		List<Paper> mine = DefaultCorpus.get().papers().subList(0, 10);
		JsonlCorpus.write(corpus, mine);
		byte[] before = Files.readAllBytes(corpus);
		Path good = dir.resolve("good.json"); //$NON-NLS-1$
		Files.writeString(good, csl(TITLE));
		Path half = dir.resolve("half.json"); //$NON-NLS-1$
		// (a record without a title is imported, marked incomplete, since issue 14: the bad record is not an object)
		Files.writeString(half, "[\n{\"type\":\"book\",\"title\":\"Fine\"},\n42\n]\n"); //$NON-NLS-1$
		Path binary = dir.resolve("photo.json"); //$NON-NLS-1$
		Files.write(binary, new byte[]{0, 1, 2, 3, 0, 0, 7});
		Path empty = dir.resolve("empty.json"); //$NON-NLS-1$
		Files.write(empty, new byte[0]);
		Path missing = dir.resolve("missing.json"); //$NON-NLS-1$
		// issue 14: by default every readable record is imported, so a bad record refuses the import with --strict
		List<List<String>> failing = List.of(List.of(good.toString(), half.toString(), "--strict"), //$NON-NLS-1$
				List.of(half.toString(), "--strict"), //$NON-NLS-1$
				List.of(good.toString(), binary.toString(), "--skip-invalid"), List.of(empty.toString()), //$NON-NLS-1$
				List.of(good.toString(), missing.toString(), "--skip-invalid"), List.of(good.toString(), "--bogus")); //$NON-NLS-1$ //$NON-NLS-2$
		List<String> files = listing();
		for (List<String> args : failing) {
			String[] argv = Stream.concat(Stream.of("import"), Stream.concat(args.stream(), //$NON-NLS-1$
					Stream.of("--into", corpus.toString()))).toArray(String[]::new); //$NON-NLS-1$
			ByteArrayOutputStream err = new ByteArrayOutputStream();
			int code = ScriptoriumCli.run(argv,
					new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
					new PrintStream(err, true, StandardCharsets.UTF_8));
			assertTrue(code != ExitCode.OK, args + " succeeded"); //$NON-NLS-1$
			assertArrayEquals(before, Files.readAllBytes(corpus), args + " changed the corpus"); //$NON-NLS-1$
			assertEquals(files, listing(), args + " left files behind"); //$NON-NLS-1$
			assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: "), //$NON-NLS-1$
					err.toString(StandardCharsets.UTF_8));
		}
		// a damaged corpus is not overwritten by an import into it
		Files.writeString(corpus, new String(before, StandardCharsets.UTF_8).replaceFirst("\"title\":", "\"title\":[")); //$NON-NLS-1$ //$NON-NLS-2$
		byte[] damaged = Files.readAllBytes(corpus);
		assertEquals(ExitCode.INVALID_INPUT,
				ScriptoriumCli.run(new String[]{"import", good.toString(), "--into", corpus.toString()}, //$NON-NLS-1$ //$NON-NLS-2$
						new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
						new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
		assertArrayEquals(damaged, Files.readAllBytes(corpus));
		// and a successful import keeps every paper that was there, unchanged, before the new ones
		Files.write(corpus, before);
		assertEquals(ExitCode.OK,
				ScriptoriumCli.run(new String[]{"import", good.toString(), half.toString(), "--skip-invalid", //$NON-NLS-1$ //$NON-NLS-2$
						"--into", corpus.toString()}, //$NON-NLS-1$
						new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
						new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
		List<Paper> after = JsonlCorpus.load(corpus).papers();
		assertEquals(mine, after.subList(0, 10));
		assertEquals(List.of(TITLE, "Fine"), after.subList(10, after.size()).stream().map(Paper::title).toList()); //$NON-NLS-1$
	}

	private List<String> listing() throws java.io.IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}
}
