package org.scriptorium.sandbox.internal.runner;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an experiment's external command so that it dies with its launch: {@code ExternalGuard COMMAND [ARG...]}
 * starts the command (no shell) with this process' standard output and error, passes standard input on, and when
 * standard input ends (the launch closed it to cancel, or the launch died, even by {@code kill -9}) stops the
 * command and everything it started: its input is closed, after {@value #GRACE_MS} ms it gets SIGTERM, after as long
 * again SIGKILL. A SIGTERM to the guard stops the command the same way. Exits with the command's exit code.
 */
public final class ExternalGuard {

	/** How long the command gets after its input closed, and again after SIGTERM. */
	static final long GRACE_MS = 1000;

	private ExternalGuard() {
	}

	/** The command line that runs {@code command} under the guard, with {@code java} and the sandbox's classes. */
	public static List<String> wrap(Path javaBin, List<Path> classpath, List<String> command) {
		List<String> out = new ArrayList<>();
		out.add(javaBin.toString());
		out.add("-Xmx16m");
		out.add("-XX:+UseSerialGC");
		out.add("-XX:TieredStopAtLevel=1");
		out.add("-XX:-CreateCoredumpOnCrash");
		out.add("-cp");
		out.add(String.join(File.pathSeparator,
				classpath.stream().map(p -> p.toAbsolutePath().toString()).toList()));
		out.add(ExternalGuard.class.getName());
		out.addAll(command);
		return out;
	}

	public static void main(String[] args) throws InterruptedException {
		if (args.length == 0) {
			System.err.println("usage: ExternalGuard COMMAND [ARG...]");
			System.exit(2);
		}
		Process p;
		try {
			p = new ProcessBuilder(args).redirectOutput(ProcessBuilder.Redirect.INHERIT)
					.redirectError(ProcessBuilder.Redirect.INHERIT).start();
		} catch (IOException e) {
			System.err.println("cannot start " + args[0] + ": " + e.getMessage());
			System.exit(127);
			return;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(p, false)));
		Thread input = new Thread(() -> {
			pass(System.in, p.getOutputStream());
			stop(p, true);
		}, "external-guard-stdin");
		input.setDaemon(true);
		input.start();
		int code = p.waitFor();
		System.out.flush();
		Runtime.getRuntime().halt(code);
	}

	/** Copies the guard's input to the command's until the input ends; then closes the command's. */
	private static void pass(InputStream in, OutputStream to) {
		byte[] buf = new byte[4096];
		try (to) {
			int n;
			while ((n = in.read(buf)) >= 0) {
				try {
					to.write(buf, 0, n);
					to.flush();
				} catch (IOException e) {
					// the command closed its input; keep watching ours
				}
			}
		} catch (IOException e) {
			// our input is gone: the same as its end
		}
	}

	/** Stops the command and its descendants: (a grace after its input closed,) SIGTERM, a grace, SIGKILL. */
	private static void stop(Process p, boolean graceFirst) {
		try {
			if (graceFirst && p.waitFor(GRACE_MS, TimeUnit.MILLISECONDS)) {
				return;
			}
			List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
			tree.forEach(ProcessHandle::destroy);
			p.destroy();
			if (!p.waitFor(GRACE_MS, TimeUnit.MILLISECONDS)) {
				tree.addAll(p.descendants().toList());
				tree.forEach(ProcessHandle::destroyForcibly);
				p.destroyForcibly();
			} else {
				tree.forEach(ProcessHandle::destroyForcibly);
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			p.destroyForcibly();
		}
	}
}
