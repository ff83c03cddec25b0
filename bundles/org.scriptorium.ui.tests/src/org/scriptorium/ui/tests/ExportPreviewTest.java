package org.scriptorium.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.corpus.JsonlCorpus;
import org.scriptorium.core.io.Importer;
import org.scriptorium.core.model.Citation;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.Reference;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.ui.internal.JobFamilies;
import org.scriptorium.ui.internal.papers.ExportPapersWizard;
import org.scriptorium.ui.tests.pages.Combos;
import org.scriptorium.ui.tests.pages.PapersViewTester;
import org.scriptorium.ui.tests.pages.WizardTester;

/**
 * Issue 14: before Finish, the export wizard shows what will be written for the chosen format: each field with how
 * many papers have it and what the format writes it as (or that it cannot carry it), and the start of the file as the
 * real writer writes it. A paper imported from BibTeX with pages, a publisher, an editor and a field of its own shows
 * them.
 */
@ExtendWith(NoErrorLoggedExtension.class)
class ExportPreviewTest {

	/** A safety net only: every wait below ends as soon as its condition holds. */
	private static final Duration PREVIEW = Duration.ofMinutes(3);

	private static final String BIB = """
			@incollection{lovelace1843,
			  author = {Lovelace, Ada},
			  title = {Sketch of the Analytical Engine},
			  booktitle = {Scientific Memoirs},
			  editor = {Taylor, Richard},
			  year = {1843},
			  volume = {3},
			  pages = {666--731},
			  publisher = {R. and J. E. Taylor},
			  x-shelf = {Box 7}
			}
			"""; //$NON-NLS-1$

	private PapersViewTester papers;

	@AfterEach
	void close() {
		if (papers != null) {
			papers.close();
		}
	}

