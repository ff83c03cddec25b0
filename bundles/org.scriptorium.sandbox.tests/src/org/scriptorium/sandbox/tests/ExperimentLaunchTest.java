package org.scriptorium.sandbox.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.sandbox.internal.launch.ExperimentLaunch;
import org.scriptorium.sandbox.internal.launch.LaunchMain;
import org.scriptorium.sandbox.internal.launch.Stopper;
import org.scriptorium.tests.common.TinyExperiment;

import com.google.gson.JsonParser;

/**
 * Running and validating an experiment file as {@code scriptorium run}/{@code validate} and the workbench's launch do,
 * through {@link LaunchMain#run} and {@link ExperimentLaunch#validate}: exit codes, messages, output. (The command
 * line of {@code scriptorium run} itself is tested in org.scriptorium.cli.tests.)
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExperimentLaunchTest {

	@TempDir
	Path tmp;

	private record Outcome(int code, String out, String err) {
	}

	/**
	 * {@code run FILE ...} through {@link LaunchMain#run}, {@code validate FILE [--set P=V]...} through
	 * {@link ExperimentLaunch#validate}.
	 */
	private Outcome cli(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
		PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
		int code;
		if (args.length > 0 && args[0].equals("validate")) {
			Map<String, String> sets = new LinkedHashMap<>();
			for (int i = 2; i + 1 < args.length; i += 2) {
				String[] kv = args[i + 1].split("=", 2);
				sets.put(kv[0], kv[1]);
			}
			code = ExperimentLaunch.validate(Path.of(args[1]), sets, null, false, o, e);
		} else {
			List<String> all = new ArrayList<>(Arrays.asList(args).subList(Math.min(1, args.length), args.length));
			all.add("--out");
			all.add(tmp.resolve("runs").toString());
			all.add("--classpath");
			all.add(String.join(java.io.File.pathSeparator,
					TestSupport.childClasspath().stream().map(Path::toString).toList()));
			code = LaunchMain.run(all.toArray(String[]::new), o, e, new Stopper());
		}
		return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private Path write(String name, String content) throws Exception {
		Path p = tmp.resolve(name);
		Files.writeString(p, content);
		return p;
	}

	@Test
	void successfulRunPrintsProgressAndASummaryTable() throws Exception {
		Path f = write("ok.moe.json", TinyExperiment.json("ok"));
		Outcome o = cli("run", f.toString(), "--seed", "42");
		assertEquals(ExperimentLaunch.OK, o.code(), o.err());
		assertTrue(o.out().contains("test.accuracy"), o.out());
		assertTrue(o.out().contains("s42"), o.out());
		assertTrue(o.out().contains("SUCCEEDED"));
		assertTrue(o.out().contains("100%"));
		assertEquals("", o.err());
	}

	@Test
	void jsonModePrintsOnlyJsonLines() throws Exception {
		Path f = write("ok.moe.json", TinyExperiment.json("ok"));
		Outcome o = cli("run", f.toString(), "--json");
		assertEquals(ExperimentLaunch.OK, o.code(), o.err());
		String[] lines = o.out().strip().split("\n");
		assertTrue(lines.length > 5);
		for (String l : lines) {
			assertTrue(JsonParser.parseString(l).isJsonObject(), l);
		}
		assertEquals("summary",
				JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject().get("event").getAsString());
	}

	@Test
	void invalidFileGivesOneLinePerProblemAndNoStackTrace() throws Exception {
		Path f = write("bad.moe.json",
				"{\n  \"name\": \"bad\",\n  \"strategy\": {\"type\": \"switch\", \"capacityFactor\": -1}\n}\n");
		Outcome o = cli("run", f.toString());
		assertEquals(ExperimentLaunch.INVALID, o.code());
		assertEquals(f + ": strategy.capacityFactor must be > 0, got -1 (line 3, col 52)",
				o.err().strip().replaceFirst("^error: ", ""));
		assertFalse(o.err().contains("Exception"));
		Outcome malformed = cli("validate", write("m.moe.json", "{\"name\": }").toString());
		assertEquals(ExperimentLaunch.INVALID, malformed.code());
		assertTrue(malformed.err().contains("(line 1, col"), malformed.err());
		assertEquals(ExperimentLaunch.INVALID, cli("run", tmp.resolve("missing.moe.json").toString()).code());
	}

	@Test
	void usageErrors() {
		assertEquals(ExperimentLaunch.USAGE, cli("run").code());
		assertEquals(ExperimentLaunch.USAGE, cli("run", "x", "y").code());
		Outcome o = cli("run", "x.json", "--bogus");
		assertEquals(ExperimentLaunch.USAGE, o.code());
		assertTrue(o.err().contains("unknown option --bogus"));
	}

	@Test
	void failedRunHasItsOwnExitCode() throws Exception {
		Path f = write("ext.moe.json", "{\"name\":\"ext\",\"external\":{\"command\":[\"python3\",\"train.py\"]}}");
		Outcome o = cli("run", f.toString());
		assertEquals(ExperimentLaunch.FAILED, o.code());
		assertTrue(o.err().contains("external-not-allowed"), o.err());
		assertTrue(o.err().contains("--allow-external"));
	}

	@Test
	void timeoutHasItsOwnExitCode() throws Exception {
		Path f = write("slow.moe.json", TinyExperiment.json("slow"));
		Outcome o = cli("run", f.toString(), "--timeout", "1", "--set", "data.train=400000", "--set",
				"training.epochs=50");
		assertEquals(ExperimentLaunch.TIMEOUT, o.code(), o.err());
		assertTrue(o.err().contains("timed out after 1 s"), o.err());
	}

	@Test
	void validateReportsTheNumberOfRuns() throws Exception {
		Path f = write("v.moe.json", TinyExperiment.json("v"));
		Outcome o = cli("validate", f.toString(), "--set", "seeds=[1,2,3]");
		assertEquals(ExperimentLaunch.OK, o.code(), o.err());
		assertTrue(o.out().contains("valid, 3 run(s)"), o.out());
	}

	@Test
	void taskRunsGetTheJvmOptionsLuceneNeedsAndTrainingRunsOnlyTheVectorModule() throws Exception {
		Path task = write("routing.moe.json", """
				{"name": "routing", "task": {"kind": "retrieval-routing", "dataDir": "data", "corpus": "corpus.jsonl",
				 "queries": "queries.jsonl", "qrels": "qrels/train.tsv", "experts": ["bm25", "minilm"]}}
				""");
		// no task provider on this class path (it comes with org.scriptorium.dense): the run fails, its JVM started
		assertEquals(ExperimentLaunch.FAILED, cli("run", task.toString()).code());
		assertTrue(childCommand("routing").containsAll(List.of("--add-modules", "jdk.incubator.vector",
				"--enable-native-access=ALL-UNNAMED")), childCommand("routing").toString());
		Path training = write("ok.moe.json", TinyExperiment.json("ok"));
		assertEquals(ExperimentLaunch.OK, cli("run", training.toString()).code());
		// training runs get the Vector API module for their kernels (Kernels.backend()), not Lucene's native access
		List<String> ok = childCommand("ok");
		assertEquals(1, java.util.Collections.frequency(ok, "--add-modules"), ok.toString());
		assertEquals("jdk.incubator.vector", ok.get(ok.indexOf("--add-modules") + 1), ok.toString());
		assertFalse(ok.contains("--enable-native-access=ALL-UNNAMED"), ok.toString());
	}

	/** The command line of the only run of the only launch of {@code experiment}, as its env.json records it. */
	private List<String> childCommand(String experiment) throws Exception {
		try (var files = Files.walk(tmp.resolve("runs").resolve(experiment))) {
			Path env = files.filter(p -> p.getFileName().toString().equals("env.json")).findFirst().orElseThrow();
			List<String> command = new ArrayList<>();
			JsonParser.parseString(Files.readString(env)).getAsJsonObject().getAsJsonArray("command")
					.forEach(e -> command.add(e.getAsString()));
			return command;
		}
	}
}
