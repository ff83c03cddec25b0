package org.scriptorium.cli.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs {@link ScriptoriumCli#run} in process and keeps what the last run printed on standard output and error. */
public final class CliRun {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	/** Runs the command line and returns its exit code. */
	public int run(String... args) {
		out.reset();
		err.reset();
		return ScriptoriumCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	public String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

	public String err() {
		return err.toString(StandardCharsets.UTF_8);
	}
}
