package org.scriptorium.sandbox.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.scriptorium.sandbox.Methods;
import org.scriptorium.sandbox.Methods.Kind;
import org.scriptorium.sandbox.Methods.Method;
import org.scriptorium.sandbox.RunListener;
import org.scriptorium.sandbox.SandboxEvent;
import org.scriptorium.sandbox.SandboxRunner;
import org.scriptorium.sandbox.internal.data.SynthDomains;
import org.scriptorium.sandbox.internal.math.Rng;
import org.scriptorium.sandbox.internal.model.Strategies;
import org.scriptorium.sandbox.internal.routing.RoutingStrategy;
import org.scriptorium.tests.common.TinyExperiment;

/** The strategy and loss to paper mapping: complete, the trainer's own, and found in experiment files. */
class MethodsTest {

	@Test
	void everyStrategyOfTheEngineHasTheArxivIdItReports() throws Exception {
		for (Method m : Methods.all()) {
			if (m.kind() != Kind.STRATEGY) {
				continue;
			}
			var exp = TestSupport.parse(TinyExperiment.json("m", "{ \"type\": \"" + m.type() + "\" }", "[]"));
			var cfg = org.scriptorium.sandbox.Experiment.bindResolved(exp.runs().get(0).config(), "m");
			var train = new SynthDomains(cfg.data(), Rng.derive(1, "data-params")).generate(64, Rng.derive(1, "train"));
			RoutingStrategy s = Strategies.create(cfg.strategy(), cfg.model().experts(), cfg.data().vocab(), train,
					Rng.derive(1, "hash"));
			assertEquals(s.arxivId(), m.arxivId(), m.type());
		}
		assertEquals("2403.07652", Methods.arxivId(Kind.STRATEGY, "top-p"));
		assertEquals("2110.04260", Methods.arxivId(Kind.LOSS, "consistency"));
		assertNull(Methods.arxivId(Kind.STRATEGY, "dense"));
		assertNull(Methods.arxivId(Kind.LOSS, "no-such-loss"));
	}

	@Test
	void aPaperDefinesItsStrategiesAndLosses() {
		assertEquals(
				List.of(new Method(Kind.STRATEGY, "top-p", "2403.07652"),
						new Method(Kind.LOSS, "entropy", "2403.07652")),
				Methods.definedBy("arXiv:2403.07652v2"));
		assertEquals(List.of(), Methods.definedBy("1234.56789"));
	}

	@Test
	void anExperimentUsesTheMethodsOfItsFileAndVariants() throws Exception {
		var e1 = TestSupport.example("e1-topk-vs-topp");
		List<String> used = Methods.of(e1.json()).stream().map(m -> m.kind() + " " + m.type()).toList();
		assertEquals(
				List.of("STRATEGY top-p", "LOSS switch-balance", "LOSS entropy", "STRATEGY switch", "STRATEGY top-k",
						"STRATEGY expert-choice"),
				used);
		assertEquals("top-p (arXiv 2403.07652)", Methods.describe(Methods.of(e1.json()).get(0)));
		var e4 = TestSupport.example("e4-thor");
		assertTrue(Methods.of(e4.json()).contains(new Method(Kind.STRATEGY, "dense", null)));
	}

	@Test
	void theTrainerLogsTheStrategyAndLossesWithTheirPapers() throws Exception {
		var exp = TestSupport.parse(TinyExperiment.json("logged", "{ \"type\": \"top-p\", \"p\": 0.4 }",
				"[ { \"type\": \"switch-balance\" }, { \"type\": \"entropy\", \"weight\": 0.0001 } ]"));
		List<String> logs = new ArrayList<>();
		RunListener listener = (SandboxEvent e) -> {
			if (e.type().equals("log")) {
				synchronized (logs) {
					logs.add(e.data().get("message").getAsString());
				}
			}
		};
		SandboxRunner runner = SandboxRunner.builder().classpath(TestSupport.childClasspath())
				.outputDirectory(java.nio.file.Files.createTempDirectory("methods")).listener(listener).build();
		assertTrue(runner.runAll(exp).runs().get(0).succeeded());
		assertTrue(logs.stream().anyMatch(l -> l.startsWith("strategy top-p (arXiv 2403.07652); losses switch-balance"
				+ " (arXiv 2501.11873), entropy (arXiv 2403.07652); ")), logs.toString());
	}
}
