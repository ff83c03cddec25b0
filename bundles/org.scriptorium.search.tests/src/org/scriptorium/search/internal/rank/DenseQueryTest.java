package org.scriptorium.search.internal.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.scriptorium.search.Ranker;
import org.scriptorium.search.RankingSettings;
import org.scriptorium.search.Retrieval;

/** Splitting queries for dense retrieval, and the ranker specs of the CLI and preferences. */
class DenseQueryTest {

	@Test
	void freeTextIsEmbeddedAndFieldedClausesFilter() {
		assertEquals(new DenseQuery("sparse experts routing", "year:>=2023 AND author:\"Fedus\""),
				DenseQuery.split("sparse experts year:>=2023 AND author:\"Fedus\" routing"));
		assertEquals(new DenseQuery("switch transformers", ""), DenseQuery.split("\"switch transformers\""));
		assertEquals(new DenseQuery("experts", ""), DenseQuery.split("experts NOT dense -vision"));
		assertEquals(new DenseQuery("", "cites:2101.03961"), DenseQuery.split("cites:2101.03961"));
		assertEquals(new DenseQuery("a b", ""), DenseQuery.split("(a OR b)"));
	}

	@Test
	void rankerSpecsRoundTripAndBadOnesSayWhy() {
		for (String spec : new String[]{"citation", "bm25", "dense:bge-small", "rrf:minilm", "convex:bge-small",
				"convex:bge-small@0.3", "citation+convex:bge-small@0.6", "citation+dense:minilm",
				"rrf:bge-small+minilm",
				"convex:bge-small+minilm@0.6"}) {
			assertEquals(spec, RankingSettings.defaults().withRankerSpec(spec).rankerSpec());
		}
		RankingSettings s = RankingSettings.defaults().withRankerSpec("citation+rrf:bge-small");
		assertEquals(Ranker.CITATION, s.ranker());
		assertEquals(Retrieval.Kind.RRF, s.retrieval().kind());
		assertEquals("bge-small", s.retrieval().model());
		assertEquals("convex:bge-small", Retrieval.parse("convex:bge-small@0.7").spec(),
				"the default weight is implied");
		assertEquals(Retrieval.DEFAULT_DENSE_WEIGHT, Retrieval.parse("convex:bge-small").denseWeight());
		assertEquals("only convex fusion takes a weight ('rrf:m@0.5')",
				assertThrows(IllegalArgumentException.class, () -> Retrieval.parse("rrf:m@0.5")).getMessage());
		assertEquals("the dense weight in 'convex:m@2' must be a number from 0 to 1",
				assertThrows(IllegalArgumentException.class, () -> Retrieval.parse("convex:m@2")).getMessage());
		assertThrows(IllegalArgumentException.class, () -> RankingSettings.defaults().withRankerSpec("dense"));
		assertThrows(IllegalArgumentException.class, () -> Retrieval.parse("dense:a+b"), "dense ranks by one model");
		assertEquals(java.util.List.of("bge-small", "minilm"), Retrieval.parse("rrf:bge-small+minilm").models());
		assertThrows(IllegalArgumentException.class, () -> RankingSettings.defaults().withRankerSpec("splade:x"));
	}

	@Test
	void convexFusionTakesAWeightPerModel() {
		Retrieval r = Retrieval.parse("convex:bge-small@0.5+e5-small@0.2");
		assertEquals(java.util.List.of("bge-small", "e5-small"), r.models());
		assertEquals(java.util.List.of(0.5, 0.2), r.weights());
		assertEquals(0.7, r.denseWeight(), 1e-12);
		assertEquals(0.5, r.weightOf(0));
		assertEquals(0.2, r.weightOf(1));
		assertEquals("convex:bge-small@0.5+e5-small@0.2", r.spec());
		assertEquals("citation+convex:bge-small@0.5+e5-small@0.2", RankingSettings.defaults()
				.withRankerSpec("citation+convex:bge-small@0.5+e5-small@0.2").rankerSpec());
		assertEquals("convex:bge-small@0.5+e5-small@0.2/rocchio",
				Retrieval.parse("convex:bge-small@0.5+e5-small@0.2/rocchio").spec());
		// one weight shared by the models, as before
		assertEquals(0.3, Retrieval.parse("convex:bge-small+minilm@0.6").weightOf(1), 1e-12);
		assertThrows(IllegalArgumentException.class, () -> Retrieval.parse("convex:bge-small@0.5+e5-small"),
				"every model or none");
		assertEquals(
				"'convex:a@0.6+b@0.5': the models' weights add up to 1.1, more than 1 (BM25 gets 1 minus their sum)",
				assertThrows(IllegalArgumentException.class, () -> Retrieval.parse("convex:a@0.6+b@0.5")).getMessage());
		assertThrows(IllegalArgumentException.class, () -> Retrieval.parse("rrf:a@0.5+b@0.2"));
	}
}
