package org.scriptorium.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.search.ui.NewSearchUI;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.model.Paper;
import org.scriptorium.search.Ranker;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.ui.internal.search.PaperSearchPage;
import org.scriptorium.ui.tests.pages.PapersViewTester;
import org.scriptorium.ui.tests.pages.SearchDialogTester;
import org.scriptorium.ui.tests.pages.SearchViewTester;

/** The Paper Search page of the Search dialog (Ctrl+H) and its results in the Search view. */
@ExtendWith(NoErrorLoggedExtension.class)
class PaperSearchTest {

	private final List<Paper> corpus = DefaultCorpus.get().papers();
	private PapersViewTester papers;

	@AfterEach
	void close() {
		if (papers != null) {
			papers.close();
		}
	}

	@Test
	void searchingFromTheDialogListsTheMatchingPapersInTheSearchView() {
		long expected = corpus.stream().filter(p -> Stems.titleOrAbstractHas(p, "routing")).count(); //$NON-NLS-1$
		assertTrue(expected > 0 && expected < 200, "matches: " + expected); //$NON-NLS-1$

		SearchDialogTester.run(dialog -> {
			dialog.type(dialog.query(), "routing"); //$NON-NLS-1$
			dialog.search();
		});

		SearchViewTester results = SearchViewTester.latest();
		assertNull(results.result().error());
		assertEquals(expected, results.result().getElementsCount());
		assertEquals(expected, results.table().getItemCount());
		List<String> ranks = results.column(0);
		for (int i = 0; i < ranks.size(); i++) {
			assertEquals(String.valueOf(i + 1), ranks.get(i), "rows in rank order"); //$NON-NLS-1$
		}
		assertTrue(results.column(4).stream().allMatch(s -> !s.isEmpty()), "every row has a snippet"); //$NON-NLS-1$
		assertTrue(results.result().getLabel().contains("routing"), results.result().getLabel()); //$NON-NLS-1$
	}

	@Test
	void openingAResultSelectsThePaperInThePapersView() throws Exception {
		papers = PapersViewTester.open();
		SearchDialogTester.run(dialog -> {
			dialog.type(dialog.query(), "\"expert choice\""); //$NON-NLS-1$
			dialog.search();
		});
		SearchViewTester results = SearchViewTester.latest();
		assertTrue(results.table().getItemCount() > 0);
		String title = results.column(1).get(0);

		results.open(0);

		UiWait.until("the Papers view selects " + title, () -> title.equals(papers.selectedTitle())); //$NON-NLS-1$
		assertTrue(papers.details().getText().startsWith(title));
	}

