package org.scriptorium.search.internal.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

	@Test
	void meanAveragesQueries() {
		Metrics.Values m = Metrics.mean(List.of(new Metrics.Values(1, 1, 1, 1), new Metrics.Values(0, 0.5, 1, 0)));
		assertEquals(new Metrics.Values(0.5, 0.75, 1, 0.5), m);
	}
}
