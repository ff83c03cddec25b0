package org.scriptorium.search.internal.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CrossValidationTest {

	private static List<String> ids(int n) {
		List<String> out = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			out.add("q" + i);
		}
		return out;
	}

	@Test
	void everyQueryIsHeldOutOnceAndScoredByTheRankerChosenOnTheOthers() {
		List<String> q = ids(23);
		Map<String, Double> weak = new LinkedHashMap<>(), strong = new LinkedHashMap<>();
		for (int i = 0; i < q.size(); i++) {
			weak.put(q.get(i), 0.2);
			strong.put(q.get(i), i == 0 ? 0.0 : 0.9); // better on every query but q0
		}
		CrossValidation.Result r = CrossValidation.run(q, List.of(weak, strong), 5, 17);
		assertEquals(5, r.folds().size());
		Set<String> seen = new HashSet<>();
		for (CrossValidation.Fold f : r.folds()) {
			assertEquals(1, f.chosen(), "the strong ranker wins on the other folds");
			for (String id : f.queries()) {
				assertEquals(true, seen.add(id), id + " held out twice");
			}
			assertEquals(f.queries().size() == 5 ? 5 : 4, f.queries().size());
		}
		assertEquals(new HashSet<>(q), seen);
		assertEquals(List.copyOf(q), List.copyOf(r.heldOut().keySet()), "in input order");
		assertEquals((22 * 0.9) / 23, r.mean(), 1e-12, "the held-out values are the chosen ranker's");
		assertEquals(r, CrossValidation.run(q, List.of(weak, strong), 5, 17), "seeded");
	}

	@Test
	void aChoiceThatOnlyFitsTheTrainingFoldsIsNotRewarded() {
		// each ranker is perfect on one half of the queries and useless on the other: whatever a fold chooses, its
		// held-out figure is what that ranker gives on unseen queries, not the best of both
		List<String> q = ids(40);
		Map<String, Double> a = new LinkedHashMap<>(), b = new LinkedHashMap<>();
		for (int i = 0; i < q.size(); i++) {
			a.put(q.get(i), i % 2 == 0 ? 1.0 : 0.0);
			b.put(q.get(i), i % 2 == 0 ? 0.0 : 1.0);
		}
		CrossValidation.Result r = CrossValidation.run(q, List.of(a, b), 4, 3);
		assertEquals(0.5, r.mean(), 0.15);
		assertThrows(IllegalArgumentException.class, () -> CrossValidation.run(q, List.of(a), 1, 3));
		assertThrows(IllegalArgumentException.class, () -> CrossValidation.run(q, List.of(), 5, 3));
	}

	@Test
	void aFeatureThatSeparatesTheRankersIsLearnedOnTheTrainingFoldsOnly() {
		List<String> q = ids(40);
		Map<String, Double> a = new LinkedHashMap<>(), b = new LinkedHashMap<>(), feature = new LinkedHashMap<>();
		for (int i = 0; i < q.size(); i++) {
			boolean longQuery = i % 2 == 1;
			feature.put(q.get(i), longQuery ? 12.0 : 4.0);
			a.put(q.get(i), longQuery ? 0.0 : 1.0);
			b.put(q.get(i), longQuery ? 1.0 : 0.0);
		}
		var fixed = CrossValidation.run(q, List.of(a, b), 5, 17);
		assertTrue(fixed.mean() <= 0.75, "one ranker for all queries gets at most the larger half of a fold right: "
				+ fixed.mean());
		var adaptive = CrossValidation.adaptive(q, List.of(a, b), feature, 5, 17);
		assertEquals(1.0, adaptive.mean(), 1e-12, "A for short queries, B for long ones");
		for (var f : adaptive.folds()) {
			assertEquals(0, f.mapping().pick(4.0));
			assertEquals(1, f.mapping().pick(12.0));
		}
		// the same folds as the plain choice
		for (int f = 0; f < 5; f++) {
			assertEquals(fixed.folds().get(f).queries(), adaptive.folds().get(f).queries());
		}
	}

	@Test
	void aFeatureWithoutSignalFallsBackToTheFixedChoice() {
		List<String> q = ids(30);
		Map<String, Double> weak = new LinkedHashMap<>(), strong = new LinkedHashMap<>();
		Map<String, Double> feature = new LinkedHashMap<>();
		for (int i = 0; i < q.size(); i++) {
			weak.put(q.get(i), 0.2 + 0.01 * (i % 3));
			strong.put(q.get(i), 0.6 - 0.01 * (i % 5));
			feature.put(q.get(i), 7.0);
		}
		var fixed = CrossValidation.run(q, List.of(weak, strong), 3, 5);
		var adaptive = CrossValidation.adaptive(q, List.of(weak, strong), feature, 3, 5);
		assertEquals(fixed.heldOut(), adaptive.heldOut());
		adaptive.folds().forEach(f -> assertEquals(1, f.mapping().low()));
	}
}
