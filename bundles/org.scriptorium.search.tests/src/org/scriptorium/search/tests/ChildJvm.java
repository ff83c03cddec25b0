package org.scriptorium.search.tests;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Starts a child JVM with the class path of the given classes: their code sources, which works on a plain class path
 * and in an OSGi test runtime (where a bundle's code source is its jar or its project folder).
 */
public final class ChildJvm {

	private ChildJvm() {
	}

	/** The class path entries holding these classes. */
	public static String classPath(Class<?>... classes) {
		Set<String> entries = new LinkedHashSet<>();
		for (Class<?> c : classes) {
			entries.add(location(c).toString());
		}
		return String.join(File.pathSeparator, entries);
	}

	private static Path location(Class<?> c) {
		CodeSource cs = c.getProtectionDomain().getCodeSource();
		if (cs == null || cs.getLocation() == null) {
			throw new IllegalStateException("no code source for " + c.getName());
		}
		URL url = cs.getLocation();
		String s = url.toString();
		if (s.startsWith("reference:")) {
			s = s.substring("reference:".length());
		}
		Path p;
		try {
			p = Path.of(new java.net.URI(s.replace(" ", "%20")));
		} catch (URISyntaxException | IllegalArgumentException e) {
			throw new IllegalStateException("unusable code source " + url + " of " + c.getName(), e);
		}
		String relative = c.getName().replace('.', '/') + ".class";
		if (Files.isDirectory(p) && !Files.exists(p.resolve(relative))) {
			// a bundle project folder: its classes are in an output folder
			for (String out : List.of("target/classes", "bin", "target/test-classes")) {
				if (Files.exists(p.resolve(out).resolve(relative))) {
					return p.resolve(out);
				}
			}
		}
		return p;
	}

	/** A process builder for {@code java -cp <classes> main args...} with this JVM's executable. */
	public static ProcessBuilder java(List<Class<?>> classPathOf, String main, String... args) {
		List<String> cmd = new ArrayList<>();
		cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		cmd.add("-Xmx256m");
		cmd.add("-cp");
		cmd.add(classPath(classPathOf.toArray(Class<?>[]::new)));
		cmd.add(main);
		cmd.addAll(List.of(args));
		return new ProcessBuilder(cmd).redirectErrorStream(true);
	}
}
