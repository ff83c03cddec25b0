package org.scriptorium.sandbox.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scriptorium.sandbox.Experiment;
import org.scriptorium.sandbox.RunResult;
import org.scriptorium.sandbox.RunStatus;
import org.scriptorium.sandbox.SandboxEvent;
import org.scriptorium.sandbox.SandboxRunner;
import org.scriptorium.sandbox.RunSpec;
import org.scriptorium.sandbox.internal.config.ExperimentConfig;
import org.scriptorium.sandbox.internal.model.Trainer;
import org.scriptorium.sandbox.internal.model.TrainingListener;
import org.scriptorium.tests.common.TinyExperiment;

/**
 * Same configuration and seed give bit-identical metrics on the same machine (in this JVM and in child JVMs that see
 * one or two processors, all with the Vector API kernels); another seed does not.
 */
class DeterminismTest {

	@TempDir
	Path tmp;

	private static Map<String, Double> train(String strategy, String losses, long seed) throws Exception {
		Experiment e = TestSupport.parse(TinyExperiment.json("det", strategy, losses));
		RunSpec spec = e.withSeeds(java.util.List.of(seed)).runs().get(0);
		ExperimentConfig cfg = Experiment.bindResolved(spec.config(), "det");
		return new Trainer(cfg, seed, TrainingListener.NONE).run().metrics();
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"{\"type\":\"noisy-top-k\",\"k\":2}|[{\"type\":\"importance\"},{\"type\":\"load\"}]",
			"{\"type\":\"thor\",\"inference\":\"per-example\"}|[{\"type\":\"consistency\",\"weight\":2}]",
			"{\"type\":\"top-p\",\"p\":0.5}|[{\"type\":\"switch-balance\",\"scope\":\"global\",\"balanceSequences\":4},{\"type\":\"entropy\"}]"})
	void sameSeedGivesBitIdenticalMetrics(String s) throws Exception {
		String[] parts = s.split("\\|");
		Map<String, Double> a = train(parts[0], parts[1], 3);
		Map<String, Double> b = train(parts[0], parts[1], 3);
		assertEquals(a.keySet(), b.keySet());
		for (String k : a.keySet()) {
			assertEquals(Double.doubleToLongBits(a.get(k)), Double.doubleToLongBits(b.get(k)), k);
		}
		Map<String, Double> c = train(parts[0], parts[1], 4);
		assertNotEquals(a.get("test.loss"), c.get("test.loss"));
	}

	@Test
	void childJvmsWithOneOrTwoProcessorsGiveTheSameBitsAsThisJvm() throws Exception {
		String strategy = "{\"type\":\"top-k\",\"k\":2}";
		String losses = "[{\"type\":\"switch-balance\"}]";
		Map<String, Double> here = train(strategy, losses, 3);
		Experiment e = TestSupport.parse(TinyExperiment.json("det", strategy, losses)).withSeeds(List.of(3L));
		for (int cpus : new int[]{1, 2}) {
			List<SandboxEvent> events = new CopyOnWriteArrayList<>();
			SandboxRunner runner = SandboxRunner.builder().classpath(TestSupport.childClasspath()).outputDirectory(tmp)
					.maxHeapMb(128).cpuThreads(cpus).timeout(Duration.ofSeconds(100)).listener(events::add).build();
			RunResult r = runner.run(e, e.runs().get(0), tmp.resolve("cpus-" + cpus));
			assertEquals(RunStatus.SUCCEEDED, r.status(), r.message() + " " + r.stderrTail());
			assertTrue(events.stream().anyMatch(ev -> ev.toString().contains("kernels vector-")),
					"the child JVM runs the Vector API kernels: " + events);
			for (String k : here.keySet()) {
				assertEquals(Double.doubleToLongBits(here.get(k)), Double.doubleToLongBits(r.metrics().get(k)),
						cpus + " processors: " + k);
			}
		}
	}
}
