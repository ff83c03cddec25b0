package org.scriptorium.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.corpus.JsonlCorpus;
import org.scriptorium.core.io.Exporter;
import org.scriptorium.core.io.Format;
import org.scriptorium.core.model.Paper;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.ui.EditorProject;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.ui.internal.JobFamilies;
import org.scriptorium.ui.internal.papers.ImportPapersWizard;
import org.scriptorium.ui.internal.papers.ImportPlan;
import org.scriptorium.ui.internal.papers.ImportPreviewPage;
import org.scriptorium.ui.internal.papers.ImportSourcePage;
import org.scriptorium.ui.tests.pages.PapersViewTester;
import org.scriptorium.ui.tests.pages.WizardTester;

/**
 * File &gt; Import &gt; Scriptorium &gt; Papers into a corpus file of the workspace: a bad file is refused with its file
 * and line and the corpus file stays byte for byte as it was; a good import adds the new papers, merges the
 * duplicates into the corpus' papers, and the Papers view shows the result.
 */
@ExtendWith(NoErrorLoggedExtension.class)
class ImportWizardTest {

	private static final String PROJECT = "import-test"; //$NON-NLS-1$

	private final List<Paper> seeds = DefaultCorpus.get().seedPapers();
	/** The workspace project, created before each test and deleted after it. */
	@RegisterExtension
	final EditorProject project = new EditorProject(PROJECT);
	private Path target;
	private PapersViewTester papers;

	@BeforeEach
	void createCorpusFile() throws Exception {
		java.io.StringWriter text = new java.io.StringWriter();
		JsonlCorpus.writeTo(text, seeds.subList(0, 5));
		target = project.write("mine.jsonl", text.toString()).getLocation().toPath(); //$NON-NLS-1$
		papers = PapersViewTester.open();
	}

	@AfterEach
	void close() {
		papers.close();
	}

	/** A corpus file whose third line is not JSON; its second line is a valid paper. */
	private static Path badFile(Path dir, Paper valid) throws Exception {
		Path bad = dir.resolve("bad.jsonl"); //$NON-NLS-1$
		java.io.StringWriter out = new java.io.StringWriter();
		JsonlCorpus.writeTo(out, List.of(valid));
		String text = out.toString().replace("\"papers\":1", "\"papers\":2") + "{\"id\":\"broken\",\"title\":\n"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		Files.writeString(bad, text, StandardCharsets.UTF_8);
		return bad;
	}

	private void chooseSources(WizardTester wizard, List<Path> sources) {
		((ImportSourcePage) wizard.page()).addSources(sources);
		Combo corpus = wizard.widget(ImportSourcePage.TARGET_ID, Combo.class);
		corpus.setText("/" + PROJECT + "/mine.jsonl"); //$NON-NLS-1$ //$NON-NLS-2$
		UiWait.flush();
	}

	private static ImportPlan preview(WizardTester wizard) {
		wizard.click("Next >"); //$NON-NLS-1$
		UiWait.until("the preview is computed", //$NON-NLS-1$
				() -> wizard.page() instanceof ImportPreviewPage p && p.plan() != null);
		return ((ImportPreviewPage) wizard.page()).plan();
	}

