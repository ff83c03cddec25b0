package org.scriptorium.search.internal.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** How the Paper Search page and the Papers view filter turn what was typed into queries. */
class SearchQueriesTest {

	@Test
	void allOrNoFieldsSearchTheDefaultFields() {
		assertEquals("expert routing", SearchQueries.compose(" expert routing ", SearchQueries.FIELDS, null, null)); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("expert", SearchQueries.compose("expert", List.of(), null, null)); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Test
	void someFieldsRestrictTheWords() {
		assertEquals("title:(moe)", SearchQueries.compose("moe", List.of("title"), null, null)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals("(title:(moe) OR author:(moe))", //$NON-NLS-1$
				SearchQueries.compose("moe", List.of("title", "author"), null, null)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	@Test
	void yearsBecomeRanges() {
		assertEquals("(moe) AND year:2022..2024", SearchQueries.compose("moe", SearchQueries.FIELDS, 2022, 2024)); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("(moe) AND year:>=2023", SearchQueries.compose("moe", SearchQueries.FIELDS, 2023, null)); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("year:<=2020", SearchQueries.compose("", SearchQueries.FIELDS, null, 2020)); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Test
	void plainFilterWordsMustAllMatchButSyntaxIsKept() {
		assertEquals("expert AND routing", FilterQueries.toQuery("expert  routing")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("expert OR routing", FilterQueries.toQuery("expert OR routing")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("\"expert choice\"", FilterQueries.toQuery("\"expert choice\"")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("", FilterQueries.toQuery("  ")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("routing -survey", FilterQueries.toQuery("routing -survey")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("(a b", FilterQueries.toQuery("(a b")); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Test
	void everythingTypedInTheFilterMustMatch() {
		assertEquals("title:moe AND routing", FilterQueries.toQuery("title:moe routing")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("year:>=2024 AND expert AND routing", FilterQueries.toQuery(" year:>=2024  expert routing")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("\"expert choice\" AND top-k AND title:(a b) AND year:[2020 TO 2022] AND title: moe", //$NON-NLS-1$
				FilterQueries.toQuery("\"expert choice\" top-k title:(a b) year:[2020 TO 2022] title: moe")); //$NON-NLS-1$
		assertEquals("cites:arxiv:2401.06066 AND a\\ b", FilterQueries.toQuery("cites:arxiv:2401.06066 a\\ b")); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Test
	void filterErrorsAreLocatedInWhatWasTyped() {
		String typed = " routing  bogus:term"; //$NON-NLS-1$
		String query = FilterQueries.toQuery(typed);
		assertEquals("routing AND bogus:term", query); //$NON-NLS-1$
		assertEquals(typed.indexOf("bogus"), FilterQueries.textPosition(typed, query.indexOf("bogus"))); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(typed.indexOf("term"), FilterQueries.textPosition(typed, query.indexOf("term"))); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(1, FilterQueries.textPosition(typed, 0));
		assertEquals(-1, FilterQueries.textPosition(typed, -1));
		assertEquals(typed.length(), FilterQueries.textPosition(typed, query.length()));
		assertEquals(4, FilterQueries.textPosition("a OR", 4)); //$NON-NLS-1$
	}

	@Test
	void aFacetValueNarrowsTheQuery() {
		assertEquals("(expert routing) AND year:2023", SearchQueries.narrow("expert routing", "year", "2023")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		assertEquals("(a OR b) AND venue:\"ACL 2024\"", SearchQueries.narrow(" a OR b ", "venue", "ACL 2024")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		assertEquals("author:\"Damai Dai\"", SearchQueries.narrow("", "author", "Damai Dai")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		assertEquals("venue:\"The \\\"Best\\\" Venue\"", SearchQueries.facetCondition("venue", "The \"Best\" Venue")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	@Test
	void narrowingTwiceAddsAConditionAndNeverRepeatsOne() {
		String once = SearchQueries.narrow("moe", "year", "2023"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		String twice = SearchQueries.narrow(once, "author", "Damai Dai"); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("(moe) AND year:2023 AND author:\"Damai Dai\"", twice); //$NON-NLS-1$
		assertEquals(twice, SearchQueries.narrow(twice, "year", "2023")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(twice, SearchQueries.narrow(twice, "author", "Damai Dai")); //$NON-NLS-1$ //$NON-NLS-2$
		// the page's year range is narrowed like any other query
		assertEquals("(moe) AND year:2022..2024 AND year:2023", //$NON-NLS-1$
				SearchQueries.narrow(SearchQueries.compose("moe", SearchQueries.FIELDS, 2022, 2024), "year", "2023")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		// parentheses that do not enclose the whole query are enclosed again
		assertEquals("((a) OR (b) AND year:2020) AND year:2023", //$NON-NLS-1$
				SearchQueries.narrow("(a) OR (b) AND year:2020", "year", "2023")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}
}
