package org.scriptorium.cli.internal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.scriptorium.cli.internal.bench.BenchCommand;
import org.scriptorium.cli.internal.dense.DenseCheckCommand;
import org.scriptorium.cli.internal.papers.ExportCommand;
import org.scriptorium.cli.internal.papers.GraphCommand;
import org.scriptorium.cli.internal.papers.ImportCommand;
import org.scriptorium.cli.internal.refs.RefsCommand;
import org.scriptorium.cli.internal.sandbox.RunCommand;
import org.scriptorium.cli.internal.sandbox.ValidateCommand;
import org.scriptorium.cli.internal.search.EvalCommand;
import org.scriptorium.cli.internal.search.RelatedCommand;
import org.scriptorium.cli.internal.search.SearchCommand;
import org.scriptorium.core.io.FileProblems;
import org.scriptorium.search.internal.eval.BeirData;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code scriptorium COMMAND ...}: the one command-line tool of Scriptorium (what {@code ./scriptorium} runs for every
 * command but ide, build, test and install-test), on the plug-ins' jars outside OSGi. Every command takes
 * {@code -h}/{@code --help}, prints its data on standard output and its messages on standard error (an error is one
 * line, never a stack trace) and exits with a code of {@link ExitCode}.
 */
@Command(name = "scriptorium", customSynopsis = "scriptorium COMMAND [OPTIONS] [ARGUMENTS]", description = "The command-line tools: they run the plug-ins' code from the product's jars, no IDE needed. "
		+ "See 'scriptorium COMMAND --help' for a command's options.", commandListHeading = "%nCommands:%n", exitCodeListHeading = "%nExit codes (of every command):%n", subcommands = {
				ImportCommand.class, ExportCommand.class, GraphCommand.class, SearchCommand.class,
				RelatedCommand.class, EvalCommand.class, RunCommand.class, ValidateCommand.class,
				DenseCheckCommand.class, BenchCommand.class, RefsCommand.class})
public final class ScriptoriumCli extends CliCommand {

	private static final System.Logger LOG = System.getLogger(ScriptoriumCli.class.getName());
	/** Held so that its level stays set: JUL keeps loggers weakly. */
	private static final Logger LUCENE_VECTORIZATION = Logger.getLogger("org.apache.lucene.internal.vectorization");

	@Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help.")
	boolean help;

	private final PrintStream out;
	private final PrintStream err;
	private final boolean ownsProcess;

	private ScriptoriumCli(PrintStream out, PrintStream err, boolean ownsProcess) {
		this.out = out;
		this.err = err;
		this.ownsProcess = ownsProcess;
	}

	public static void main(String[] args) {
		// Lucene says at INFO level that it uses the Vector API (the launcher adds jdk.incubator.vector): not news on
		// a command line; its warnings still show
		LUCENE_VECTORIZATION.setLevel(Level.WARNING);
		int code = run(args, System.out, System.err, true);
		System.out.flush();
		System.exit(code);
	}

	/** Runs a command line in this JVM and returns its exit code. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		return run(args, out, err, false);
	}

	private static int run(String[] args, PrintStream out, PrintStream err, boolean ownsProcess) {
		CommandLine cl = new CommandLine(new ScriptoriumCli(out, err, ownsProcess));
		PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
		PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
		cl.setUsageHelpWidth(100);
		cl.setOut(outWriter);
		cl.setErr(errWriter);
		cl.getCommandSpec().usageMessage().exitCodeList(ExitCode.table());
		cl.setParameterExceptionHandler((e, a) -> badCommandLine(e, a, err));
		cl.setExecutionExceptionHandler((e, command, parsed) -> failed(e, err));
		int code;
		try {
			code = cl.execute(args);
		} catch (StackOverflowError | OutOfMemoryError e) {
			// errors, not exceptions: picocli lets them through; still one line, never a trace
			LOG.log(System.Logger.Level.DEBUG, "internal error", e);
			err.println(e instanceof StackOverflowError
					? "error: internal error (the input is nested too deeply to process: StackOverflowError); "
							+ "please report it"
					: "error: out of memory (" + e.getMessage() + "): give the tool more memory (JAVA_OPTS=-Xmx4g) or "
							+ "a smaller input");
			code = ExitCode.INTERNAL;
		}
		outWriter.flush();
		errWriter.flush();
		return code;
	}

	@Override
	public Integer call() {
		throw usage("missing command");
	}

	@Override
	protected PrintStream out() {
		return out;
	}

	@Override
	protected PrintStream err() {
		return err;
	}

	/** Whether this tool is the process (started by {@link #main}): it may watch stdin and add shutdown hooks. */
	public boolean ownsProcess() {
		return ownsProcess;
	}

	/** A bad command line: one line saying what is wrong and where to look; or the help, if it was asked for. */
	private static int badCommandLine(ParameterException e, String[] args, PrintStream err) {
		CommandLine command = e.getCommandLine();
		if (asksForHelp(args)) {
			command.usage(command.getOut());
			return ExitCode.OK;
		}
		err.println("error: " + message(e));
		err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
		return ExitCode.USAGE;
	}

	/** {@code -h} or {@code --help} before any {@code --}. */
	private static boolean asksForHelp(String[] args) {
		for (String a : args) {
			if (a.equals("--")) {
				return false;
			}
			if (a.equals("-h") || a.equals("--help")) {
				return true;
			}
		}
		return false;
	}

	private static String message(ParameterException e) {
		if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
			String first = u.getUnmatched().get(0);
			if (first.startsWith("-") && first.length() > 1) {
				return "unknown option " + first;
			}
			return e.getCommandLine().getSubcommands().isEmpty()
					? "unexpected argument " + first
					: "unknown command '" + first + "' (" + String.join(", ",
							e.getCommandLine().getSubcommands().keySet()) + ")";
		}
		return e.getMessage();
	}

	/** A command failed: its message and code, an I/O error, or a bug (one line, the trace only in the log). */
	private static int failed(Exception e, PrintStream err) {
		if (e instanceof Failure f) {
			err.println("error: " + f.getMessage());
			return f.code();
		}
		if (e instanceof BeirData.FormatException) {
			err.println("error: " + e.getMessage());
			return ExitCode.INVALID_INPUT;
		}
		if (e instanceof IOException || e instanceof UncheckedIOException) {
			LOG.log(System.Logger.Level.DEBUG, "I/O error", e);
			err.println("error: " + FileProblems.describe(
					e instanceof UncheckedIOException u ? u.getCause() : (IOException) e));
			return ExitCode.IO_ERROR;
		}
		LOG.log(System.Logger.Level.DEBUG, "internal error", e);
		err.println("error: internal error (" + e + "); please report it");
		return ExitCode.INTERNAL;
	}

	/** The tool's commands as picocli sees them, for looking at (not running). */
	static CommandLine describe() {
		return new CommandLine(new ScriptoriumCli(System.out, System.err, false));
	}
}
