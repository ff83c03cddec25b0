package org.scriptorium.cli.internal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.cli.internal.CliRun;
import org.scriptorium.cli.internal.ExitCode;
import org.scriptorium.sandbox.LaunchDirectory;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code scriptorium run} and {@code validate} on the command line: options, help, messages and exit codes. (What a
 * launch prints while its runs train is tested with the sandbox: org.scriptorium.sandbox.tests, ExperimentLaunchTest.)
 */
class SandboxCommandsTest {

	/** An experiment that is valid but whose run fails at once: it names an external command, not allowed. */
	private static final String EXTERNAL = "{\"name\":\"ext\",\"external\":{\"command\":[\"python3\",\"train.py\"]}}";

	@TempDir
	Path tmp;

	private final CliRun cli = new CliRun();

	private Path write(String name, String content) throws Exception {
		Path p = tmp.resolve(name);
		Files.writeString(p, content);
		return p;
	}

	@Test
	void runAndValidateTakeHelpOptions() {
		for (List<String> args : List.of(List.of("run", "--help"), List.of("run", "-h"), List.of("validate", "-h"),
				List.of("validate", "--help"), List.of("run", "x.moe.json", "--bogus", "--help"))) {
			assertEquals(ExitCode.OK, cli.run(args.toArray(String[]::new)), args + ": " + cli.err());
			assertTrue(cli.out().startsWith("Usage: scriptorium " + args.get(0) + " "), cli.out());
			assertTrue(cli.out().contains("--set=PATH=VALUE"), cli.out());
			assertEquals("", cli.err());
		}
	}

	@Test
	void usageErrorsAreOneLineAndCodeTwo() {
		for (List<String> args : List.of(List.of("run"), List.of("run", "a.moe.json", "b.moe.json"),
				List.of("validate", "x.json", "--bogus"), List.of("run", "x.moe.json", "--timeout", "0"),
				List.of("run", "x.moe.json", "--set", "novalue"), List.of("run", "x.moe.json", "--seed", "one"))) {
			assertEquals(ExitCode.USAGE, cli.run(args.toArray(String[]::new)), args.toString());
			assertTrue(cli.err().startsWith("error: "), cli.err());
			assertEquals(2, cli.err().lines().count(), cli.err());
		}
		cli.run("validate", "x.json", "--bogus");
		assertTrue(cli.err().contains("unknown option --bogus"), cli.err());
	}

	@Test
	void slurmOptionsNeedTheSlurmExecutor() {
		assertEquals(ExitCode.USAGE, cli.run("run", "x.moe.json", "--executor", "pbs"));
		assertTrue(cli.err().startsWith("error: ") && cli.err().contains("--executor must be local or slurm"),
				cli.err());
		assertEquals(ExitCode.USAGE, cli.run("run", "x.moe.json", "--partition", "gpu", "--mem", "2G"));
		assertTrue(cli.err().contains("need --executor slurm"), cli.err());
		assertEquals(ExitCode.OK, cli.run("run", "--help"));
		assertTrue(cli.out().contains("--executor=local|slurm") && cli.out().contains("--sbatch-arg=ARG"), cli.out());
	}

