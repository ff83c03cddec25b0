package org.scriptorium.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.model.Paper;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.ui.tests.pages.PapersViewTester;

/** Drives the Papers view over the default corpus with real keyboard and mouse input. */
@ExtendWith(NoErrorLoggedExtension.class)
class PapersViewTest {

	private PapersViewTester papers;
	/** What the view lists by default: the papers of the corpus that are not reference-only. */
	private final List<Paper> corpus = DefaultCorpus.get().papers().stream().filter(p -> !p.isReferenceOnly()).toList();
	private final int total = DefaultCorpus.get().papers().size();

	@BeforeEach
	void open() throws Exception {
		papers = PapersViewTester.open();
	}

	@AfterEach
	void close() {
		papers.close();
	}

	@Test
	void showsThe76SeedPapersOfTheDefaultCorpus() {
		assertEquals(76, papers.rowCount());
		assertEquals(corpus.stream().map(Paper::title).toList(), papers.titles());
		assertEquals("76 of " + total + " papers", papers.count()); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Test
	void referenceOnlyPapersAreListedInItalicsWhenAskedFor() {
		assertTrue(total > 76, "the default corpus has reference-only papers"); //$NON-NLS-1$
		papers.toggleReferenceOnly();
		UiWait.until("every paper is listed", () -> papers.rowCount() == total); //$NON-NLS-1$
		assertEquals(total + " of " + total + " papers", papers.count()); //$NON-NLS-1$ //$NON-NLS-2$
		List<Paper> all = DefaultCorpus.get().papers();
		for (int i = 0; i < total; i++) {
			assertEquals(all.get(i).isReferenceOnly(), papers.isItalic(i), all.get(i).title());
		}
		papers.toggleReferenceOnly();
		UiWait.until("the reference-only papers are hidden again", () -> papers.rowCount() == 76); //$NON-NLS-1$
	}

	@Test
	void typingNarrowsTheRowsToTheMatchingPapers() {
		List<String> expected = new ArrayList<>();
		for (Paper p : corpus) {
			if (Stems.titleOrAbstractHas(p, "routing")) { //$NON-NLS-1$
				expected.add(p.title());
			}
		}
		assertTrue(expected.size() > 0 && expected.size() < corpus.size(), "a filter that narrows: " + expected.size()); //$NON-NLS-1$

		papers.typeFilter("routing", expected.size()); //$NON-NLS-1$

		assertEquals(new java.util.TreeSet<>(expected), new java.util.TreeSet<>(papers.titles()),
				"the same papers (listed in rank order)"); //$NON-NLS-1$
		assertEquals(expected.size() + " of " + total + " papers", papers.count()); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Test
	void aQueryWithASyntaxErrorSaysWhereAndKeepsTheRows() {
		papers.typeFilter("routing", (int) corpus.stream().filter(p -> Stems.titleOrAbstractHas(p, "routing")).count()); //$NON-NLS-1$ //$NON-NLS-2$
		List<String> before = papers.titles();
		org.scriptorium.tests.common.ui.Input.type(papers.filter(), " AND (expert"); //$NON-NLS-1$
		UiWait.until("the count shows the query error", () -> papers.count().startsWith("Query error at column")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(before, papers.titles(), "the rows of the last good query stay"); //$NON-NLS-1$
	}

	@Test
	void fieldQueriesAndYearRangesOfTheSearchLanguageWork() {
		long expected = corpus.stream().filter(p -> p.year().orElse(0) >= 2025).count();
		assertTrue(expected > 0 && expected < corpus.size());
		papers.typeFilter("year:>=2025", (int) expected); //$NON-NLS-1$
		for (String year : papers.column(2)) {
			assertTrue(Integer.parseInt(year) >= 2025, year);
		}
	}

	@Test
	void aFieldedClauseNextToWordsNarrowsThem() {
		List<String> expected = corpus.stream().filter(p -> p.year().orElse(0) >= 2024
				&& Stems.titleOrAbstractHas(p, "expert") && Stems.titleOrAbstractHas(p, "routing")) //$NON-NLS-1$ //$NON-NLS-2$
				.map(Paper::title).toList();
		long routing = corpus.stream().filter(p -> Stems.titleOrAbstractHas(p, "routing")).count(); //$NON-NLS-1$
		assertTrue(expected.size() > 0 && expected.size() < routing, expected.size() + " of " + routing); //$NON-NLS-1$

		papers.typeFilter("year:>=2024 expert routing", expected.size()); //$NON-NLS-1$

		assertEquals(new java.util.TreeSet<>(expected), new java.util.TreeSet<>(papers.titles()));
		for (String year : papers.column(2)) {
			assertTrue(Integer.parseInt(year) >= 2024, year);
		}
	}

	@Test
	void everyWordOfTheFilterMustMatchAndClearingRestoresAllRows() {
		papers.typeFilter("expert zzzqqq", 0); //$NON-NLS-1$
		assertEquals("0 of " + total + " papers", papers.count()); //$NON-NLS-1$ //$NON-NLS-2$

		papers.clearFilter();
		UiWait.until("all rows are back", () -> papers.rowCount() == corpus.size()); //$NON-NLS-1$
	}

	@Test
	void selectingAPaperShowsItsAbstractAuthorsAndIds() {
		papers.typeFilter("deepseekmoe", (int) corpus.stream() //$NON-NLS-1$
				.filter(p -> Stems.titleOrAbstractHas(p, "deepseekmoe")).count()); //$NON-NLS-1$
		papers.clickRow(0);

		String title = papers.titles().get(0);
		Paper paper = corpus.stream().filter(p -> p.title().equals(title)).findFirst().orElseThrow();
		String details = papers.details().getText();
		assertTrue(details.startsWith(paper.title()), details);
		assertTrue(details.contains(paper.abstractText().orElseThrow()), "the abstract is shown"); //$NON-NLS-1$
		assertTrue(details.contains(paper.authorsDisplay()), "the authors are shown"); //$NON-NLS-1$
		paper.ids().asMap().values().forEach(id -> assertTrue(details.contains(id), "id " + id + " is shown")); //$NON-NLS-1$ //$NON-NLS-2$

		var styles = papers.details().getStyleRanges();
		assertTrue(java.util.Arrays.stream(styles)
				.anyMatch(r -> ("https://arxiv.org/abs/" + paper.ids().arxiv()).equals(r.data) //$NON-NLS-1$
						&& r.underlineStyle == org.eclipse.swt.SWT.UNDERLINE_LINK),
				"the arXiv id is a link"); //$NON-NLS-1$
		List<String> highlighted = java.util.Arrays.stream(styles)
				.filter(r -> r.background != null && r.start > details.indexOf(paper.abstractText().get()) - 1)
				.map(r -> details.substring(r.start, r.start + r.length).toLowerCase(java.util.Locale.ROOT)).toList();
		assertFalse(highlighted.isEmpty(), "the filter's word is highlighted in the abstract"); //$NON-NLS-1$
		assertTrue(highlighted.stream().allMatch(w -> w.startsWith("deepseekmo")), highlighted.toString()); //$NON-NLS-1$
		assertTrue(details.contains("seeds.txt line"), "the sources of the fields are shown"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Test
	void theSelectedPaperShowsInThePropertiesView() throws Exception {
		papers.clickRow(0);
		Paper paper = corpus.get(0);
		var page = org.eclipse.ui.PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		var sheet = page.showView(org.eclipse.ui.IPageLayout.ID_PROP_SHEET);
		page.activate(papers.part());
		var source = org.eclipse.core.runtime.Adapters.adapt(paper,
				org.eclipse.ui.views.properties.IPropertySource.class);
		assertTrue(source != null, "papers adapt to IPropertySource"); //$NON-NLS-1$
		List<Object> values = java.util.Arrays.stream(source.getPropertyDescriptors())
				.map(d -> source.getPropertyValue(d.getId())).toList();
		assertTrue(values.contains(paper.title()) && values.contains(paper.ids().arxiv()), values.toString());
		var tree = org.scriptorium.tests.common.ui.Widgets.all(
				(org.eclipse.swt.widgets.Composite) sheet.getViewSite().getShell(), org.eclipse.swt.widgets.Tree.class)
				.stream().filter(org.eclipse.swt.widgets.Tree::isVisible).findFirst().orElseThrow();
		UiWait.until("the Properties view lists the paper", () -> tree.getItemCount() > 0); //$NON-NLS-1$
		page.hideView(sheet);
	}

	@Test
	void aHiddenColumnStaysHiddenWhenTheViewIsOpenedAgain() throws Exception {
		String venue = papers.table().getColumn(3).getText();
		papers.tablePart().setColumnVisible(venue, false);
		UiWait.until("the Venue column is hidden", () -> papers.table().getColumn(3).getWidth() == 0); //$NON-NLS-1$
		papers.close();
		papers = PapersViewTester.open();
		try {
			assertFalse(papers.tablePart().isColumnVisible(venue));
			UiWait.until("the Venue column is still hidden", () -> papers.table().getColumn(3).getWidth() == 0); //$NON-NLS-1$
		} finally {
			papers.tablePart().setColumnVisible(venue, true);
		}
		UiWait.until("the Venue column is back", () -> papers.table().getColumn(3).getWidth() > 0); //$NON-NLS-1$
	}

	@Test
	void clickingTheYearHeaderSortsByYear() {
		papers.clickHeader(2);
		List<String> years = papers.column(2);
		List<String> sorted = new ArrayList<>(years);
		sorted.sort(null);
		assertEquals(sorted, years, "ascending after one click"); //$NON-NLS-1$

		papers.clickHeader(2);
		List<String> descending = papers.column(2);
		assertFalse(descending.equals(years), "descending after a second click"); //$NON-NLS-1$
		sorted.sort(java.util.Comparator.reverseOrder());
		assertEquals(sorted, descending);
	}
}
