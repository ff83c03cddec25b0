package org.scriptorium.core.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.core.model.Paper;

import com.google.gson.Gson;

/**
 * Kills a child JVM that keeps saving the corpus file at random points (after a random number of partial writes)
 * and checks that the file then always holds one complete corpus: the old one or the new one.
 */
class AtomicSaveCrashTest {

	private static final int KILLS = 25;

	@TempDir
	Path dir;

	@Test
	void aKilledWriterLeavesTheOldOrTheNewCorpus() throws Exception {
		List<Paper> all = DefaultCorpus.get().papers();
		List<Paper> a = all.subList(0, all.size() / 2);
		Path file = dir.resolve("corpus.jsonl");
		new JsonlCorpus("a", a).save(file);
		Random random = new Random(20261128L);
		int sawA = 0;
		int sawB = 0;
		for (int round = 0; round < KILLS; round++) {
			Process child = new ProcessBuilder(javaExecutable(), "-cp", classpath(), //$NON-NLS-1$
					CorpusWriterChild.class.getName(), file.toString()).redirectErrorStream(true).start();
			try {
				BufferedReader out = new BufferedReader(
						new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
				assertEquals("ready", out.readLine(), "the child did not start; class path " + classpath()); //$NON-NLS-1$
				int lines = random.nextInt(40);
				for (int i = 0; i < lines; i++) {
					assertNotNull(out.readLine(), "the child ended early"); //$NON-NLS-1$
				}
			} finally {
				child.destroyForcibly();
				assertTrue(child.waitFor(60, TimeUnit.SECONDS));
			}
			List<Paper> read = JsonlCorpus.load(file).papers();
			if (read.equals(a)) {
				sawA++;
			} else {
				assertEquals(all, read, "round " + round + ": neither the old nor the new corpus"); //$NON-NLS-1$
				sawB++;
			}
		}
		assertEquals(KILLS, sawA + sawB);
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString(); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	/** The code sources of the test class, the core classes and Gson (works in Surefire and in OSGi with dirs/jars). */
	private static String classpath() throws URISyntaxException {
		Set<String> parts = new LinkedHashSet<>();
		for (Class<?> c : List.of(CorpusWriterChild.class, JsonlCorpus.class, Paper.class, Gson.class)) {
			var source = c.getProtectionDomain().getCodeSource();
			assertNotNull(source, "no code source for " + c); //$NON-NLS-1$
			Path location = Path.of(source.getLocation().toURI());
			parts.add(location.toString());
			if (Files.isDirectory(location)) {
				// an OSGi bundle run from its project folder: its classes are in the build output folder
				for (String output : List.of("target/classes", "bin")) { //$NON-NLS-1$ //$NON-NLS-2$
					if (Files.isDirectory(location.resolve(output))) {
						parts.add(location.resolve(output).toString());
					}
				}
			}
		}
		List<String> list = new ArrayList<>(parts);
		for (String p : System.getProperty("java.class.path", "").split(File.pathSeparator)) { //$NON-NLS-1$ //$NON-NLS-2$
			if (!p.isBlank() && Files.exists(Path.of(p))) {
				list.add(p);
			}
		}
		return String.join(File.pathSeparator, list);
	}
}
