package org.scriptorium.sandbox.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * The system Python for tests of external runs: Debian's {@code /usr/bin/python3} (the interpreter that sees
 * {@code python3-torch}; another one first on the PATH may not). A test that needs it is skipped with a message
 * naming the missing piece when it is absent.
 */
final class PythonSupport {

	static final Path PYTHON = Path.of("/usr/bin/python3");

	private PythonSupport() {
	}

	/** Skips the calling test unless the system Python exists (and imports {@code module}, if not null). */
	static void assumePython(String module) {
		Assumptions.assumeTrue(Files.isExecutable(PYTHON), "skipped: no " + PYTHON);
		if (module != null) {
			Assumptions.assumeTrue(imports(module),
					"skipped: " + PYTHON + " cannot import " + module + " (Debian: apt-get install python3-" + module
							+ "; ./scriptorium test installs it)");
		}
	}

	private static boolean imports(String module) {
		try {
			Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import " + module).redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
			return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
		} catch (java.io.IOException e) {
			return false;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}
}