	@Test
	void attachTakesALaunchDirectoryOfSlurmAndNoOptionOfASubmission() throws Exception {
		assertEquals(ExitCode.OK, cli.run("run", "--help"));
		assertTrue(cli.out().contains("--attach=DIR") && cli.out().contains("[FILE]"), cli.out());
		Path launch = Files.createDirectories(tmp.resolve("launch"));
		Files.writeString(launch.resolve(LaunchDirectory.EXPERIMENT), EXTERNAL);
		String dir = launch.toString();

		assertEquals(ExitCode.USAGE, cli.run("run", "x.moe.json", "--attach", dir));
		assertTrue(cli.err().startsWith("error: ") && cli.err().contains("FILE or --attach DIR, not both"), cli.err());
		assertEquals(ExitCode.USAGE, cli.run("run", "--attach", dir, "--seed", "3", "--executor", "slurm", "--json"));
		assertTrue(cli.err().startsWith("error: --seed, --executor: not with --attach"), cli.err());
		assertEquals(2, cli.err().lines().count(), cli.err());

		assertEquals(ExitCode.INVALID_INPUT, cli.run("run", "--attach", tmp.resolve("none").toString()));
		assertTrue(cli.err().startsWith("error: ") && cli.err().contains("not a launch directory"), cli.err());
		assertEquals(ExitCode.INVALID_INPUT, cli.run("run", "--attach", dir));
		assertEquals("error: " + dir + ": not a launch submitted to Slurm (no slurm/job.json); only a Slurm launch "
				+ "can be followed again", cli.err().strip());
	}

	@Test
	void validateCountsTheRunsAndSaysWhatIsWrong() throws Exception {
		Path ok = write("v.moe.json", EXTERNAL);
		assertEquals(ExitCode.OK, cli.run("validate", ok.toString(), "--set", "seeds=[1,2,3]"), cli.err());
		assertEquals(ok + ": valid, 3 run(s)\n", cli.out());
		assertEquals(ExitCode.OK,
				cli.run("validate", ok.toString(), "--set", "seeds=[1,2,3]", "--seed", "9", "--json"));
		JsonObject o = JsonParser.parseString(cli.out()).getAsJsonObject();
		assertTrue(o.get("valid").getAsBoolean());
		assertEquals(1, o.get("runs").getAsInt());

		Path bad = write("bad.moe.json",
				"{\n  \"name\": \"bad\",\n  \"strategy\": {\"type\": \"switch\", \"capacityFactor\": -1}\n}\n");
		assertEquals(ExitCode.INVALID_INPUT, cli.run("validate", bad.toString(), "--json"));
		assertEquals("error: " + bad + ": strategy.capacityFactor must be > 0, got -1 (line 3, col 52)",
				cli.err().strip());
		JsonObject problem = JsonParser.parseString(cli.out()).getAsJsonObject().getAsJsonArray("problems").get(0)
				.getAsJsonObject();
		assertEquals(3, problem.get("line").getAsInt());
		assertEquals("strategy.capacityFactor", problem.get("path").getAsString());
		assertEquals(ExitCode.INVALID_INPUT, cli.run("run", bad.toString(), "--out", tmp.resolve("runs").toString()));
		assertEquals(ExitCode.INVALID_INPUT, cli.run("run", tmp.resolve("missing.moe.json").toString()));
		assertTrue(cli.err().startsWith("error: ") && cli.err().contains("no such file"), cli.err());
		assertFalse(cli.err().contains("Exception"), cli.err());
	}

	@Test
	void aFailedRunHasItsExitCodeAndJsonEventsOnStandardOutput() throws Exception {
		Path f = write("ext.moe.json", EXTERNAL);
		String runs = tmp.resolve("runs").toString();
		assertEquals(ExitCode.RUN_FAILED, cli.run("run", f.toString(), "--out", runs));
		assertTrue(cli.err().contains("external-not-allowed") && cli.err().contains("--allow-external"), cli.err());
		assertTrue(cli.out().contains("results: "), cli.out());

		assertEquals(ExitCode.RUN_FAILED, cli.run("run", f.toString(), "--out", runs, "--json"));
		List<String> lines = cli.out().lines().toList();
		for (String l : lines) {
			assertTrue(JsonParser.parseString(l).isJsonObject(), l);
		}
		assertEquals("launch", JsonParser.parseString(lines.get(0)).getAsJsonObject().get("event").getAsString());
		JsonObject summary = JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject();
		assertEquals("summary", summary.get("event").getAsString());
		assertEquals("FAILED", summary.getAsJsonArray("runs").get(0).getAsJsonObject().get("status").getAsString());
	}
}
