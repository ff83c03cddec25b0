package org.scriptorium.sandbox.tests;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.scriptorium.core.io.AtomicFile;
import org.scriptorium.sandbox.Experiment;
import org.scriptorium.sandbox.ExperimentException;
import org.scriptorium.sandbox.SandboxRunner;

import com.google.gson.Gson;

/**
 * Shared helpers: parsing fixtures, the shipped examples, and the classpath for children (sandbox + core + Gson + test
 * classes). The tiny experiment is {@link org.scriptorium.tests.common.TinyExperiment}.
 */
public final class TestSupport {

	private TestSupport() {
	}

	public static Experiment parse(String json) {
		try {
			return Experiment.parse(json, "test.moe.json");
		} catch (ExperimentException e) {
			throw new AssertionError("fixture invalid: " + e.problems(), e);
		}
	}

	/** A shipped example, read through the bundle's class loader (works in OSGi and on a classpath) or the file. */
	public static Experiment example(String name) throws Exception {
		String file = name + Experiment.EXTENSION;
		try (var in = SandboxRunner.class.getResourceAsStream("/experiments/" + file)) {
			if (in != null) {
				return Experiment.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), file);
			}
		}
		return Experiment.load(experimentsDir().resolve(file));
	}

	/** Directory of the shipped example experiments. */
	public static Path experimentsDir() {
		for (Path p : locations(SandboxRunner.class)) {
			for (Path c = p; c != null; c = c.getParent()) {
				Path e = c.resolve("experiments");
				if (Files.isDirectory(e) && Files.exists(e.resolve("e1-topk-vs-topp.moe.json"))) {
					return e;
				}
				Path sibling = c.resolve("org.scriptorium.sandbox").resolve("experiments");
				if (Files.isDirectory(sibling)) {
					return sibling;
				}
			}
		}
		Path fromCwd = Path.of("").toAbsolutePath();
		for (Path c = fromCwd; c != null; c = c.getParent()) {
			Path e = c.resolve("bundles/org.scriptorium.sandbox/experiments");
			if (Files.isDirectory(e)) {
				return e;
			}
			Path s = c.resolve("org.scriptorium.sandbox/experiments");
			if (Files.isDirectory(s)) {
				return s;
			}
		}
		throw new AssertionError("cannot find the experiments/ folder of org.scriptorium.sandbox");
	}

	/**
	 * Classpath for child JVMs: the folders/jars holding the sandbox, core (whose {@code AtomicFile} writes the run
	 * directories when a child is the sandbox CLI), Gson and these tests.
	 */
	public static List<Path> childClasspath() {
		List<Path> out = new ArrayList<>();
		for (Class<?> c : new Class<?>[]{SandboxRunner.class, AtomicFile.class, Gson.class, TestSupport.class}) {
			for (Path p : locations(c)) {
				if (!out.contains(p)) {
					out.add(p);
				}
			}
		}
		return out;
	}

	private static List<Path> locations(Class<?> c) {
		List<Path> out = new ArrayList<>();
		String resource = c.getName().replace('.', '/') + ".class";
		CodeSource cs = c.getProtectionDomain().getCodeSource();
		if (cs != null && cs.getLocation() != null && "file".equals(cs.getLocation().getProtocol())) {
			try {
				Path p = Path.of(cs.getLocation().toURI());
				out.add(resolveClassesRoot(p, resource));
				return out;
			} catch (URISyntaxException e) {
				throw new AssertionError(e);
			}
		}
		for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
			Path p = Path.of(entry);
			if (Files.isDirectory(p)
					? Files.exists(p.resolve(resource))
					: entry.endsWith(".jar") && jarHas(p, resource)) {
				out.add(p);
				return out;
			}
		}
		throw new AssertionError("cannot locate the classes of " + c.getName() + " (code source " + cs + ")");
	}

	/** A bundle folder in dev mode holds its classes in target/classes or bin/. */
	private static Path resolveClassesRoot(Path p, String resource) {
		if (!Files.isDirectory(p) || Files.exists(p.resolve(resource))) {
			return p;
		}
		for (String sub : new String[]{"target/classes", "bin", "target/test-classes"}) {
			if (Files.exists(p.resolve(sub).resolve(resource))) {
				return p.resolve(sub);
			}
		}
		return p;
	}

	private static boolean jarHas(Path jar, String resource) {
		try (var z = new java.util.zip.ZipFile(jar.toFile())) {
			return z.getEntry(resource) != null;
		} catch (java.io.IOException e) {
			return false;
		}
	}

	/** Overrides that shrink a shipped example for tests. */
	public static Map<String, String> reduced(int train, int test, int epochs) {
		return Map.of("data.train", Integer.toString(train), "data.test", Integer.toString(test), "training.epochs",
				Integer.toString(epochs), "evaluation.bootstrap", "100");
	}
}
