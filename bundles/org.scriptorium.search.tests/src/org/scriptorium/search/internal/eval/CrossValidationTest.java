package org.scriptorium.search.internal.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
