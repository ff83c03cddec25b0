package org.scriptorium.ui.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.Adapters;
import org.eclipse.ui.views.properties.IPropertySource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.core.corpus.JsonlCorpus;
import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.Paper;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.ui.internal.JobFamilies;
import org.scriptorium.ui.tests.pages.PapersViewTester;

/**
 * Issue 14: the Papers view's details and the Properties view show an imported paper's entry type, other name lists
 * and other fields, and a paper without an abstract that was imported does not claim to be known from a reference
 * list.
 */
@ExtendWith(NoErrorLoggedExtension.class)
class BibliographicFieldsTest {

	private PapersViewTester papers;

	@AfterEach
	void close() {
		if (papers != null) {
			papers.close();
		}
	}

	@Test
	void anImportedPaperShowsItsTypeNamesAndFields(@TempDir Path dir) throws Exception {
		Paper chapter = Paper.builder("key:lovelace1843", "Sketch of the Analytical Engine").type("incollection") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				.authors(List.of(new Author("Ada", "Lovelace"))).year(1843).venue("Scientific Memoirs") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				.names(Map.of("editor", List.of(new Author("Richard", "Taylor")))) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				.field("pages", "666\u2013731").field("publisher", "R. and J. E. Taylor").build(); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		Path file = dir.resolve("imported.jsonl"); //$NON-NLS-1$
		JsonlCorpus.write(file, List.of(chapter));

		papers = PapersViewTester.open();
		papers.view().openCorpusFile(file);
		UiWait.jobs(JobFamilies.CORPUS_LOAD);
		papers.settle();
		UiWait.until("the paper is listed", () -> papers.rowCount() == 1); //$NON-NLS-1$
		papers.clickRow(0);
		UiWait.until("the details show the paper", () -> papers.details().getText().startsWith(chapter.title())); //$NON-NLS-1$
		String details = papers.details().getText();
		for (String line : List.of("Type: incollection", "editor: Richard Taylor", "pages: 666\u2013731", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				"publisher: R. and J. E. Taylor", "(no abstract)")) { //$NON-NLS-1$ //$NON-NLS-2$
			assertTrue(details.contains(line), line + " in " + details); //$NON-NLS-1$
		}
		assertFalse(details.contains("reference list"), "an imported paper is not known from a reference list"); //$NON-NLS-1$ //$NON-NLS-2$

		IPropertySource source = Adapters.adapt(chapter, IPropertySource.class);
		List<Object> values = java.util.Arrays.stream(source.getPropertyDescriptors())
				.map(d -> source.getPropertyValue(d.getId())).toList();
		assertTrue(values.containsAll(List.of("incollection", "Richard Taylor", "666\u2013731")), values.toString()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}
}
