package org.scriptorium.cli.internal.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.scriptorium.cli.internal.ScriptoriumCli;
import org.scriptorium.sandbox.SandboxRunner;
import org.scriptorium.tests.common.FileWait;

/**
 * The command-line tool in a child JVM of its own, bounded in memory ({@value #HEAP}) and time ({@value #TIMEOUT_S}
 * s), as {@code ./scriptorium} runs it: the product's jars (here the test runtime's bundles) on a plain class path,
 * the Vector API module, the JVM's incubator notice left out of standard error. Its cache folder
 * ({@code XDG_CACHE_HOME}) and home are folders of the test.
 */
public final class ChildCli {

	static final String HEAP = "-Xmx256m";
	static final long TIMEOUT_S = 90;
	private static final String INCUBATOR_NOTICE = "WARNING: Using incubator modules: jdk.incubator.vector";
	private static List<String> classpath;

	/** What a child printed and how it ended. */
	public record Result(int exit, String out, String err) {

		/** Standard error's lines. */
		List<String> errLines() {
			return err.isEmpty() ? List.of() : err.lines().toList();
		}

		/**
		 * Exit {@code code}, exactly one line {@code error: ...} on standard error that holds each of {@code words},
		 * and no stack trace (a usage error may add its "Try ... --help" hint).
		 */
		public Result oneLineError(int code, String... words) {
			noStackTrace();
			List<String> errors = errLines().stream().filter(l -> !l.startsWith("Try '")).toList();
			assertEquals(1, errors.size(), "one line on standard error: " + err);
			assertTrue(errors.get(0).startsWith("error: "), err);
			for (String w : words) {
				assertTrue(errors.get(0).contains(w), "'" + w + "' in: " + errors.get(0));
			}
			assertEquals(code, exit, "exit code; stderr: " + err);
			return this;
		}

		public Result noStackTrace() {
			for (String l : errLines()) {
				assertTrue(!l.startsWith("\tat ") && !l.startsWith("Exception in thread") && !l.contains("Caused by:")
						&& !l.matches("^(SEVERE|WARNING|INFO): .*") && !l.matches(".*\\.[A-Za-z]+(Exception|Error)$"),
						"no stack trace or log record: " + err);
			}
			return this;
		}
	}

	private final Path home;
	private final Path work;
	private final Map<String, String> environment = new LinkedHashMap<>();

	/** A tool whose home, cache and working folder are under {@code dir}. */
	public ChildCli(Path dir) throws IOException {
		this.home = Files.createDirectories(dir.resolve("home"));
		this.work = Files.createDirectories(dir.resolve("work"));
	}

	/** The working folder (relative paths of the command line are resolved against it). */
	public Path work() {
		return work;
	}

	/** {@code $XDG_CACHE_HOME} of the child. */
	Path cache() {
		return home.resolve("cache");
	}

	/** Further variables of the child's environment (for example the test Slurm's {@code SLURM_CONF}). */
	public void environment(Map<String, String> variables) {
		environment.putAll(variables);
	}

	public Result run(String... args) throws IOException, InterruptedException {
		return start(args).finish();
	}

	/** A started child, to finish or to kill. */
	public final class Running {
		public final Process process;
		private final Path out;
		private final Path err;

		Running(Process process, Path out, Path err) {
			this.process = process;
			this.out = out;
			this.err = err;
		}

		/**
		 * Waits until the child has printed {@code text} on standard output (woken by the file's changes) and returns
		 * what it printed; fails after {@code timeout} or if the child ends first.
		 */
		public String awaitOutput(String text, Duration timeout) throws IOException, InterruptedException {
			return FileWait.until("the tool prints " + text, out, o -> o.contains(text), timeout, process.onExit());
		}

		public Result finish() throws IOException, InterruptedException {
			if (!process.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly();
				fail("the tool did not answer within " + TIMEOUT_S + " s; stderr: " + Files.readString(err));
			}
			String e = Files.readString(err, StandardCharsets.UTF_8).lines()
					.filter(l -> !l.equals(INCUBATOR_NOTICE)).reduce((a, b) -> a + "\n" + b).orElse("");
			return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), e);
		}
	}

	public Running start(String... args) throws IOException {
		List<String> cmd = new ArrayList<>(List.of(SandboxRunner.currentJava().toString(), HEAP,
				"-XX:+UseSerialGC", "-XX:-CreateCoredumpOnCrash", "--add-modules", "jdk.incubator.vector",
				"--enable-native-access=ALL-UNNAMED", "-cp", String.join(File.pathSeparator, classpath()),
				ScriptoriumCli.class.getName()));
		cmd.addAll(List.of(args));
		Path out = Files.createTempFile(work, "out", ".txt");
		Path err = Files.createTempFile(work, "err", ".txt");
		ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile()).redirectOutput(out.toFile())
				.redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
		Map<String, String> env = pb.environment();
		env.put("HOME", home.toString());
		env.put("XDG_CACHE_HOME", cache().toString());
		env.remove("JAVA_TOOL_OPTIONS");
		env.putAll(environment);
		return new Running(pb.start(), out, err);
	}

	/** The jars of the tool's bundles and libraries in this runtime (what run_cli puts on its class path). */
	private static synchronized List<String> classpath() {
		if (classpath == null) {
			List<String> cp = new ArrayList<>();
			Bundle self = FrameworkUtil.getBundle(ScriptoriumCli.class);
			for (Bundle b : self.getBundleContext().getBundles()) {
				String name = b.getSymbolicName();
				if (name == null || !(name.matches("org\\.scriptorium\\.(core|search|sandbox|cite|refs|cli|bench)")
						|| name.equals("picocli") || name.equals("com.google.gson")
						|| name.startsWith("wrapped.org.apache.lucene.") || name.equals("org.apache.lucene.core")
						|| name.startsWith("wrapped.org.jbibtex")
						|| name.equals("wrapped.de.undercouch.citeproc-java") || name.equals("org.antlr.antlr4-runtime")
						|| name.equals("org.apache.commons.lang3") || name.equals("org.apache.commons.text"))) {
					continue;
				}
				// reference:file:/path/x.jar, perhaps after initial@; relative to the install area if not absolute
				String loc = b.getLocation();
				int at = loc.indexOf("file:");
				if (at >= 0) {
					Path p = Path.of(URLDecoder.decode(loc.substring(at + 5), StandardCharsets.UTF_8));
					if (!p.isAbsolute()) {
						p = Path.of(URI.create(System.getProperty("osgi.install.area"))).resolve(p).normalize();
					}
					if (Files.isRegularFile(p)) {
						cp.add(p.toString());
					}
				}
			}
			classpath = cp;
		}
		return classpath;
	}
}
