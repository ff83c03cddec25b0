package org.scriptorium.sandbox.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.sandbox.Experiment;
import org.scriptorium.sandbox.RunResult;
import org.scriptorium.sandbox.RunSpec;
import org.scriptorium.sandbox.RunStatus;
import org.scriptorium.sandbox.SandboxRunner;
import org.scriptorium.sandbox.internal.math.Kernels;
import org.scriptorium.sandbox.internal.math.Rng;
import org.scriptorium.sandbox.internal.model.Trainer;
import org.scriptorium.sandbox.internal.model.TrainingListener;
import org.scriptorium.sandbox.internal.routing.DeepSeekMoeRouting;
import org.scriptorium.sandbox.internal.routing.DynamicTopP;
import org.scriptorium.sandbox.internal.routing.ExpertChoice;
import org.scriptorium.sandbox.internal.routing.GShardTopK;
import org.scriptorium.sandbox.internal.routing.RouteContext;
import org.scriptorium.sandbox.internal.routing.Routing;
import org.scriptorium.sandbox.internal.routing.RoutingStrategy;
import org.scriptorium.sandbox.internal.routing.SwitchTop1;
import org.scriptorium.sandbox.internal.runner.ExternalRuns;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The Java sandbox against its PyTorch reference ({@code scriptorium_sandbox.torch_moe}) on every strategy they
 * share: on the same hidden states and router weights their routing decisions (requested and executed experts)
 * agree exactly and their gates to 1e-12; trained on the same SynthDomains examples (the sandbox writes them for the
 * PyTorch run), their test metrics agree within the tolerances below (docs/QUALITY.md, "PyTorch reference"). The
 * two trainers draw their own initial weights and batch order, so the metrics differ by seed noise, not more.
 */
@Timeout(value = 170, unit = TimeUnit.SECONDS)
class TorchAgreementTest {

	/** Largest difference in test accuracy (the spread of one seed at this size is about 0.02). */
	static final double ACCURACY_TOLERANCE = 0.06;
	/** Largest difference in activated experts per token. */
	static final double AVG_K_TOLERANCE = 0.35;

	@TempDir
	Path tmp;

	@BeforeAll
	static void torch() {
		PythonSupport.assumePython("torch");
	}

	private record Case(String json, RoutingStrategy java) {
	}

	private static List<Case> strategies() {
		return List.of(new Case("{\"type\": \"top-k\", \"k\": 2, \"capacityFactor\": 1.0}", new GShardTopK(2, 1.0)),
				new Case("{\"type\": \"top-k\", \"k\": 3}", new GShardTopK(3, Double.POSITIVE_INFINITY)),
				new Case("{\"type\": \"switch\", \"capacityFactor\": 1.25}", new SwitchTop1(1.25)),
				new Case("{\"type\": \"top-p\", \"p\": 0.4}", new DynamicTopP(0.4, 1.0)),
				new Case("{\"type\": \"top-p\", \"p\": 0.7, \"temperature\": 0.5}", new DynamicTopP(0.7, 0.5)),
				new Case("{\"type\": \"expert-choice\", \"capacityFactor\": 1.0}", new ExpertChoice(1.0)),
				new Case("{\"type\": \"expert-choice\", \"capacityFactor\": 2.0}", new ExpertChoice(2.0)),
				new Case("{\"type\": \"deepseek\", \"k\": 2}", new DeepSeekMoeRouting(2)));
	}

	@Test
	void routingDecisionsOnFixedWeightsAgreeExactly() throws Exception {
		int tokens = 96;
		int hidden = 16;
		int experts = 8;
		Rng rng = new Rng(11);
		double[][] h = rng.gaussianMatrix(tokens, hidden, 1.0);
		double[][] wr = rng.gaussianMatrix(experts, hidden, 0.5);
		JsonObject in = new JsonObject();
		in.add("h", matrix(h));
		in.add("wr", matrix(wr));
		JsonArray specs = new JsonArray();
		strategies().forEach(c -> specs.add(JsonParser.parseString(c.json())));
		in.add("strategies", specs);
		Path inFile = tmp.resolve("route-in.json");
		Path outFile = tmp.resolve("route-out.json");
		Files.writeString(inFile, in.toString());
		python("-m", "scriptorium_sandbox.torch_moe", "--route", inFile.toString(), outFile.toString());
		JsonArray results = JsonParser.parseString(Files.readString(outFile)).getAsJsonObject()
				.getAsJsonArray("results");

		double[][] logits = Kernels.matmulABt(h, wr);
		int dropped = 0;
		for (int s = 0; s < strategies().size(); s++) {
			Case c = strategies().get(s);
			Routing r = c.java().route(logits, experts, RouteContext.eval(new Rng(1), new int[tokens], new int[tokens]));
			JsonObject torch = results.get(s).getAsJsonObject();
			for (int t = 0; t < tokens; t++) {
				String where = c.json() + " token " + t;
				assertArrayEquals(r.requested[t], ints(torch.getAsJsonArray("requested").get(t)), "requested, " + where);
				int[] executed = ints(torch.getAsJsonArray("executed").get(t));
				List<Integer> java = new ArrayList<>();
				for (int e = 0; e < experts; e++) {
					if (r.executed[t][e]) {
						java.add(e);
					}
				}
				assertArrayEquals(java.stream().mapToInt(Integer::intValue).toArray(), executed, "executed, " + where);
				dropped += r.requested[t].length - executed.length;
				JsonArray gate = torch.getAsJsonArray("gate").get(t).getAsJsonArray();
				for (int e = 0; e < experts; e++) {
					assertEquals(r.gate[t][e], gate.get(e).getAsDouble(), 1e-12, "gate " + e + ", " + where);
				}
			}
		}
		assertTrue(dropped > 0, "the capacities dropped some requested experts, so dropping is compared too");
	}

