package org.scriptorium.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.Paper;
import org.scriptorium.search.FacetCount;
import org.scriptorium.search.PaperSearchEngine;
import org.scriptorium.search.ProgressMonitor;
import org.scriptorium.search.RelatedPaper;
import org.scriptorium.search.SearchHit;
import org.scriptorium.search.SearchRequest;
import org.scriptorium.search.SearchResult;

class SnippetsFacetsRelatedTest {

	@TempDir
	static Path dir;
	static PaperSearchEngine engine;
	static final DefaultCorpus corpus = DefaultCorpus.get();

	@BeforeAll
	static void open() throws IOException {
		engine = PaperSearchEngine.open(corpus, dir, m -> {
		}, ProgressMonitor.NONE);
	}

	@AfterAll
	static void close() throws IOException {
		engine.close();
	}

	@Test
	void snippetsHighlightTheMatchedWords() throws IOException {
		SearchResult r = engine.search(SearchRequest.of("routing experts").withLimit(10));
		assertEquals(10, r.hits().size());
		for (SearchHit h : r.hits()) {
			assertTrue(h.snippet() != null && h.snippet().toLowerCase().matches("(?s).*<b>(rout|expert)[a-z-]*</b>.*"),
					h.paperId() + ": " + h.snippet());
		}
		SearchResult plain = engine.search(SearchRequest.of("routing").withHighlight(false));
		assertTrue(plain.hits().stream().allMatch(h -> h.snippet() == null));
	}

	@Test
	void facetsCountAllMatches() throws IOException {
		SearchResult r = engine.search(SearchRequest.of("*:*").withLimit(1).withFacets(true));
		Map<String, List<FacetCount>> f = r.facets();
		long withYear = corpus.papers().stream().filter(p -> p.year().isPresent()).count();
		assertEquals(withYear, f.get("year").stream().mapToLong(FacetCount::count).sum());
		Map<String, Long> venues = corpus.papers().stream().filter(p -> p.venue().isPresent())
				.collect(Collectors.groupingBy(p -> p.venue().get(), Collectors.counting()));
		FacetCount topVenue = f.get("venue").get(0);
		assertEquals(venues.values().stream().mapToLong(Long::longValue).max().orElseThrow(), topVenue.count());
		assertEquals(venues.get(topVenue.value()), topVenue.count());
		FacetCount topAuthor = f.get("author").get(0);
		long byAuthor = corpus.papers().stream().filter(
				p -> p.authors().stream().map(Author::displayName).anyMatch(topAuthor.value()::equals)).count();
		assertEquals(byAuthor, topAuthor.count());

		SearchResult y = engine.search(SearchRequest.of("year:2024").withFacets(true));
		assertEquals(List.of(new FacetCount("2024", y.totalHits())), y.facets().get("year"));
		assertTrue(engine.search(SearchRequest.of("routing")).facets().isEmpty(), "facets only on request");
	}

	@Test
	void relatedPapersMergeCitationsAndText() throws IOException {
		List<RelatedPaper> related = engine.related("DeepSeekMoE", 30).orElseThrow();
		assertEquals(30, related.size());
		assertFalse(related.stream().anyMatch(r -> r.paperId().equals("arxiv:2401.06066")));
		for (int i = 1; i < related.size(); i++) {
			assertTrue(related.get(i - 1).score() >= related.get(i).score());
		}
		String reasons = related.stream().flatMap(r -> r.reasons().stream()).collect(Collectors.joining("\n"));
		assertTrue(reasons.contains("similar text"), reasons);
		assertTrue(reasons.contains("co-cited") || reasons.contains("shares references"), reasons);
		// a paper backed by two kinds of evidence outranks any paper backed by one
		RelatedPaper first = related.get(0);
		assertTrue(first.reasons().size() >= 2, first.toString());
		assertTrue(engine.related("Nobody et al., 1999", 5).isEmpty());
		Paper p = corpus.find(first.paperId()).orElseThrow();
		assertEquals(p.title(), first.title());
	}
}