	private static List<String> rows(WizardTester wizard) {
		List<String> out = new ArrayList<>();
		for (TableItem item : wizard.widget(ImportPreviewPage.TABLE_ID, Table.class).getItems()) {
			out.add(item.getText(0) + " | " + item.getText(1) + " | " + item.getText(2)); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return out;
	}

	@Test
	void aBadFileIsRefusedWithItsFileAndLineAndTheCorpusFileIsUnchanged(@TempDir Path dir) throws Exception {
		Path bad = badFile(dir, seeds.get(10));
		byte[] before = Files.readAllBytes(target);

		WizardTester.runImport(ImportPapersWizard.ID, wizard -> {
			chooseSources(wizard, List.of(bad));
			wizard.check(ImportSourcePage.STRICT_ID); // as "import --strict"
			ImportPlan plan = preview(wizard);
			assertTrue(plan.refused());
			String error = wizard.page().getErrorMessage();
			assertNotNull(error);
			assertTrue(error.contains("bad.jsonl:3"), error); //$NON-NLS-1$
			assertTrue(rows(wizard).stream().anyMatch(r -> r.startsWith("Invalid") && r.contains("bad.jsonl:3: ")), //$NON-NLS-1$ //$NON-NLS-2$
					rows(wizard).toString());
			assertFalse(wizard.button("Finish").isEnabled(), "a refused import cannot be finished"); //$NON-NLS-1$ //$NON-NLS-2$
			wizard.cancel();
		});

		UiWait.jobs(JobFamilies.CORPUS_IMPORT);
		assertArrayEquals(before, Files.readAllBytes(target), "the corpus file is byte for byte as it was"); //$NON-NLS-1$
	}

	@Test
	void aGoodImportAddsTheNewPapersMergesTheDuplicatesAndShowsThemInThePapersView(@TempDir Path dir)
			throws Exception {
		// five new papers and, again, the corpus' third paper (a duplicate by its arXiv id), as Zotero exports them
		List<Paper> exported = new ArrayList<>(seeds.subList(5, 10));
		exported.add(seeds.get(2));
		Path csl = dir.resolve("more.json"); //$NON-NLS-1$
		try (Writer out = Files.newBufferedWriter(csl)) {
			Exporter.export(exported, Format.CSL_JSON, out);
		}
		Path bad = badFile(dir, seeds.get(10));

		WizardTester.runImport(ImportPapersWizard.ID, wizard -> {
			chooseSources(wizard, List.of(csl, bad));
			assertFalse(wizard.widget(ImportSourcePage.STRICT_ID, Button.class).getSelection(),
					"lenient by default, as the command line's import"); //$NON-NLS-1$
			ImportPlan plan = preview(wizard);
			assertFalse(plan.refused(), plan.problems().toString());
			List<String> rows = rows(wizard);
			assertTrue(rows.stream().anyMatch(r -> r.startsWith("Skipped") && r.contains("bad.jsonl:3: ")), //$NON-NLS-1$ //$NON-NLS-2$
					rows.toString());
			assertEquals(1, plan.merges().size(), rows.toString());
			ImportPlan.Merge merge = plan.merges().get(0);
			assertTrue(merge.existing());
			assertEquals(seeds.get(2).id(), merge.into().id());
			assertTrue(rows.stream().anyMatch(r -> r.startsWith("Merges | " + seeds.get(2).title()) //$NON-NLS-1$
					&& r.contains("more.json:") && r.contains("merges into the paper of the corpus")), rows.toString()); //$NON-NLS-1$ //$NON-NLS-2$
			assertEquals(6, plan.added().size(), "five from more.json, one from bad.jsonl"); //$NON-NLS-1$
			wizard.finish();
		});

		UiWait.jobs(JobFamilies.CORPUS_IMPORT);
		UiWait.until("the Papers view shows the corpus file", () -> target.equals(papers.view().corpusFile())); //$NON-NLS-1$
		UiWait.jobs(JobFamilies.CORPUS_LOAD);
		papers.settle();
		UiWait.until("the 11 papers are listed", () -> papers.rowCount() == 11); //$NON-NLS-1$
		List<String> titles = papers.titles();
		for (Paper p : seeds.subList(0, 11)) {
			assertTrue(titles.contains(p.title()), p.title() + " in " + titles); //$NON-NLS-1$
		}
		List<Paper> saved = JsonlCorpus.load(target).papers();
		assertEquals(11, saved.size());
		assertEquals(seeds.subList(0, 5).stream().map(Paper::id).toList(),
				saved.subList(0, 5).stream().map(Paper::id).toList(), "the corpus' papers keep their ids and order"); //$NON-NLS-1$
	}

	@Test
	void warningsAboutImportedRecordsAreLabelledWarningsAndOnlyUnreadableOnesSkipped(@TempDir Path dir)
			throws Exception {
		Path bib = dir.resolve("mixed.bib"); //$NON-NLS-1$
		Files.writeString(bib, """
				@article{good, author = {Ada Lovelace}, title = {Notes by the Translator}, journal = {Memoirs}, year = {1843}}
				@article{notitle, author = {Charles Babbage}, year = {1864}}
				@article{macro, author = {Luigi Menabrea}, title = {Sketch}, journal = undefinedjournal, year = {1842}}
				@misc no brace here
				""", StandardCharsets.UTF_8); //$NON-NLS-1$

		WizardTester.runImport(ImportPapersWizard.ID, wizard -> {
			chooseSources(wizard, List.of(bib));
			ImportPlan plan = preview(wizard);
			assertFalse(plan.refused(), plan.problems().toString());
			assertEquals(3, plan.added().size(), "every readable entry is imported"); //$NON-NLS-1$
			List<String> rows = rows(wizard);
			assertTrue(rows.contains("Warning |  | mixed.bib:2: the entry \"notitle\" has no title"), rows.toString()); //$NON-NLS-1$
			assertTrue(rows.stream().anyMatch(r -> r.startsWith("Warning |  | mixed.bib:3: the entry \"macro\" uses the string \"undefinedjournal\"")), //$NON-NLS-1$
					rows.toString());
			assertTrue(rows.stream().anyMatch(r -> r.startsWith("Skipped |  | mixed.bib:4:")), rows.toString()); //$NON-NLS-1$
			String summary = wizard.widget(ImportPreviewPage.SUMMARY_ID, org.eclipse.swt.widgets.Label.class).getText();
			assertTrue(summary.startsWith("3 new papers, 0 duplicates merged, 1 invalid records skipped, 2 warnings about imported records"), //$NON-NLS-1$
					summary);
			assertTrue(wizard.button("Finish").isEnabled()); //$NON-NLS-1$
			wizard.cancel();
		});
	}

	@Test
	void aCancelledImportStopsAtOnceAndTheCorpusFileIsUnchanged(@TempDir Path dir) throws Exception {
		Path csl = dir.resolve("more.json"); //$NON-NLS-1$
		try (Writer out = Files.newBufferedWriter(csl)) {
			Exporter.export(seeds.subList(5, 10), Format.CSL_JSON, out);
		}
		byte[] before = Files.readAllBytes(target);
		org.eclipse.core.runtime.NullProgressMonitor monitor = new org.eclipse.core.runtime.NullProgressMonitor();
		monitor.setCanceled(true);
		try {
			ImportPlan.compute(List.of(csl), null, target, false, monitor);
			org.junit.jupiter.api.Assertions.fail("a cancelled import must stop"); //$NON-NLS-1$
		} catch (org.eclipse.core.runtime.OperationCanceledException expected) {
			// stopped
		}
		assertArrayEquals(before, Files.readAllBytes(target));
	}

	@Test
	void aFormatChosenByHandIsCheckedAgainstTheFileContent(@TempDir Path dir) throws Exception {
		Path jsonl = dir.resolve("more.jsonl"); //$NON-NLS-1$
		JsonlCorpus.write(jsonl, seeds.subList(5, 7));
		byte[] before = Files.readAllBytes(target);

		WizardTester.runImport(ImportPapersWizard.ID, wizard -> {
			chooseSources(wizard, List.of(jsonl));
			Combo format = wizard.widget(ImportSourcePage.FORMAT_ID, Combo.class);
			assertEquals("Recognise from each file's content", format.getText()); //$NON-NLS-1$
			format.select(java.util.Arrays.asList(format.getItems()).indexOf(Format.CSL_JSON.displayName()));
			ImportPlan plan = preview(wizard);
			assertTrue(plan.refused());
			assertTrue(wizard.page().getErrorMessage().contains(
					"more.jsonl: the file looks like Scriptorium JSON Lines, not CSL-JSON"), //$NON-NLS-1$
					wizard.page().getErrorMessage());
			wizard.click("< Back"); //$NON-NLS-1$
			format.select(java.util.Arrays.asList(format.getItems()).indexOf(Format.JSONL.displayName()));
			plan = preview(wizard);
			assertFalse(plan.refused(), plan.problems().toString());
			assertEquals(2, plan.added().size());
			assertEquals(java.util.Optional.of(Format.JSONL), plan.formats().get(jsonl));
			wizard.cancel();
		});
		assertArrayEquals(before, Files.readAllBytes(target));
	}
}
