package org.scriptorium.search.internal.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AgreementTest {

	/** Twelve pairs of one query graded 0/1/2 by two judges. */
	private static final int[] A = {0, 0, 0, 1, 1, 2, 2, 2, 0, 1, 2, 0};
	private static final int[] B = {0, 0, 1, 1, 2, 2, 2, 1, 0, 0, 2, 0};

	private static Map<String, Map<String, Integer>> qrels(int[] grades) {
		Map<String, Integer> docs = new LinkedHashMap<>();
		for (int i = 0; i < grades.length; i++) {
			docs.put("d" + i, grades[i]);
		}
		return Map.of("q1", docs);
	}

	@Test
	void kappasEqualTheTextbookFormulasWorkedByHand() {
		Agreement g = Agreement.of(qrels(A), qrels(B));
		assertEquals(12, g.pairs());
		assertArrayEquals(new int[] {0, 1, 2}, g.grades());
		assertArrayEquals(new long[] {4, 1, 0}, g.confusion()[0]);
		assertArrayEquals(new long[] {1, 1, 1}, g.confusion()[1]);
		assertArrayEquals(new long[] {0, 1, 3}, g.confusion()[2]);
		assertEquals(8 / 12.0, g.exact(), 1e-12);
		// observed 8/12, expected (25 + 9 + 16) / 144 → 23/47
		assertEquals(23 / 47.0, g.kappa(), 1e-12);
		// adjacent grades weigh 1/2: observed 10/12, expected 77/144 → 43/67
		assertEquals(43 / 67.0, g.linear(), 1e-12);
		// adjacent grades weigh 3/4: observed 11/12, expected 90.5/144 → 83/107
		assertEquals(83 / 107.0, g.quadratic(), 1e-12);
		// relevant (> 0) or not: observed 10/12, expected 74/144 → 23/35
		assertEquals(23 / 35.0, g.binary(), 1e-12);
	}

	@Test
	void identicalJudgmentsAgreePerfectlyAndOppositeOnesBelowChance() {
		Agreement same = Agreement.of(qrels(A), qrels(A));
		assertEquals(1, same.exact(), 0);
		assertEquals(1, same.kappa(), 1e-12);
		assertEquals(1, same.quadratic(), 1e-12);
		int[] flipped = new int[A.length];
		for (int i = 0; i < A.length; i++) {
			flipped[i] = 2 - A[i];
		}
		Agreement opposite = Agreement.of(qrels(A), qrels(flipped));
		assertTrue(opposite.quadratic() < 0, "reversed grades disagree more than chance: " + opposite.quadratic());
	}

	@Test
	void pairsOnlyOneJudgeGradedAreCountedNotCompared() {
		Map<String, Map<String, Integer>> a = new LinkedHashMap<>(qrels(A));
		a.put("q2", Map.of("x", 2));
		Map<String, Map<String, Integer>> b = new LinkedHashMap<>(qrels(B));
		b.put("q3", Map.of("y", 1, "z", 0));
		Agreement g = Agreement.of(a, b);
		assertEquals(12, g.pairs());
		assertEquals(1, g.onlyA());
		assertEquals(2, g.onlyB());
		assertEquals(23 / 47.0, g.kappa(), 1e-12);
	}

	@Test
	void theAgreedJudgmentsKeepOnlyPairsGradedAlike() {
		Map<String, Map<String, Integer>> agreed = Agreement.agreed(qrels(A), qrels(B));
		assertEquals(List.of("d0", "d1", "d3", "d5", "d6", "d8", "d10", "d11"), List.copyOf(agreed.get("q1").keySet()));
		agreed.get("q1").forEach((d, grade) -> assertEquals(A[Integer.parseInt(d.substring(1))], grade));
	}
}
