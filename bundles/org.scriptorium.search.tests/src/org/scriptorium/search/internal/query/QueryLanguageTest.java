package org.scriptorium.search.internal.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.graph.CitationGraph;
import org.scriptorium.core.model.Paper;
import org.scriptorium.search.PaperSearchEngine;
import org.scriptorium.search.ProgressMonitor;
import org.scriptorium.search.QueryError;
import org.scriptorium.search.SearchRequest;
import org.scriptorium.search.SearchResult;

/** The query language against the default corpus, with the corpus itself as the oracle. */
class QueryLanguageTest {

	@TempDir
	static Path dir;
	static PaperSearchEngine engine;
	static DefaultCorpus corpus = DefaultCorpus.get();

	@BeforeAll
	static void open() throws IOException {
		engine = PaperSearchEngine.open(corpus, dir.resolve("index"), m -> {
		}, ProgressMonitor.NONE);
	}

	@AfterAll
	static void close() throws IOException {
		engine.close();
	}

	private static Set<String> ids(String query) throws IOException {
		SearchResult r = engine.search(SearchRequest.of(query).withLimit(10_000).withHighlight(false));
		assertTrue(r.ok(), () -> query + ": " + r.error());
		assertEquals(r.totalHits(), r.hits().size(), query);
		return r.hits().stream().map(h -> h.paperId()).collect(Collectors.toSet());
	}

	private static Set<String> where(Predicate<Paper> p) {
		return corpus.papers().stream().filter(p).map(Paper::id).collect(Collectors.toSet());
	}

	private static QueryError error(String query) throws IOException {
		SearchResult r = engine.search(SearchRequest.of(query));
		assertFalse(r.ok(), query + " should fail");
		assertTrue(r.hits().isEmpty());
		return r.error().orElseThrow();
	}

	@Test
	void yearConditionsMatchTheCorpus() throws IOException {
		assertEquals(where(p -> p.year().orElse(0) == 2023), ids("year:2023"));
		assertEquals(where(p -> p.year().map(y -> y >= 2022 && y <= 2024).orElse(false)), ids("year:2022..2024"));
		assertEquals(where(p -> p.year().map(y -> y >= 2024).orElse(false)), ids("year:>=2024"));
		assertEquals(where(p -> p.year().map(y -> y > 2024).orElse(false)), ids("year:>2024"));
		assertEquals(where(p -> p.year().map(y -> y < 2020).orElse(false)), ids("year:<2020"));
		assertEquals(where(p -> p.year().map(y -> y <= 2019).orElse(false)), ids("year:..2019"));
		assertEquals(where(p -> p.year().map(y -> y >= 2020 && y <= 2021).orElse(false)),
				ids("year:[2020 TO 2021]"));
		assertEquals(where(p -> p.year().map(y -> y > 2020 && y < 2023).orElse(false)), ids("year:{2020 TO 2023}"));
		assertFalse(ids("year:2023").isEmpty());
	}

	@Test
	void booleanOperatorsCombineSets() throws IOException {
		Set<String> routing = ids("routing");
		Set<String> recent = ids("year:>=2024");
		Set<String> and = new HashSet<>(routing);
		and.retainAll(recent);
		assertEquals(and, ids("routing AND year:>=2024"));
		assertEquals(and, ids("+routing +year:>=2024"));
		Set<String> not = new HashSet<>(routing);
		not.removeAll(recent);
		assertEquals(not, ids("routing AND NOT year:>=2024"));
		assertEquals(not, ids("routing -year:>=2024"));
		Set<String> or = new HashSet<>(routing);
		or.addAll(ids("retrieval"));
		assertEquals(or, ids("routing OR retrieval"));
		assertTrue(and.size() > 0 && not.size() > 0);
	}

	@Test
	void fieldsSearchTheirOwnText() throws IOException {
		assertEquals(where(p -> p.authors().stream().anyMatch(a -> a.family().equals("Dai"))), ids("author:Dai"));
		// Porter stems routing, route, routes, routed to "rout" (but not router)
		Set<String> titleRouting = ids("title:routing");
		assertTrue(titleRouting.containsAll(where(p -> p.title().toLowerCase().matches("(?s).*\\brouting\\b.*"))));
		assertTrue(titleRouting.stream().allMatch(
				id -> corpus.find(id).orElseThrow().title().toLowerCase().matches("(?s).*\\brout(ing|e|es|ed)?\\b.*")),
				titleRouting::toString);
		assertTrue(titleRouting.size() >= 5);
		assertTrue(ids("abstract:routing").stream()
				.allMatch(id -> corpus.find(id).orElseThrow().abstractText().isPresent()));
		assertEquals(where(p -> p.venue().map(v -> v.matches(".*\\bACL\\b.*")).orElse(false)), ids("venue:ACL"));
		// a phrase matches adjacent words only
		Set<String> phrase = ids("title:\"mixture of experts\"");
		assertTrue(phrase.contains("arxiv:2407.06204"), "A Survey on Mixture of Experts");
		assertTrue(ids("title:mixture AND title:experts").containsAll(phrase));
	}