	@Test
	void yearRangeAndCitationAwareRankingAreApplied() {
		SearchDialogTester.run(dialog -> {
			dialog.type(dialog.query(), "experts"); //$NON-NLS-1$
			dialog.type(dialog.from(), "2024"); //$NON-NLS-1$
			dialog.type(dialog.to(), "2024"); //$NON-NLS-1$
			dialog.check(PaperSearchPage.CITATION_ID);
			dialog.search();
		});
		SearchViewTester results = SearchViewTester.latest();
		assertEquals(Ranker.CITATION, results.query().request().ranking().ranker());
		assertTrue(results.query().request().query().endsWith("year:2024..2024"), results.query().request().query()); //$NON-NLS-1$
		assertTrue(results.table().getItemCount() > 0);
		assertTrue(results.column(2).stream().allMatch("2024"::equals), "only 2024: " + results.column(2)); //$NON-NLS-1$ //$NON-NLS-2$

		var top = (org.scriptorium.search.SearchHit) results.result().getElements()[0];
		String why = org.scriptorium.ui.internal.search.Explanations.describe(top);
		assertTrue(why != null && why.contains("text (BM25)") && why.contains("citation prior"), why); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Test
	void theFacetPanelCountsTheMatchesAndAClickNarrowsTheSearch() {
		List<Paper> matching = corpus.stream().filter(p -> Stems.titleOrAbstractHas(p, "routing")).toList(); //$NON-NLS-1$
		java.util.Map<Integer, Long> perYear = matching.stream().filter(p -> p.year().isPresent())
				.collect(java.util.stream.Collectors.groupingBy(p -> p.year().get(),
						java.util.stream.Collectors.counting()));
		int year = perYear.keySet().stream().max(Integer::compare).orElseThrow();
		long inYear = perYear.get(year);
		assertTrue(inYear < matching.size(), "the year narrows the matches"); //$NON-NLS-1$

		SearchDialogTester.run(dialog -> {
			dialog.type(dialog.query(), "routing"); //$NON-NLS-1$
			dialog.search();
		});
		SearchViewTester results = SearchViewTester.latest();
		UiWait.until("the facet panel shows the years", () -> !results.facetEntries("Year").isEmpty()); //$NON-NLS-1$ //$NON-NLS-2$
		List<String> expectedYears = perYear.entrySet().stream()
				.sorted(java.util.Map.Entry.<Integer, Long>comparingByKey().reversed())
				.map(e -> e.getKey() + " (" + e.getValue() + ")").toList(); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(expectedYears, results.facetEntries("Year"), "one entry per year of the matches, newest first"); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(!results.facetEntries("Venue").isEmpty() && !results.facetEntries("Author").isEmpty(), //$NON-NLS-1$ //$NON-NLS-2$
				"venue and author counts too"); //$NON-NLS-1$

		results.clickFacet("Year", year + " (" + inYear + ")"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

		SearchViewTester narrowed = SearchViewTester.latestAfter(results.query());
		assertEquals("(routing) AND year:" + year, narrowed.query().request().query()); //$NON-NLS-1$
		assertNull(narrowed.result().error());
		assertEquals(inYear, narrowed.result().getElementsCount());
		assertEquals(inYear, narrowed.table().getItemCount());
		assertTrue(narrowed.column(2).stream().allMatch(String.valueOf(year)::equals), narrowed.column(2).toString());
		UiWait.until("the facet panel shows the narrowed counts", //$NON-NLS-1$
				() -> narrowed.facetEntries("Year").equals(List.of(year + " (" + inYear + ")"))); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertTrue(java.util.Arrays.asList(NewSearchUI.getQueries()).contains(results.query()),
				"the search before narrowing stays in the history"); //$NON-NLS-1$
	}

	@Test
	void aYearNextToWordsNarrowsThem() {
		long routing = corpus.stream().filter(p -> Stems.titleOrAbstractHas(p, "routing")).count(); //$NON-NLS-1$
		long expected = corpus.stream()
				.filter(p -> p.year().orElse(0) >= 2024 && Stems.titleOrAbstractHas(p, "routing")).count(); //$NON-NLS-1$
		assertTrue(expected > 0 && expected < routing, expected + " of " + routing); //$NON-NLS-1$

		SearchDialogTester.run(dialog -> {
			dialog.type(dialog.query(), "year:>=2024 routing"); //$NON-NLS-1$
			dialog.search();
		});

		SearchViewTester results = SearchViewTester.latest();
		assertNull(results.result().error());
		assertEquals(expected, results.table().getItemCount());
		assertTrue(results.column(2).stream().allMatch(y -> Integer.parseInt(y) >= 2024), results.column(2)::toString);
	}

	@Test
	void aQueryErrorIsReportedInTheSearchViewWithItsColumn() {
		SearchDialogTester.run(dialog -> {
			dialog.type(dialog.query(), "title:(routing"); //$NON-NLS-1$
			dialog.search();
		});
		SearchViewTester results = SearchViewTester.latest();
		assertTrue(String.valueOf(results.result().error()).startsWith("query error at column"), //$NON-NLS-1$
				String.valueOf(results.result().error()));
		assertEquals(0, results.table().getItemCount());
		assertTrue(PlatformUI.getWorkbench().getActiveWorkbenchWindow() != null);
	}
}
