package org.scriptorium.sandbox.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scriptorium.sandbox.Experiment;
import org.scriptorium.sandbox.RunSpec;
import org.scriptorium.sandbox.internal.launch.ExperimentLaunch;
import org.scriptorium.sandbox.internal.launch.LaunchMain;
import org.scriptorium.sandbox.internal.launch.Stopper;
import org.scriptorium.sandbox.internal.loss.ShazeerLosses;
import org.scriptorium.sandbox.internal.math.NonFiniteException;
import org.scriptorium.sandbox.internal.math.Rng;
import org.scriptorium.sandbox.internal.model.DivergedException;
import org.scriptorium.sandbox.internal.model.Trainer;
import org.scriptorium.sandbox.internal.model.TrainingListener;
import org.scriptorium.sandbox.internal.routing.DynamicTopP;
import org.scriptorium.sandbox.internal.routing.ExpertChoice;
import org.scriptorium.sandbox.internal.routing.GShardTopK;
import org.scriptorium.sandbox.internal.routing.NoisyTopK;
import org.scriptorium.sandbox.internal.routing.RouteContext;
import org.scriptorium.sandbox.internal.routing.RouterGrad;
import org.scriptorium.sandbox.internal.routing.Routing;
import org.scriptorium.sandbox.internal.routing.RoutingStrategy;
import org.scriptorium.sandbox.internal.routing.SwitchTop1;
import org.scriptorium.tests.common.TinyExperiment;

import com.google.gson.JsonParser;

/**
 * A diverging run is a result, not a success: a learning rate of 1e200 with clipping off makes the logits infinite;
 * the run stops as DIVERGED naming the step and the quantity, in the trainer, the child's summary.json and the
 * launch's exit code. Non-finite router logits are an error, not a routing decision; the noisy top-k load estimate
 * survives a softplus that underflows to 0.
 */
class DivergenceTest {

	@TempDir
	Path tmp;

	private static String diverging(String name) {
		String tiny = TinyExperiment.json(name);
		String training = "\"training\": { \"epochs\": 2, \"sequencesPerMicroBatch\": 2 }";
		assertTrue(tiny.contains(training), tiny);
		return tiny.replace(training, "\"training\": { \"epochs\": 2, \"sequencesPerMicroBatch\": 2, \"lr\": 1e200, "
				+ "\"clipNorm\": 0 }");
	}

	@Test
	void aHugeLearningRateWithoutClippingStopsTheTrainerAtTheFirstNonFiniteQuantity() throws Exception {
		Experiment e = TestSupport.parse(diverging("div"));
		RunSpec spec = e.runs().get(0);
		List<String> logs = new java.util.ArrayList<>();
		TrainingListener l = new TrainingListener() {
			@Override
			public void log(String message) {
				logs.add(message);
			}

			@Override
			public void progress(long step, long total) {
			}

			@Override
			public void metric(String name, long step, double value) {
			}

			@Override
			public void artifact(String name, String mediaType, String content) {
			}

			@Override
			public boolean cancelled() {
				return false;
			}
		};
		DivergedException d = assertThrows(DivergedException.class,
				() -> new Trainer(Experiment.bindResolved(spec.config(), "div"), spec.seed(), l).run());
		assertTrue(d.step() >= 2, "the first step is taken with finite numbers: " + d.getMessage());
		assertTrue(List.of("router logits", "output logits", "train.ce").contains(d.quantity())
				|| d.quantity().startsWith("gradient of ") || d.quantity().startsWith("train.aux"), d.quantity());
		assertTrue(d.getMessage().startsWith("diverged at step " + d.step() + ": " + d.quantity() + " is not finite"),
				d.getMessage());
		assertTrue(logs.stream().anyMatch(m -> m.startsWith("diverged at step " + d.step())), logs.toString());
	}

	@Test
	void theLaunchRecordsTheRunAsDivergedWithItsOwnExitCode() throws Exception {
		Path f = tmp.resolve("div.moe.json");
		Files.writeString(f, diverging("div"));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		String classpath = String.join(java.io.File.pathSeparator,
				TestSupport.childClasspath().stream().map(Path::toString).toList());
		int code = LaunchMain.run(new String[]{f.toString(), "--out", tmp.resolve("runs").toString(), "--classpath",
				classpath},
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
				new Stopper());
		String e = err.toString(StandardCharsets.UTF_8);
		assertEquals(ExperimentLaunch.DIVERGED, code, e);
		assertTrue(e.contains(" DIVERGED (diverged): diverged at step "), e);
		Path summary;
		try (var s = Files.walk(tmp.resolve("runs"))) {
			// the run's directory (with its config.json), not the launch's
			summary = s.filter(p -> p.getFileName().toString().equals("summary.json")
					&& Files.exists(p.resolveSibling("config.json"))).findFirst().orElseThrow();
		}
		var o = JsonParser.parseString(Files.readString(summary)).getAsJsonObject();
		assertEquals("DIVERGED", o.get("status").getAsString(), o.toString());
		assertTrue(o.toString().contains("diverged at step "), o.toString());
	}

	@ParameterizedTest
	@ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
	void nonFiniteRouterLogitsAreAnErrorNotARoutingDecision(double bad) {
		double[][] logits = {{0.1, 0.2, 0.3}, {0.3, bad, 0.1}};
		RouteContext ctx = RouteContext.eval(new Rng(1), new int[2], new int[2]);
		for (RoutingStrategy s : new RoutingStrategy[]{new SwitchTop1(Double.POSITIVE_INFINITY),
				new DynamicTopP(0.4, 1.0), new GShardTopK(2, Double.POSITIVE_INFINITY), new ExpertChoice(2.0)}) {
			NonFiniteException x = assertThrows(NonFiniteException.class, () -> s.route(logits, 3, ctx), s.name());
			assertEquals("router logits", x.quantity());
			assertTrue(x.getMessage().contains("token 1, column 1 is " + bad), x.getMessage());
		}
		double[][] noisy = {{0.1, 0.2, 0.3, 0, 0, bad}};
		assertThrows(NonFiniteException.class, () -> new NoisyTopK(1, true).route(noisy, 3, ctx));
	}

	@Test
	void theNoisyTopKLoadEstimateSurvivesASoftplusThatUnderflows() {
		// noise logits of -1000: softplus(-1000) = 0 in double, which divided the margin by zero (NaN loss)
		double[][] out = new Rng(3).gaussianMatrix(6, 8, 1.0);
		for (double[] row : out) {
			for (int e = 4; e < 8; e++) {
				row[e] = -1000;
			}
		}
		Routing r = new NoisyTopK(1, true).route(out, 4, RouteContext.training(new Rng(2), new int[6], new int[6]));
		RouterGrad g = new RouterGrad(6, 4, 8);
		double v = ShazeerLosses.load(0.1, 1).apply(r, g);
		assertTrue(Double.isFinite(v), "load loss " + v);
		// without noise the load is the count of tokens whose expert is in the top 1: CV² of those counts
		double[] load = new double[4];
		for (int t = 0; t < 6; t++) {
			load[r.requested[t][0]]++;
		}
		assertEquals(0.1 * org.scriptorium.sandbox.internal.math.Kernels.cv2(load), v, 1e-12);
		for (double[] row : g.dRouterOut) {
			for (double x : row) {
				assertTrue(Double.isFinite(x), java.util.Arrays.toString(row));
			}
		}
	}
}
