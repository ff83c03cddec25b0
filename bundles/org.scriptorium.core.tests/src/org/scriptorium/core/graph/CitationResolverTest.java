package org.scriptorium.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.model.PaperIds;

class CitationResolverTest {

	private final TestCorpus corpus = new TestCorpus()
			.paper("arxiv:2302.13971", "LLaMA: Open and Efficient Foundation Language Models", 2023,
					new PaperIds("2302.13971", null, null, null, null, "touvron2023llama"), "Hugo Touvron",
					"Thibaut Lavril")
			.paper("arxiv:2307.09288", "Llama 2: Open Foundation and Fine-Tuned Chat Models", 2023,
					new PaperIds("2307.09288", null, null, null, null, null), "Hugo Touvron", "Louis Martin")
			.paper("doi:10.1000/xyz", "Mixture of Experts Routing with Dynamic Capacity", 2022,
					new PaperIds(null, "10.1000/XYZ", null, null, null, null), "Yanqi Zhou", "Tao Lei")
			.paper("title:other", "A Study of Expert Choice", 2023, PaperIds.NONE, "Ana Müller", "Yanqi Zhou");

	private final CitationResolver resolver = new CitationResolver(corpus);

	private String best(String citation) {
		List<CitationResolver.Match> m = resolver.resolve(citation, 5);
		return m.isEmpty() ? null : m.get(0).paper().id();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { //
			"arXiv:2302.13971v2|arxiv:2302.13971", //
			"https://arxiv.org/abs/2307.09288|arxiv:2307.09288", //
			"2307.09288|arxiv:2307.09288", //
			"10.1000/xyz|doi:10.1000/xyz", //
			"https://doi.org/10.1000/XYZ|doi:10.1000/xyz", //
			"touvron2023llama|arxiv:2302.13971", //
			"(Zhou et al., 2022)|doi:10.1000/xyz", //
			"Zhou and Lei 2022|doi:10.1000/xyz", //
			"Müller et al. 2023|title:other", //
			"Muller 2023|title:other", //
			"dynamic capacity|doi:10.1000/xyz", //
			"llama 2 open foundation|arxiv:2307.09288", //
			"arxiv:2307.09288|arxiv:2307.09288"})
	void resolvesTheCommonForms(String citation, String expected) {
		assertEquals(expected, best(citation), citation);
	}

	@Test
	void authorYearReturnsAllCandidatesRanked() {
		List<CitationResolver.Match> m = resolver.resolve("(Touvron et al., 2023)", 5);
		assertEquals(2, m.size());
		assertTrue(m.get(0).score() > 0.5);
		// Zhou is first author of a 2022 paper (a preprint year is often one off) and co-author of a 2023 one:
		// "Zhou et al." names the first author, so that paper wins, the co-authored one follows
		List<CitationResolver.Match> z = resolver.resolve("Zhou et al., 2023", 5);
		assertEquals(List.of("doi:10.1000/xyz", "title:other"), z.stream().map(x -> x.paper().id()).toList());
		assertTrue(z.get(0).score() < resolver.resolve("Zhou et al., 2022", 1).get(0).score(),
				"the exact year scores higher");
	}

	@Test
	void unknownCitationsResolveToNothing() {
		assertEquals(List.of(), resolver.resolve("Nobody et al., 2023", 5));
		assertEquals(List.of(), resolver.resolve("9999.99999", 5));
		assertEquals(List.of(), resolver.resolve("  ", 5));
	}

	@Test
	void defaultCorpusSeedPapers() {
		CitationResolver r = new CitationResolver(DefaultCorpus.get());
		assertEquals("arxiv:2401.06066", r.resolve("Dai et al., 2024", 3).get(0).paper().id());
		assertEquals("arxiv:2401.06066", r.resolveOne("DeepSeekMoE").orElseThrow().id());
		assertEquals("arxiv:2407.06204", r.resolveOne("(Cai et al., 2024)").orElseThrow().id());
		assertEquals("arxiv:2402.16827", r.resolveOne("A Survey on Data Selection for Language Models")
				.orElseThrow().id());
	}
}
