package org.scriptorium.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.core.corpus.JsonlCorpus;
import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.Paper;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.tests.common.ui.Widgets;
import org.scriptorium.ui.internal.JobFamilies;
import org.scriptorium.ui.tests.pages.PapersViewTester;

/**
 * Issue 14: the Papers view's details and the Properties view show an imported paper's entry type, other name lists
 * (editors, ...) and every other field (volume, pages, publisher, ...); an imported paper without an abstract does
 * not claim to be known from a reference list, which stays the wording for reference-only papers.
 */
@ExtendWith(NoErrorLoggedExtension.class)
class BibliographicFieldsTest {

	private static final Paper CHAPTER = Paper.builder("key:lovelace1843", "Sketch of the Analytical Engine") //$NON-NLS-1$ //$NON-NLS-2$
			.type("incollection").authors(List.of(new Author("Ada", "Lovelace"))).year(1843) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			.venue("Scientific Memoirs").names(Map.of("editor", List.of(new Author("Richard", "Taylor")))) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			.field("volume", "3").field("pages", "666\u2013731").field("publisher", "R. and J. E. Taylor") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			.field("x-shelf", "{B}ox 7 \\& 8").build(); //$NON-NLS-1$ //$NON-NLS-2$

	private static final Paper CITED_ONLY = Paper.builder("ref:babbage1864", "Passages from the Life of a Philosopher") //$NON-NLS-1$ //$NON-NLS-2$
			.authors(List.of(new Author("Charles", "Babbage"))).year(1864).referenceOnly(true).build(); //$NON-NLS-1$ //$NON-NLS-2$

	private PapersViewTester papers;
	private IViewPart sheet;

	@AfterEach
	void close() {
		if (sheet != null) {
			sheet.getSite().getPage().hideView(sheet);
		}
		if (papers != null) {
			papers.close();
		}
	}

	@Test
	void anImportedPaperShowsItsTypeNamesAndFieldsInTheDetailsAndTheProperties(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("imported.jsonl"); //$NON-NLS-1$
		JsonlCorpus.write(file, List.of(CHAPTER, CITED_ONLY));

		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		sheet = page.showView(IPageLayout.ID_PROP_SHEET);
		papers = PapersViewTester.open();
		papers.view().openCorpusFile(file);
		UiWait.jobs(JobFamilies.CORPUS_LOAD);
		papers.settle();
		UiWait.until("the imported paper is listed", () -> papers.rowCount() == 1); //$NON-NLS-1$
		papers.activate();
		papers.clickRow(0);
		UiWait.until("the details show the paper", () -> papers.details().getText().startsWith(CHAPTER.title())); //$NON-NLS-1$
		String details = papers.details().getText();
		for (String line : List.of("Type: incollection", "Venue: Scientific Memoirs", "Editor: Richard Taylor", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				"Volume: 3", "Pages: 666\u2013731", "Publisher: R. and J. E. Taylor", "X-shelf: {B}ox 7 \\& 8", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				"(no abstract)")) { //$NON-NLS-1$
			assertTrue(details.contains(line), line + " in " + details); //$NON-NLS-1$
		}
		assertTrue(details.indexOf("Volume:") < details.indexOf("Pages:") //$NON-NLS-1$ //$NON-NLS-2$
				&& details.indexOf("Pages:") < details.indexOf("Publisher:"), "fields in source order: " + details); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertFalse(details.contains("reference list"), "an imported paper is not known from a reference list"); //$NON-NLS-1$ //$NON-NLS-2$

		// the Properties view, as the user sees it: the "Bibliographic fields" category with one row a field
		Tree tree = Widgets.all((Composite) sheet.getViewSite().getShell(), Tree.class).stream()
				.filter(Tree::isVisible).findFirst().orElseThrow();
		UiWait.until("the Properties view lists the bibliographic fields", //$NON-NLS-1$
				() -> rows(tree).contains("Entry type = incollection")); //$NON-NLS-1$
		List<String> rows = rows(tree);
		for (String row : List.of("Bibliographic fields", "editor = Richard Taylor", "volume = 3", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				"pages = 666\u2013731", "publisher = R. and J. E. Taylor", "x-shelf = {B}ox 7 \\& 8")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			assertTrue(rows.contains(row), row + " in " + rows); //$NON-NLS-1$
		}

		// a reference-only paper keeps the words that explain why it has no abstract
		papers.toggleReferenceOnly();
		try {
			UiWait.until("the reference-only paper is listed", () -> papers.rowCount() == 2); //$NON-NLS-1$
			papers.clickRow(papers.rowOf(CITED_ONLY.title()));
			UiWait.until("the details show the reference-only paper", //$NON-NLS-1$
					() -> papers.details().getText().startsWith(CITED_ONLY.title()));
			String cited = papers.details().getText();
			assertTrue(cited.contains("known from a reference list"), cited); //$NON-NLS-1$
			assertFalse(cited.contains("Type:"), "no type line for a paper without a type: " + cited); //$NON-NLS-1$ //$NON-NLS-2$
		} finally {
			papers.toggleReferenceOnly();
		}
	}

	@Test
	void anIncompletePaperSaysItHasNoTitle(@TempDir Path dir) throws Exception {
		Paper untitled = Paper.builder("key:anon", "").type("misc").year(1999).field("note", "a draft") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
				.build();
		Path file = dir.resolve("untitled.jsonl"); //$NON-NLS-1$
		JsonlCorpus.write(file, List.of(untitled));
		papers = PapersViewTester.open();
		papers.view().openCorpusFile(file);
		UiWait.jobs(JobFamilies.CORPUS_LOAD);
		papers.settle();
		UiWait.until("the paper is listed", () -> papers.rowCount() == 1); //$NON-NLS-1$
		papers.clickRow(0);
		UiWait.until("the details show the paper", () -> papers.details().getText().contains("Note: a draft")); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(papers.details().getText().startsWith("(no title"), papers.details().getText()); //$NON-NLS-1$
		assertEquals("(no title)", papers.selectedTitle(), "the table's title cell is not left empty"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** Every row of the Properties tree as "name = value" (a category as its name alone). */
	private static List<String> rows(Tree tree) {
		List<String> out = new ArrayList<>();
		for (TreeItem item : tree.getItems()) {
			collect(item, out);
		}
		return out;
	}

	private static void collect(TreeItem item, List<String> out) {
		String value = item.getText(1);
		out.add(value.isEmpty() ? item.getText(0) : item.getText(0) + " = " + value); //$NON-NLS-1$
		for (TreeItem child : item.getItems()) {
			collect(child, out);
		}
	}
}
