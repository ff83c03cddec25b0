package org.scriptorium.sandbox.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scriptorium.sandbox.Experiment;
import org.scriptorium.sandbox.RunSpec;
import org.scriptorium.sandbox.internal.config.ExperimentConfig;
import org.scriptorium.sandbox.internal.model.Trainer;
import org.scriptorium.sandbox.internal.model.TrainingListener;
import org.scriptorium.tests.common.TinyExperiment;

/** Same configuration and seed give bit-identical metrics on the same JVM; another seed does not. */
class DeterminismTest {

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
}
