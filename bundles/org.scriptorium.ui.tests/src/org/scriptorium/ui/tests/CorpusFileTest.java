package org.scriptorium.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.corpus.JsonlCorpus;
import org.scriptorium.core.model.Paper;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.ui.internal.JobFamilies;
import org.scriptorium.ui.tests.pages.PapersViewTester;

/** A user's corpus file (JSON Lines) opens in the Papers view, which then filters it through its own index. */
@ExtendWith(NoErrorLoggedExtension.class)
class CorpusFileTest {

	private PapersViewTester papers;

	@AfterEach
	void close() {
		if (papers != null) {
			papers.close();
		}
	}

	@Test
	void aSavedCorpusFileOpensAndIsFilteredThroughItsOwnIndex(@TempDir Path dir) throws Exception {
		List<Paper> some = DefaultCorpus.get().seedPapers().subList(0, 20);
		Path file = dir.resolve("my-papers.jsonl"); //$NON-NLS-1$
		JsonlCorpus.write(file, some);

		papers = PapersViewTester.open();
		papers.view().openCorpusFile(file);
		UiWait.jobs(JobFamilies.CORPUS_LOAD);
		papers.settle();
		UiWait.until("the file's 20 papers are listed", () -> papers.rowCount() == 20); //$NON-NLS-1$
		assertEquals(some.stream().map(Paper::title).toList(), papers.titles());
		assertEquals("my-papers.jsonl", papers.view().corpus().name()); //$NON-NLS-1$

		long expected = some.stream().filter(p -> Stems.titleOrAbstractHas(p, "experts")).count(); //$NON-NLS-1$
		assertTrue(expected > 0 && expected < 20, "a filter that narrows: " + expected); //$NON-NLS-1$
		papers.typeFilter("experts", (int) expected); //$NON-NLS-1$
		assertTrue(papers.titles().stream().allMatch(t -> some.stream().anyMatch(p -> p.title().equals(t))));
	}
}
