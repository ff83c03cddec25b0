package org.scriptorium.cli.internal;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A command of the tool: parses its options (picocli), calls the library bundles and prints data on {@link #out()},
 * messages on {@link #err()}; returns its exit code or throws a {@link Failure}.
 */
public abstract class CliCommand implements Callable<Integer> {

	@Spec
	protected CommandSpec spec;

	/** Standard output: the command's data. */
	protected PrintStream out() {
		return ((ScriptoriumCli) spec.root().userObject()).out();
	}

	/** Standard error: messages (progress, warnings, errors). */
	protected PrintStream err() {
		return ((ScriptoriumCli) spec.root().userObject()).err();
	}

	/** A bad command line (exit code {@link ExitCode#USAGE}), to throw. */
	protected ParameterException usage(String message) {
		return new ParameterException(spec.commandLine(), message);
	}
}
