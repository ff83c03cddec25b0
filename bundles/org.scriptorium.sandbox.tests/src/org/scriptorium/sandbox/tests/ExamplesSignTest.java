package org.scriptorium.sandbox.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.scriptorium.sandbox.Experiment;
import org.scriptorium.sandbox.RunSpec;
import org.scriptorium.sandbox.internal.model.Trainer;
import org.scriptorium.sandbox.internal.model.TrainingListener;

/**
 * Runs each shipped example (E1–E5) at a reduced size over three seeds, in-process, and checks the SIGN of
 * its expected qualitative effect. Effects checked per seed are the robust ones; noisier ones use the mean
 * over seeds. These are toy-scale checks of the spec's expectations, not reproductions of the papers.
 */
class ExamplesSignTest {

	private static final long[] SEEDS = {1, 2, 3};

	private static Map<String, Double> train(Experiment e, String variant, long seed) throws Exception {
		for (RunSpec r : e.runs()) {
			if (r.seed() == seed && r.point().get("variant").getAsString().equals(variant)) {
				return new Trainer(Experiment.bindResolved(r.config(), e.name()), seed, TrainingListener.NONE).run()
						.metrics();
			}
		}
		throw new AssertionError("no run " + variant + " seed " + seed);
	}

	private static Experiment reduced(String name, Map<String, String> extra) throws Exception {
		Map<String, String> o = new HashMap<>(TestSupport.reduced(3000, 1000, 6));
		o.put("seeds", "[1, 2, 3]");
		o.putAll(extra);
		return TestSupport.example(name).withOverrides(o);
	}

	@Test
	void e1TopPActivatesFewerThanTwoExpertsAtTopTwosAccuracyAndMoreOnHardExamples() throws Exception {
		Experiment e = reduced("e1-topk-vs-topp", Map.of());
		double accTopP = 0;
		double accTop2 = 0;
		for (long s : SEEDS) {
			Map<String, Double> topP = train(e, "top-p-0.4", s);
			Map<String, Double> top2 = train(e, "gshard-top2", s);
			assertTrue(topP.get("test.avgK") < top2.get("test.avgK"), "seed " + s + ": avgK " + topP.get("test.avgK"));
			assertTrue(topP.get("test.avgK.hard") > topP.get("test.avgK.easy"), "seed " + s + ": " + topP);
			accTopP += topP.get("test.accuracy") / SEEDS.length;
			accTop2 += top2.get("test.accuracy") / SEEDS.length;
			Map<String, Double> ec = train(e, "expert-choice-c2", s);
			assertTrue(ec.get("test.zeroRate") > 0, "seed " + s + ": expert choice leaves tokens without experts");
		}
		// "at equal accuracy": the mean over the seeds within 2 points of top-2's
		assertTrue(accTopP > accTop2 - 0.02, "mean accuracy top-p " + accTopP + " vs top-2 " + accTop2);
	}

	@Test
	void e2MicroBatchBalanceGivesLowerDomainExpertInformationThanGlobal() throws Exception {
		Experiment e = reduced("e2-micro-vs-global-lbl", Map.of("data.train", "4000", "training.accumulationSteps", "8",
				"sweep", "{\"losses[0].weight\": [0.1]}"));
		for (long s : SEEDS) {
			double micro = train(e, "micro", s).get("test.nmi");
			double global = train(e, "global-8", s).get("test.nmi");
			assertTrue(micro < global, "seed " + s + ": micro NMI " + micro + " vs global " + global);
		}
	}

	@Test
	void e3CapacityDropsAndBalanceByConstruction() throws Exception {
		Experiment e = reduced("e3-capacity-routers", Map.of());
		double hashRandom = 0;
		double hashBalanced = 0;
		for (long s : SEEDS) {
			Map<String, Double> tight = train(e, "switch-cf0.75", s);
			Map<String, Double> loose = train(e, "switch-cf2.0", s);
			assertTrue(tight.get("test.dropRate") > loose.get("test.dropRate"), "seed " + s);
			Map<String, Double> ec = train(e, "expert-choice-c2", s);
			assertTrue(ec.get("test.loadCv") < loose.get("test.loadCv"), "seed " + s);
			hashRandom += train(e, "hash-random", s).get("test.loadCv");
			hashBalanced += train(e, "hash-balanced", s).get("test.loadCv");
		}
		assertTrue(hashBalanced < hashRandom, "mean CV balanced " + hashBalanced / 3 + " vs random " + hashRandom / 3);
	}

	@Test
	void e4ConsistencyLossReducesExpertDisagreement() throws Exception {
		Experiment e = reduced("e4-thor", Map.of("data.train", "2000"));
		for (long s : SEEDS) {
			double a0 = train(e, "random-a0", s).get("test.expertDisagreement");
			double a5 = train(e, "thor-a5", s).get("test.expertDisagreement");
			assertTrue(a5 < a0, "seed " + s + ": alpha 5 " + a5 + " vs alpha 0 " + a0);
		}
	}

	@Test
	void e5DisablingTheSharedExpertHurtsAndMaskingTopTwoExpertsHurtsGShard() throws Exception {
		Experiment e = reduced("e5-deepseek-shared", Map.of());
		for (long s : SEEDS) {
			Map<String, Double> c = train(e, "C-deepseek-1s+31x16-top7", s);
			assertTrue(c.get("test.noShared.loss") > c.get("test.loss"), "seed " + s + ": " + c);
			// the redundancy probe: A's renormalised top-2 gives the masked experts almost all the weight
			Map<String, Double> a = train(e, "A-gshard-8x64-top2", s);
			assertTrue(a.get("test.mask.0.3750.loss") > a.get("test.mask.0.0000.loss"), "seed " + s + ": " + a);
		}
	}
}
