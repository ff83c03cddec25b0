package org.scriptorium.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.scriptorium.sandbox.internal.launch.ExperimentLaunch;

import picocli.CommandLine;

/** The tool as a whole: every command's help, the exit-code table, bad command lines. */
class ScriptoriumCliTest {

	private final CliRun cli = new CliRun();

	/** Every command and sub-command, as words of a command line ({@code graph cites}, {@code bench dense}, ...). */
	private static List<List<String>> commands() {
		List<List<String>> all = new ArrayList<>();
		collect(ScriptoriumCli.describe(), new ArrayList<>(), all);
		return all;
	}

	private static void collect(CommandLine c, List<String> words, List<List<String>> all) {
		c.getSubcommands().forEach((name, sub) -> {
			List<String> w = new ArrayList<>(words);
			w.add(name);
			all.add(w);
			collect(sub, w, all);
		});
	}

	@Test
	void everyCommandHasHelpOnStandardOutput() {
		List<List<String>> commands = commands();
		assertEquals(List.of("import", "export", "graph", "search", "related", "eval", "run", "validate",
				"dense-check", "bench", "refs"), commands.stream().filter(c -> c.size() == 1).map(c -> c.get(0)).toList());
		assertTrue(commands.contains(List.of("graph", "path")) && commands.contains(List.of("bench", "dense")));
		for (List<String> command : commands) {
			for (String help : new String[]{"--help", "-h"}) {
				List<String> args = new ArrayList<>(command);
				args.add(help);
				assertEquals(ExitCode.OK, cli.run(args.toArray(String[]::new)), args + ": " + cli.err());
				assertTrue(cli.out().startsWith("Usage: scriptorium " + String.join(" ", command) + " "),
						args + ": " + cli.out());
				assertTrue(cli.out().contains("-h, --help"), cli.out());
				assertEquals("", cli.err(), args.toString());
			}
		}
	}

	@Test
	void theToolsHelpListsTheCommandsAndTheExitCodes() {
		assertEquals(ExitCode.OK, cli.run("--help"));
		for (List<String> command : commands()) {
			if (command.size() == 1) {
				assertTrue(cli.out().contains("\n  " + command.get(0) + " "), command + ": " + cli.out());
			}
		}
		for (Map.Entry<String, String> e : ExitCode.table().entrySet()) {
			assertTrue(cli.out().matches("(?s).*\\n +" + e.getKey() + " +" + java.util.regex.Pattern.quote(e.getValue())
					+ ".*"), e + ": " + cli.out());
		}
	}

	@Test
	void theExitCodesAreTheDocumentedTableAndTheSandboxLaunchUsesIt() {
		// README.md, "Exit codes"
		assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 70), List.of(ExitCode.OK,
				ExitCode.NOTHING_FOUND, ExitCode.USAGE, ExitCode.INVALID_INPUT, ExitCode.IO_ERROR, ExitCode.BAD_QUERY,
				ExitCode.NO_SUCH_PAPER, ExitCode.AMBIGUOUS_PAPER, ExitCode.RUN_FAILED, ExitCode.RUN_TIMED_OUT,
				ExitCode.CANCELLED, ExitCode.CHECK_FAILED, ExitCode.RUN_DIVERGED, ExitCode.UNKNOWN_REFERENCES,
				ExitCode.INTERNAL));
		assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "70"),
				List.copyOf(ExitCode.table().keySet()));
		// the workbench's launch process exits with the same codes
		assertEquals(List.of(ExitCode.OK, ExitCode.USAGE, ExitCode.INVALID_INPUT, ExitCode.RUN_FAILED,
				ExitCode.RUN_TIMED_OUT, ExitCode.CANCELLED, ExitCode.RUN_DIVERGED, ExitCode.INTERNAL),
				List.of(ExperimentLaunch.OK, ExperimentLaunch.USAGE, ExperimentLaunch.INVALID, ExperimentLaunch.FAILED,
						ExperimentLaunch.TIMEOUT, ExperimentLaunch.CANCELLED, ExperimentLaunch.DIVERGED,
						ExperimentLaunch.INTERNAL));
	}

	@Test
	void aBadCommandLineIsOneLineAndAPointerToTheHelp() {
		assertEquals(ExitCode.USAGE, cli.run());
		assertEquals("error: missing command\nTry 'scriptorium --help' for more information.\n", cli.err());
		assertEquals("", cli.out());
		assertEquals(ExitCode.USAGE, cli.run("frobnicate"));
		assertTrue(cli.err().startsWith("error: unknown command 'frobnicate' (import, export, graph, "), cli.err());
		assertEquals(ExitCode.USAGE, cli.run("bench"));
		assertTrue(cli.err().startsWith("error: bench needs a benchmark: search, graph, import, sandbox, dense, refs or "
				+ "fidelity\nTry 'scriptorium bench --help'"), cli.err());
		assertEquals(ExitCode.USAGE, cli.run("bench", "graph", "--papers", "none"));
		assertEquals(2, cli.err().lines().count(), cli.err());
	}
}
