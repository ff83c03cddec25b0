package org.scriptorium.tests.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A real single-node Slurm for the tests, started and stopped by the product's own scripts
 * ({@code releng/scripts/slurm/start.sh}, {@code stop.sh}). Where it cannot start (not root, the packages missing,
 * a daemon refusing), the tests that need it are skipped with the reason; a cluster that was already running is used
 * and left running. Used by the sandbox's Slurm executor tests and the command line's {@code run --attach} test.
 */
public final class SlurmSupport {

	/** Where the test cluster keeps its state. */
	public static final Path DIR = Path.of(System.getenv().getOrDefault("SLURM_DIR", "/tmp/scriptorium-slurm"));
	public static final Path CONF = DIR.resolve("etc/slurm.conf");

	private static boolean started;
	private static String skipped;

	private SlurmSupport() {
	}

	/** The variables Slurm's commands need to reach the test cluster. */
	public static Map<String, String> environment() {
		return Map.of("SLURM_CONF", CONF.toString());
	}

	/** Starts the cluster if needed, or skips the calling test with the reason. */
	public static synchronized void assumeRunning() {
		if (skipped == null && !started) {
			skipped = start();
		}
		Assumptions.assumeTrue(skipped == null, skipped);
	}

	private static String start() {
		Path script = scripts().resolve("start.sh");
		if (!Files.isRegularFile(script)) {
			return "skipped: Slurm cannot start here: " + script + " not found";
		}
		try {
			boolean running = Files.isRegularFile(CONF) && run(List.of("scontrol", "ping"), 20).contains("is UP");
			String out = run(List.of("/bin/bash", script.toString()), 120);
			if (!out.contains("slurm ready")) {
				return "skipped: Slurm cannot start here: " + out.strip().replace('\n', ' ');
			}
			started = !running;
			if (started) {
				Runtime.getRuntime().addShutdownHook(new Thread(SlurmSupport::stop, "slurm-stop"));
			}
			return null;
		} catch (IOException e) {
			return "skipped: Slurm cannot start here: " + e.getMessage();
		}
	}

	/** Stops the cluster if these tests started it. */
	public static synchronized void stop() {
		if (started) {
			started = false;
			try {
				run(List.of("/bin/bash", scripts().resolve("stop.sh").toString()), 120);
			} catch (IOException e) {
				System.err.println("cannot stop the test Slurm: " + e.getMessage());
			}
		}
	}

	/** Runs a command with the cluster's environment; returns its standard output and error. */
	public static String run(List<String> command, int seconds) throws IOException {
		ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
		pb.environment().putAll(environment());
		pb.environment().put("SLURM_DIR", DIR.toString());
		Process p = pb.start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		try {
			if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				throw new IOException(command + " did not finish within " + seconds + " s");
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", e);
		}
		return out;
	}

	/** The product's Slurm scripts, found from the working directory upwards. */
	public static Path scripts() {
		for (Path c = Path.of("").toAbsolutePath(); c != null; c = c.getParent()) {
			Path s = c.resolve("releng/scripts/slurm");
			if (Files.isDirectory(s)) {
				return s;
			}
		}
		return Path.of("releng/scripts/slurm");
	}
}
