package org.scriptorium.refs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.io.Exporter;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.PaperIds;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class ReferenceResolverTest {

	private static DefaultCorpus corpus;
	private static ReferenceResolver resolver;

	@BeforeAll
	static void load() {
		corpus = DefaultCorpus.get();
		resolver = new ReferenceResolver(corpus);
	}

	/** The raw reference strings of the seed papers' reference lists (the default corpus' references.jsonl). */
	private static List<JsonObject> seedReferenceRecords() throws Exception {
		List<JsonObject> records = new ArrayList<>();
		try (var r = new BufferedReader(new InputStreamReader(
				DefaultCorpus.class.getResourceAsStream("/corpus/references.jsonl"), StandardCharsets.UTF_8))) {
			for (String line = r.readLine(); line != null; line = r.readLine()) {
				if (!line.isBlank()) {
					for (JsonElement e : JsonParser.parseString(line).getAsJsonObject().getAsJsonArray("references")) {
						records.add(e.getAsJsonObject());
					}
				}
			}
		}
		return records;
	}

	@Test
	void theSeedsReferenceStringsGiveTheIdsTheirRecordsHaveAndEachResolves() throws Exception {
		int arxivChecked = 0;
		int doiChecked = 0;
		for (JsonObject rec : seedReferenceRecords()) {
			String raw = rec.get("raw").getAsString();
			List<Reference> refs = References.find(raw);
			List<String> ids = refs.stream().map(Reference::id).toList();
			if (rec.has("arxivId") && !rec.get("arxivId").isJsonNull()
					&& raw.toLowerCase(Locale.ROOT).matches("(?s).*(arxiv[:.]|abs/).*")) {
				String arxiv = PaperIds.normalizeArxiv(rec.get("arxivId").getAsString());
				assertTrue(ids.contains(arxiv) || ids.contains("10.48550/arxiv." + arxiv), raw + " -> " + ids);
				arxivChecked++;
			}
			if (rec.has("doi") && !rec.get("doi").isJsonNull() && raw.toLowerCase(Locale.ROOT)
					.contains(PaperIds.normalizeDoi(rec.get("doi").getAsString()))) {
				assertTrue(ids.contains(PaperIds.normalizeDoi(rec.get("doi").getAsString())), raw + " -> " + ids);
				doiChecked++;
			}
			for (Reference ref : refs) {
				assertTrue(ref.kind() != ReferenceKind.CITE_KEY, raw);
				if (ref.kind() == ReferenceKind.ARXIV) {
					// every arXiv id of a reference string is a paper of the default corpus
					assertTrue(resolver.resolve(ref).isKnown(), ref + " in " + raw);
				}
			}
		}
		assertTrue(arxivChecked > 150 && doiChecked > 10, arxivChecked + " arXiv ids, " + doiChecked + " DOIs");
	}

	@Test
	void arxivAndDoiResolveToTheSeedPaperAndAReferenceOnlyPaperSaysSo() {
		Resolution moe = resolver.resolve(References.find("arXiv:2401.06066v2").get(0));
		assertEquals(Resolution.Status.RESOLVED, moe.status());
		assertTrue(moe.paper().title().startsWith("DeepSeekMoE"), moe.paper().title());
		Paper refOnly = corpus.papers().stream().filter(Paper::isReferenceOnly).filter(p -> p.ids().arxiv() != null)
				.findFirst().orElseThrow();
		Resolution r = resolver.resolve(References.find("see https://arxiv.org/pdf/" + refOnly.ids().arxiv() + ".pdf")
				.get(0));
		assertEquals(Resolution.Status.REFERENCE_ONLY, r.status());
		assertEquals(refOnly.id(), r.paper().id());
		Paper withDoi = corpus.papers().stream().filter(p -> p.ids().doi() != null).findFirst().orElseThrow();
		assertEquals(withDoi.id(), resolver
				.resolve(References.find("https://doi.org/" + withDoi.ids().doi().toUpperCase(Locale.ROOT)).get(0))
				.paper().id());
		assertEquals(Resolution.UNKNOWN, resolver.resolve(ReferenceKind.ARXIV, "2912.99999"));
		assertEquals(Resolution.UNKNOWN, resolver.resolve(ReferenceKind.DOI, "10.9999/none"));
	}

	@Test
	void citeKeysResolveThroughTheKeysTheBibtexExportWrites() {
		List<Paper> papers = corpus.papers();
		List<String> keys = Exporter.citeKeys(papers);
		for (int i = 0; i < papers.size(); i++) {
			Resolution r = resolver.resolve(ReferenceKind.CITE_KEY, keys.get(i));
			assertEquals(papers.get(i).id(), r.paper().id(), keys.get(i));
			assertEquals(keys.get(i), resolver.citeKey(papers.get(i)));
		}
		String tex = Samples.read("draft.tex");
		Reference dai = References.find(tex).get(1);
		Resolution r = resolver.resolve(dai);
		assertEquals(Resolution.Status.RESOLVED, r.status(), dai.id());
		assertTrue(r.paper().title().startsWith("DeepSeekMoE"));
		assertEquals(r.paper().id(), resolver.resolve(ReferenceKind.CITE_KEY, "Dai2024DeepSeekMoE").paper().id());
		assertEquals(Resolution.UNKNOWN, resolver.resolve(ReferenceKind.CITE_KEY, "nonexistent2099paper"));
	}

	@Test
	void aUserCorpusResolvesItsOwnKeyAndAGeneratedOneOfACollision() {
		Paper a = Paper.builder("a", "Switch Transformers").authors(List.of(new org.scriptorium.core.model.Author(
				"William", "Fedus"))).year(2022).build();
		Paper b = Paper.builder("b", "Switch again").authors(a.authors()).year(2022).build();
		Paper own = Paper.builder("c", "Own").ids(new PaperIds(null, null, null, null, null, "myKey")).build();
		ReferenceResolver res = new ReferenceResolver(ICorpus.of("user", List.of(a, b, own), List.of()));
		assertEquals("a", res.resolve(ReferenceKind.CITE_KEY, "fedus2022switch").paper().id());
		assertEquals("b", res.resolve(ReferenceKind.CITE_KEY, "fedus2022switcha").paper().id());
		assertEquals("c", res.resolve(ReferenceKind.CITE_KEY, "myKey").paper().id());
		assertNotNull(res.citeKey(b));
	}
}
