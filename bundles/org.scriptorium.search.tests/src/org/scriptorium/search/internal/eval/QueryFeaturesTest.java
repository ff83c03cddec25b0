package org.scriptorium.search.internal.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.scriptorium.search.internal.SearchCore.ScoredId;

class QueryFeaturesTest {

	@Test
	void lengthCountsWords() {
		assertEquals(6, QueryFeatures.length("0-dimensional biomaterials show inductive properties."));
		assertEquals(0, QueryFeatures.length(" ,; "));
	}

	@Test
	void marginIsTheFirstHitsRelativeLead() {
		assertEquals(0.25, QueryFeatures.margin(List.of(new ScoredId("a", 8), new ScoredId("b", 6))), 1e-12);
		assertEquals(0, QueryFeatures.margin(List.of(new ScoredId("a", 8))));
	}

	@Test
	void agreementIsTheSharedShareOfTheFirstTenHits() {
		List<ScoredId> a = new java.util.ArrayList<>(), b = new java.util.ArrayList<>();
		for (int i = 0; i < 20; i++) {
			a.add(new ScoredId("d" + i, 20 - i));
			b.add(new ScoredId("d" + (i + 7), 20 - i)); // b's first ten: d7..d16, of which d7..d9 are in a's
		}
		assertEquals(0.3, QueryFeatures.agreement(a, b), 1e-12);
		assertEquals(1.0, QueryFeatures.agreement(a, a), 1e-12);
	}
}