	@Test
	void identifiersMatchExactly() throws IOException {
		assertEquals(Set.of("arxiv:2401.06066"), ids("id:arxiv:2401.06066"));
		assertEquals(Set.of("arxiv:2401.06066"), ids("arxiv:2401.06066v2"));
		assertEquals(Set.of("arxiv:2401.06066"), ids("doi:10.18653/v1/2024.acl-long.70"));
		assertEquals(Set.of("arxiv:2401.06066"), ids("doi:https://doi.org/10.18653/V1/2024.ACL-LONG.70"));
		assertEquals(Set.of(), ids("arxiv:0000.00000"));
	}

	@Test
	void graphOperatorsFollowTheCitationGraph() throws IOException {
		CitationGraph g = CitationGraph.of(corpus);
		String deepseek = "arxiv:2401.06066";
		assertEquals(new HashSet<>(g.citedBy(deepseek)), ids("cites:arxiv:2401.06066"));
		assertTrue(ids("cites:arxiv:2401.06066").contains("arxiv:2405.14507"), "Unchosen Experts cites DeepSeekMoE");
		assertEquals(new HashSet<>(g.references(deepseek)), ids("citedby:\"Dai et al., 2024\""));
		assertEquals(new HashSet<>(g.references(deepseek)), ids("citedby:2401.06066"));
		assertFalse(g.references(deepseek).isEmpty());
		Set<String> recent = ids("citedby:arxiv:2401.06066 AND year:>=2023");
		assertTrue(recent.stream().allMatch(id -> corpus.find(id).orElseThrow().year().orElse(0) >= 2023));
		List<String> related = engine.related(deepseek, 20).orElseThrow().stream().map(r -> r.paperId()).toList();
		assertEquals(new HashSet<>(related), ids("related:DeepSeekMoE"));
		assertFalse(related.contains(deepseek));
	}

	/** Each operator next to plain words narrows them, in either order (issue 16: a fielded clause is ANDed). */
	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { //
			"year:>=2024|routing", "year:2023|routing", "year:2022..2024|experts", "year:[2020 TO 2022]|routing",
			"year:<2022|experts", "title:sparse|routing", "abstract:language|routing", "author:Dai|experts",
			"venue:ACL|experts", "id:arxiv:2401.06066|routing", "arxiv:2401.06066|routing",
			"doi:10.18653/v1/2024.acl-long.70|routing", "cites:arxiv:2401.06066|routing",
			"citedby:arxiv:2401.06066|routing", "related:DeepSeekMoE|routing"})
	void aFieldedClauseNextToWordsNarrowsThem(String clause, String word) throws IOException {
		Set<String> both = new HashSet<>(ids(clause));
		both.retainAll(ids(word));
		Set<String> either = new HashSet<>(ids(clause));
		either.addAll(ids(word));
		assertFalse(both.isEmpty(), clause);
		assertFalse(both.equals(either), "the case must tell AND from OR: " + clause);
		assertEquals(both, ids(clause + " " + word));
		assertEquals(both, ids(word + " " + clause));
		assertEquals(either, ids(clause + " OR " + word), "an explicit OR is kept");
	}

	@Test
	void plainWordsNextToAConditionKeepTheirOr() throws IOException {
		Set<String> words = ids("expert routing");
		assertEquals(union(ids("expert"), ids("routing")), words);
		Set<String> expected = new HashSet<>(words);
		expected.retainAll(ids("year:>=2024"));
		assertEquals(expected, ids("year:>=2024 expert routing"));
		Set<String> dai = new HashSet<>(words);
		dai.retainAll(ids("author:Dai"));
		assertEquals(dai, ids("author:Dai expert routing"));
		// the search page restricting words to the title: the condition still narrows them
		Set<String> title = new HashSet<>(ids("title:routing"));
		title.retainAll(ids("year:>=2024"));
		assertEquals(title, ids("title:(year:>=2024 routing)"));
		assertEquals(union(ids("title:sparse"), ids("title:routing")), ids("title:(sparse routing)"));
		// negation and explicit requirement keep Lucene's meaning
		Set<String> notSurvey = new HashSet<>(ids("year:>=2024"));
		notSurvey.removeAll(ids("survey"));
		assertEquals(notSurvey, ids("year:>=2024 -survey"));
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		Set<String> u = new HashSet<>(a);
		u.addAll(b);
		return u;
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { //
			"title:(mixture|14", //
			"\"unclosed phrase|16", //
			"mixture AND|11", //
			"mixture ) routing|8", //
			"routing bogus:term|8", //
			"routing year:abc|8", //
			"routing cites:\"Nobody et al., 1999\"|8", //
			"routing title:|14"})
	void errorsCarryTheirPosition(String query, int position) throws IOException {
		QueryError e = error(query);
		assertEquals(position, e.position(), e.message());
		assertFalse(e.message().isBlank());
		assertFalse(e.message().contains("Exception"), e.message());
	}

	@Test
	void errorMessagesSayWhatIsWrong() throws IOException {
		assertTrue(error("bogus:x").message().contains("Unknown field 'bogus:'"));
		assertTrue(error("year:abc").message().contains("not a year condition"));
		assertTrue(error("cites:\"Nobody et al., 1999\"").message().contains("No paper"));
		assertTrue(error("   ").message().contains("empty"));
		assertEquals("Syntax error: unexpected ')' here (quote it to search for it as a word)",
				error("mixture ) routing").message());
		assertFalse(error("routing --help").message().contains("Encountered"), error("routing --help").message());
	}
}
