package org.scriptorium.core.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.scriptorium.core.model.Citation;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.PaperKey;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class DefaultCorpusTest {

	private final DefaultCorpus corpus = DefaultCorpus.get();

	@Test
	void seedsComeFirstInSeedOrder() {
		List<Paper> seeds = corpus.seedPapers();
		assertEquals(76, seeds.size());
		assertEquals(seeds, corpus.papers().subList(0, 76));
		assertTrue(seeds.stream().noneMatch(Paper::isReferenceOnly));
		assertTrue(seeds.stream().allMatch(p -> p.abstractText().isPresent()));
		assertEquals("Paying Attention to Astronomical Transients: Introducing the Time-series Transformer for "
				+ "Photometric Classification", seeds.get(0).title());
		assertEquals("arxiv:2105.06178", seeds.get(0).id());
	}

	@Test
	void referenceOnlyPapersFollowTheSeeds() {
		List<Paper> rest = corpus.papers().subList(76, corpus.size());
		assertFalse(rest.isEmpty());
		assertTrue(rest.stream().allMatch(Paper::isReferenceOnly));
		assertTrue(rest.stream().allMatch(p -> p.abstractText().isEmpty()));
		Set<String> ids = new HashSet<>();
		corpus.papers().forEach(p -> assertTrue(ids.add(p.id()), "duplicate id " + p.id()));
		// deduplicated: no two reference-only papers share an arXiv id, a DOI or a normalised title + year
		Set<String> keys = new HashSet<>();
		for (Paper p : rest) {
			if (p.ids().arxiv() != null) {
				assertTrue(keys.add("a:" + p.ids().arxiv()), p.toString());
			}
			if (p.ids().doi() != null) {
				assertTrue(keys.add("d:" + p.ids().doi()), p.toString());
			}
			assertTrue(keys.add("t:" + PaperKey.normalizeTitle(p.title()) + p.year().orElse(null)), p.toString());
		}
		// 506 records, 6 of them seeds, at least one paper listed twice
		assertTrue(rest.size() < 500, "reference-only papers: " + rest.size());
		assertTrue(rest.size() > 400, "reference-only papers: " + rest.size());
	}

	@Test
	void everyReferenceRecordBecomesAnEdge() {
		assertEquals(506, corpus.seedPapers().stream().mapToInt(p -> p.references().size()).sum());
		Map<String, Paper> byId = new HashMap<>();
		corpus.papers().forEach(p -> byId.put(p.id(), p));
		for (Citation c : corpus.citations()) {
			assertNotNull(byId.get(c.citing()), c.toString());
			assertNotNull(byId.get(c.cited()), c.toString());
		}
		for (Paper p : corpus.seedPapers()) {
			p.references().forEach(r -> assertNotNull(r.targetId(), r.label()));
			long distinct = p.references().stream().map(r -> r.targetId()).distinct().count();
			assertEquals(distinct, corpus.citations().stream().filter(c -> c.citing().equals(p.id())).count());
		}
		long survey = corpus.citations().stream().filter(c -> c.kind() == Citation.Kind.SURVEY_LIST).count();
		long refs = corpus.citations().stream().filter(c -> c.kind() == Citation.Kind.REFERENCE_LIST).count();
		assertTrue(survey > 350 && refs > 90, survey + " survey-list, " + refs + " reference-list edges");
	}

	@Test
	void theSixSeedEdgesArePresentWithTheirKind() throws Exception {
		Map<String, String> idByTitle = new HashMap<>();
		corpus.seedPapers().forEach(p -> idByTitle.put(p.title(), p.id()));
		Set<Citation> edges = new HashSet<>(corpus.citations());
		int n = 0;
		try (var r = new InputStreamReader(DefaultCorpus.class.getResourceAsStream("/corpus/seed-edges.json"),
				StandardCharsets.UTF_8)) {
			for (JsonElement e : JsonParser.parseReader(r).getAsJsonArray()) {
				JsonObject o = e.getAsJsonObject();
				Citation.Kind kind = o.get("kind").getAsString().equals("survey-list")
						? Citation.Kind.SURVEY_LIST
						: Citation.Kind.REFERENCE_LIST;
				Citation c = new Citation(idByTitle.get(o.get("citing").getAsString()),
						idByTitle.get(o.get("cited").getAsString()), kind);
				assertTrue(edges.contains(c), c.toString());
				n++;
			}
		}
		assertEquals(6, n);
		Set<String> seedIds = new HashSet<>(idByTitle.values());
		assertEquals(6, corpus.citations().stream()
				.filter(c -> seedIds.contains(c.citing()) && seedIds.contains(c.cited())).count());
	}

	@Test
	void aPaperListedTwiceIsOneNodeWithTwoIncomingEdges() {
		// DeepSeekMoE's own list (no arXiv id) and the MoE survey list (with one) both name GShard
		List<Paper> found = corpus.papers().stream().filter(p -> p.title().toLowerCase().startsWith("gshard")).toList();
		assertEquals(1, found.size());
		Paper gshard = found.get(0);
		assertEquals("2006.16668", gshard.ids().arxiv(), "the ids of both mentions are merged");
		assertTrue(gshard.isReferenceOnly());
		Set<Citation.Kind> kinds = new HashSet<>();
		corpus.citations().stream().filter(c -> c.cited().equals(gshard.id())).forEach(c -> kinds.add(c.kind()));
		assertEquals(Set.of(Citation.Kind.REFERENCE_LIST, Citation.Kind.SURVEY_LIST), kinds);
		assertFalse(gshard.provenance().isEmpty());
	}
}