	private static List<String> rows(WizardTester wizard) {
		List<String> out = new ArrayList<>();
		for (TableItem item : wizard.widget(ExportPapersWizard.FIELDS_ID, Table.class).getItems()) {
			out.add(item.getText(0) + " | " + item.getText(1) + " | " + item.getText(2)); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return out;
	}

	/** Chooses the format as a user does and waits until the preview shows it. */
	private static String choose(WizardTester wizard, String format, Predicate<String> shown) {
		Combos.choose(wizard.widget(ExportPapersWizard.FORMAT_ID, Combo.class), format);
		Text preview = wizard.widget(ExportPapersWizard.PREVIEW_ID, Text.class);
		UiWait.until("the preview shows " + format, () -> shown.test(preview.getText()) //$NON-NLS-1$
				&& wizard.widget(ExportPapersWizard.FIELDS_ID, Table.class).getItemCount() > 0, PREVIEW);
		return preview.getText();
	}

	private static String choose(WizardTester wizard, String format, String fileStart) {
		return choose(wizard, format, text -> text.startsWith(fileStart));
	}

	private static String summary(WizardTester wizard) {
		return wizard.widget(ExportPapersWizard.PREVIEW_SUMMARY_ID, Label.class).getText();
	}

	@Test
	void theWizardShowsEveryFieldWhatTheFormatWritesItAsAndTheStartOfTheFile(@TempDir Path dir) throws Exception {
		Path bib = dir.resolve("lovelace.bib"); //$NON-NLS-1$
		Files.writeString(bib, BIB, StandardCharsets.UTF_8);
		// a paper with its reference list, as an import from Semantic Scholar or OpenAlex keeps it
		List<Paper> seeds = DefaultCorpus.get().seedPapers();
		Paper seed = seeds.get(0).toBuilder()
				.addReference(Reference.to(seeds.get(1).id(), Citation.Kind.REFERENCE_LIST)).build();
		List<Paper> corpus = new ArrayList<>(Importer.importFiles(List.of(bib), false).papers());
		corpus.add(seed);
		Path file = dir.resolve("mine.jsonl"); //$NON-NLS-1$
		JsonlCorpus.write(file, corpus);
		papers = PapersViewTester.open();
		papers.view().openCorpusFile(file);
		UiWait.jobs(JobFamilies.CORPUS_LOAD);
		papers.settle();
		UiWait.until("the corpus is listed", () -> papers.rowCount() == 2); //$NON-NLS-1$
		papers.activate();
		Path out = dir.resolve("out.ris"); //$NON-NLS-1$
		AtomicReference<String> shownLast = new AtomicReference<>();

		WizardTester.runExport(ExportPapersWizard.ID, wizard -> {
			String ris = choose(wizard, "RIS", "TY  - "); //$NON-NLS-1$ //$NON-NLS-2$
			List<String> rows = rows(wizard);
			for (String row : List.of("pages | 1 | SP, EP", "publisher | 1 | PB", "volume | 1 | VL", "editor | 1 | A2", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
					"title | 2 | TI", "x-shelf | 1 | N1 (tex.x-shelf) (extra data)", "references | 1 | not written")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				assertTrue(rows.contains(row), row + " in " + rows); //$NON-NLS-1$
			}
			for (String line : List.of("SP  - 666", "EP  - 731", "PB  - R. and J. E. Taylor", "A2  - Taylor, Richard", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
					"N1  - tex.x-shelf: Box 7")) { //$NON-NLS-1$
				assertTrue(ris.contains(line), line + " in " + ris); //$NON-NLS-1$
			}
			String said = summary(wizard);
			assertTrue(said.contains("cannot be written in RIS: ") && said.contains("references"), said); //$NON-NLS-1$ //$NON-NLS-2$
			assertTrue(said.contains("written as extra data") && said.contains("x-shelf"), said); //$NON-NLS-1$ //$NON-NLS-2$

			String csl = choose(wizard, "CSL-JSON", "["); //$NON-NLS-1$ //$NON-NLS-2$
			rows = rows(wizard);
			for (String row : List.of("pages | 1 | page", "publisher | 1 | publisher", "editor | 1 | editor", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					"x-shelf | 1 | custom.x-shelf (extra data)")) { //$NON-NLS-1$
				assertTrue(rows.contains(row), row + " in " + rows); //$NON-NLS-1$
			}
			assertTrue(csl.contains("\"page\": \"666\u2013731\"") && csl.contains("\"x-shelf\": \"Box 7\""), csl); //$NON-NLS-1$ //$NON-NLS-2$

			String bibtex = choose(wizard, "BibTeX", "@incollection{lovelace1843,"); //$NON-NLS-1$ //$NON-NLS-2$
			rows = rows(wizard);
			for (String row : List.of("pages | 1 | pages", "x-shelf | 1 | x-shelf", "references | 1 | not written")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				assertTrue(rows.contains(row), row + " in " + rows); //$NON-NLS-1$
			}
			assertTrue(bibtex.contains("  publisher = {R. and J. E. Taylor},") && bibtex.contains("  x-shelf = {Box 7}"), //$NON-NLS-1$ //$NON-NLS-2$
					bibtex);

			// the corpus file keeps everything
			choose(wizard, "Scriptorium JSON Lines", "{\"format\""); //$NON-NLS-1$ //$NON-NLS-2$
			assertTrue(summary(wizard).contains("carries every one of the"), summary(wizard)); //$NON-NLS-1$

			// a formatted bibliography says it keeps only what the style prints
			String text = choose(wizard, "Formatted bibliography (text)", //$NON-NLS-1$
					t -> t.contains("Sketch of the Analytical Engine")); //$NON-NLS-1$
			assertTrue(text.contains("Lovelace"), text); //$NON-NLS-1$
			assertTrue(summary(wizard).contains("keeps only what the style prints"), summary(wizard)); //$NON-NLS-1$

			// what is written is what the preview showed
			shownLast.set(choose(wizard, "RIS", "TY  - ")); //$NON-NLS-1$ //$NON-NLS-2$
			wizard.widget(ExportPapersWizard.FILE_ID, Text.class).setText(out.toString());
			wizard.finish();
		});
		UiWait.jobs(JobFamilies.CORPUS_EXPORT);
		String written = Files.readString(out, StandardCharsets.UTF_8);
		assertTrue(written.startsWith(shownLast.get()), "the file begins as the preview showed:\n" + written); //$NON-NLS-1$
		assertEquals(0, org.eclipse.core.runtime.jobs.Job.getJobManager().find(JobFamilies.EXPORT_PREVIEW).length,
				"no preview job is left running"); //$NON-NLS-1$
	}
}
