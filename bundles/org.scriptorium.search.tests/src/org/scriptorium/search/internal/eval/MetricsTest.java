package org.scriptorium.search.internal.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.scriptorium.search.internal.SearchCore.ScoredId;

class MetricsTest {

	private static final double LOG2_3 = Math.log(3) / Math.log(2);

	@Test
	void ndcgWithGradesAndTrecEvalTieBreaking() {
		// X scores highest; A and B tie: trec_eval puts the larger id (B) first
		List<ScoredId> run = List.of(new ScoredId("X", 3), new ScoredId("A", 2), new ScoredId("B", 2));
		Metrics.Values v = Metrics.of(run, Map.of("A", 2, "B", 1));
		double dcg = 1 / LOG2_3 + 2 / 2.0;
		double idcg = 2 + 1 / LOG2_3;
		assertEquals(dcg / idcg, v.ndcg10(), 1e-12);
		assertEquals(0.5, v.mrr10(), 1e-12);
		assertEquals(1, v.recall100(), 1e-12);
		assertEquals(List.of("X", "B", "A"), Metrics.trecOrder(run).stream().map(ScoredId::id).toList());
	}

	@Test
	void cutoffsAndZeroGrades() {
		List<ScoredId> run = new java.util.ArrayList<>();
		for (int i = 0; i < 200; i++) {
			run.add(new ScoredId(String.format("d%03d", i), 1000 - i));
		}
		// relevant at rank 11 (outside @10) and rank 150 (outside @100); a judged 0 counts nowhere
		Metrics.Values v = Metrics.of(run, Map.of("d010", 1, "d149", 1, "d000", 0, "zzz", 1));
		assertEquals(0, v.ndcg10(), 1e-12);
		assertEquals(0, v.mrr10(), 1e-12);
		assertEquals(1 / 3.0, v.recall100(), 1e-12);
		assertEquals(2 / 3.0, v.recall1000(), 1e-12);
	}

	/** A run given as document id -> score, in no particular order. */
	private static List<ScoredId> run(Map<String, Double> scores) {
		List<ScoredId> run = new ArrayList<>();
		scores.forEach((id, score) -> run.add(new ScoredId(id, score)));
		return run;
	}

	/** The hand case of the sandbox's former nDCG helper, now computed by the one implementation. */
	@Test
	void ndcgAtKHandCaseAndJudgedQueries() {
		Map<String, Double> scores = Map.of("d1", 3.0, "d2", 2.0, "d3", 1.0);
		Map<String, Integer> qrels = Map.of("d2", 1, "d4", 1);
		// DCG = 1/log2(3); IDCG = 1 + 1/log2(3)
		double dcg = 1 / LOG2_3;
		assertEquals(dcg / (1 + dcg), Metrics.ndcg(10, run(scores), qrels), 1e-12);
		assertEquals(dcg / (1 + dcg), Metrics.of(run(scores), qrels).ndcg10(), 1e-12);
		// ties broken by document id, descending (trec_eval): "b" ranks before "a"
		assertEquals(1.0, Metrics.ndcg(1, run(Map.of("a", 1.0, "b", 1.0)), Map.of("b", 1)), 1e-12);
		// a query counts in a mean only with a grade above 0
		assertTrue(Metrics.hasRelevant(qrels));
		assertFalse(Metrics.hasRelevant(Map.of("x", 0)));
		assertFalse(Metrics.hasRelevant(null));
	}

	/**
	 * Negative grades (TREC's "judged, not relevant" or spam levels) are where the two former implementations
	 * differed: the sandbox's {@code Ndcg} put them into the ideal ranking (here -1.0, a negative nDCG) and the search
	 * engine's added them to the run's DCG (-0.3691). trec_eval's {@code ndcg_cut} (so BEIR, pytrec_eval and
	 * ir_measures) counts only positive gains on both sides: DCG = 1/log2(3), IDCG = 1.
	 */
	@Test
	void negativeGradesAddNothingToTheRunOrToTheIdealDcg() {
		List<ScoredId> run = List.of(new ScoredId("spam", 2), new ScoredId("good", 1));
		Map<String, Integer> judged = Map.of("good", 1, "spam", -1);
		assertEquals(1 / LOG2_3, Metrics.ndcg(10, run, judged), 1e-12);
		assertEquals(1 / LOG2_3, Metrics.of(run, judged).ndcg10(), 1e-12);
		// only non-positive grades: nothing to reach, 0 (and the query does not count)
		assertEquals(0, Metrics.ndcg(10, run, Map.of("spam", -1, "good", 0)), 1e-12);
		assertFalse(Metrics.hasRelevant(Map.of("spam", -1, "good", 0)));
	}

	@Test
	void meanAveragesQueries() {
		Metrics.Values m = Metrics.mean(List.of(new Metrics.Values(1, 1, 1, 1), new Metrics.Values(0, 0.5, 1, 0)));
		assertEquals(new Metrics.Values(0.5, 0.75, 1, 0.5), m);
	}
}