	/** One training configuration per shared strategy, at a size that trains in seconds. */
	static Map<String, String> trainingCases() {
		String base = "\"data\": {\"train\": 2400, \"test\": 1600}, \"model\": {\"hidden\": 32, \"experts\": 8, "
				+ "\"expertHidden\": 16%s}, \"training\": {\"epochs\": 5}, \"evaluation\": {\"bootstrap\": 10}, ";
		Map<String, String> cases = new LinkedHashMap<>();
		cases.put("top-k c1.25", String.format(base, "") + "\"strategy\": {\"type\": \"top-k\", \"k\": 2, "
				+ "\"capacityFactor\": 1.25}, \"losses\": [{\"type\": \"switch-balance\", \"firstChoiceOnly\": true}]");
		cases.put("top-p 0.4", String.format(base, "") + "\"strategy\": {\"type\": \"top-p\", \"p\": 0.4}, "
				+ "\"losses\": [{\"type\": \"switch-balance\"}, {\"type\": \"entropy\"}]");
		cases.put("expert-choice c2", String.format(base, "")
				+ "\"strategy\": {\"type\": \"expert-choice\", \"capacityFactor\": 2}");
		cases.put("deepseek + shared", String.format(base, ", \"sharedExperts\": 1")
				+ "\"strategy\": {\"type\": \"deepseek\", \"k\": 2}, \"losses\": [{\"type\": \"deepseek-balance\"}, "
				+ "{\"type\": \"z-loss\"}]");
		return cases;
	}

	@Test
	void metricsOfBothTrainersAgreeWithinTolerance() throws Exception {
		StringBuilder table = new StringBuilder();
		for (var c : trainingCases().entrySet()) {
			Experiment e = TestSupport.parse("{\"name\": \"agree\", \"external\": {\"command\": [\""
					+ PythonSupport.PYTHON + "\", \"-m\", \"scriptorium_sandbox.torch_moe\"], \"inputs\": "
					+ "[\"synth-domains\"]}, \"seeds\": [1], " + c.getValue() + "}");
			RunSpec spec = e.runs().get(0);
			Map<String, Double> java = new Trainer(Experiment.bindResolved(spec.config(), "agree"), spec.seed(),
					TrainingListener.NONE).run().metrics();
			RunResult torch = SandboxRunner.builder().allowExternal(true).outputDirectory(tmp)
					.timeout(Duration.ofSeconds(120)).build().run(e, spec, tmp.resolve(c.getKey().replace(' ', '_')));
			assertEquals(RunStatus.SUCCEEDED, torch.status(), torch.message() + " " + torch.stderrTail());
			Map<String, Double> py = torch.metrics();
			table.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %.3f | %.3f | %.3f | %.3f |%n", c.getKey(),
					java.get("test.accuracy"), py.get("test.accuracy"), java.get("test.avgK"), py.get("test.avgK"),
					java.get("test.dropRate"), py.get("test.dropRate")));
			assertEquals(java.get("test.accuracy"), py.get("test.accuracy"), ACCURACY_TOLERANCE,
					c.getKey() + " test.accuracy\n" + table);
			assertEquals(java.get("test.avgK"), py.get("test.avgK"), AVG_K_TOLERANCE, c.getKey() + " test.avgK\n" + table);
			assertEquals(java.keySet().stream().filter(k -> k.startsWith("test.")).sorted().toList(),
					py.keySet().stream().filter(k -> k.startsWith("test.")).sorted().toList(),
					"the same test metrics");
		}
		System.out.print("TorchAgreementTest\n" + table);
	}

	private void python(String... args) throws Exception {
		List<String> cmd = new ArrayList<>(List.of(PythonSupport.PYTHON.toString()));
		cmd.addAll(List.of(args));
		ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
		pb.environment().putAll(ExternalRuns.environment(tmp, null));
		Process p = pb.start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
		assertEquals(0, p.exitValue(), out);
	}

	private static JsonArray matrix(double[][] m) {
		JsonArray rows = new JsonArray();
		for (double[] row : m) {
			JsonArray r = new JsonArray();
			for (double v : row) {
				r.add(v);
			}
			rows.add(r);
		}
		return rows;
	}

	private static int[] ints(JsonElement a) {
		JsonArray array = a.getAsJsonArray();
		int[] out = new int[array.size()];
		for (int i = 0; i < out.length; i++) {
			out[i] = array.get(i).getAsInt();
		}
		return out;
	}
}
