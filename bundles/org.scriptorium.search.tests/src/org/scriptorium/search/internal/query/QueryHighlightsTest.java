package org.scriptorium.search.internal.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scriptorium.core.model.Paper;
import org.scriptorium.search.HighlightTerms;
import org.scriptorium.search.PaperSearchEngine;
import org.scriptorium.search.ProgressMonitor;
import org.scriptorium.search.RankingSettings;
import org.scriptorium.search.SearchRequest;
import org.scriptorium.search.SearchResult;
import org.scriptorium.search.internal.analysis.Analyzers;
import org.scriptorium.search.internal.index.PaperFields;
import org.scriptorium.search.tests.MemoryCorpus;

/** The words of a query to highlight: what the parsed query searches in the text fields, compared as stems. */
class QueryHighlightsTest {

	private static final String TEXT = "Routing tokens to experts: each token is routed to the expert's FFN, "
			+ "and a dense layer routes the rest; 2023.";

	/** Every graph operator matches the paper {@code p1}. */
	private static final GraphOperators GRAPH = new GraphOperators() {
		@Override
		public List<String> citing(String paper) {
			return List.of("p1");
		}

		@Override
		public List<String> citedBy(String paper) {
			return List.of("p1");
		}

		@Override
		public List<String> related(String paper) {
			return List.of("p1");
		}
	};

	/** The highlighted words of {@link #TEXT} for {@code query}, parsed against {@code fields}. */
	private static List<String> highlighted(String query, String... fields) {
		PaperQueryParser.Parsed parsed = new PaperQueryParser(Analyzers.perField(), fields, Map.of(), GRAPH)
				.parse(query);
		assertTrue(parsed.ok(), () -> query + ": " + parsed.error());
		return QueryHighlights.of(parsed.query(), Analyzers.perField()).find(TEXT).stream()
				.map(r -> TEXT.substring(r.start(), r.end())).toList();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { //
			"routing | Routing routed routes", // one stem: rout
			"expert AND routing | Routing experts routed expert's routes", //
			"\"dense layer\" | dense layer", //
			"rout* | Routing routed routes", // a wildcard matches as in the search
			"exprt~1 | experts expert's", // so does a fuzzy term
			"routing NOT dense | Routing routed routes", // a negated word is not searched for
			"routing -dense | Routing routed routes", //
			"title:token | tokens token", // fielded words of the text fields count
			"abstract:layer | layer"})
	void theWordsOfTheQueryAreFoundAsTheIndexComparesThem(String query, String expected) {
		assertEquals(List.of(expected.split(" ")), highlighted(query, PaperFields.CONTENTS));
	}

	@Test
	void conditionsOnOtherFieldsAndGraphOperatorsHighlightNothing() {
		assertEquals(List.of(), highlighted("year:2023", PaperFields.CONTENTS));
		assertEquals(List.of(), highlighted("author:router venue:dense", PaperFields.CONTENTS));
		assertEquals(List.of(), highlighted("cites:p2 OR related:p3 OR id:routing", PaperFields.CONTENTS));
		assertEquals(List.of("Routing", "routed", "routes"),
				highlighted("routing AND year:2020..2024 AND citedby:p2", PaperFields.CONTENTS));
	}

	@Test
	void multifieldQueriesHighlightTheWordsOfBothFields() {
		assertEquals(List.of("tokens", "token"), highlighted("token", PaperFields.TITLE, PaperFields.ABSTRACT));
	}

	@Test
	void aQueryWithoutTextTermsHighlightsNothingAtAll() {
		PaperQueryParser.Parsed parsed = new PaperQueryParser(Analyzers.perField(),
				new String[]{PaperFields.CONTENTS}, Map.of(), GRAPH).parse("year:>=2023");
		assertSame(HighlightTerms.NONE, QueryHighlights.of(parsed.query(), Analyzers.perField()));
	}

	@Test
	void aSearchResultCarriesTheTermsOfItsQueryAndAFailedOneNone(@TempDir Path dir) throws IOException {
		Paper paper = Paper.builder("p1", "Expert routing").abstractText("Tokens are routed to experts.").build();
		try (PaperSearchEngine engine = PaperSearchEngine.open(new MemoryCorpus("c", List.of(paper), List.of()),
				dir, m -> {
				}, ProgressMonitor.NONE)) {
			SearchRequest request = SearchRequest.of("routing").withRanking(RankingSettings.defaults())
					.withHighlight(false);
			SearchResult found = engine.search(request);
			assertTrue(found.ok());
			String text = paper.abstractText().orElseThrow();
			assertEquals(List.of("routed"), found.highlight().find(text).stream()
					.map(r -> text.substring(r.start(), r.end())).toList());

			SearchResult failed = engine.search(request.withQuery("routing AND (experts"));
			assertTrue(failed.error().isPresent());
			assertSame(HighlightTerms.NONE, failed.highlight());
		}
	}
}
