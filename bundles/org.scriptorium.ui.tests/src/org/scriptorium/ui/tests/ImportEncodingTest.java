package org.scriptorium.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.widgets.Combo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.core.corpus.JsonlCorpus;
import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.Paper;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.ui.EditorProject;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.ui.internal.JobFamilies;
import org.scriptorium.ui.internal.papers.ImportPapersWizard;
import org.scriptorium.ui.internal.papers.ImportPlan;
import org.scriptorium.ui.internal.papers.ImportPreviewPage;
import org.scriptorium.ui.internal.papers.ImportSourcePage;
import org.scriptorium.ui.tests.pages.Combos;
import org.scriptorium.ui.tests.pages.PapersViewTester;
import org.scriptorium.ui.tests.pages.WizardTester;

/**
 * Issues 14 and 15: the import wizard's Encoding field reads the files as {@code import --encoding} does. A Latin-1
 * file read as UTF-8 is refused with the byte's line and column in the wizard; read as ISO-8859-1, "Café" arrives
 * intact, and the corpus file (UTF-8) keeps its own accents whatever the files' encoding.
 */
@ExtendWith(NoErrorLoggedExtension.class)
class ImportEncodingTest {

	private static final String PROJECT = "encoding-test"; //$NON-NLS-1$
	/** A Latin-1 file: "Café" on line 2 (byte 0xE9 at column 15), "Müller" on line 3. */
	private static final byte[] LATIN1 = ("@article{cafe,\n  title = {Caf\u00e9 au lait},\n" //$NON-NLS-1$
			+ "  author = {M\u00fcller, J\u00fcrgen},\n  year = {1998}\n}\n").getBytes(StandardCharsets.ISO_8859_1); //$NON-NLS-1$

	private final Paper existing = Paper.builder("title:uber-alles", "\u00dcber alles") //$NON-NLS-1$ //$NON-NLS-2$
			.authors(List.of(new Author("Bj\u00f6rn", "\u00c5str\u00f6m"))).year(2001).build(); //$NON-NLS-1$ //$NON-NLS-2$
	/** The workspace project, created before each test and deleted after it. */
	@RegisterExtension
	final EditorProject project = new EditorProject(PROJECT);
	private Path target;
	private PapersViewTester papers;

	@BeforeEach
	void createCorpusFile() throws Exception {
		java.io.StringWriter text = new java.io.StringWriter();
		JsonlCorpus.writeTo(text, List.of(existing));
		target = project.write("mine.jsonl", text.toString()).getLocation().toPath(); //$NON-NLS-1$
		papers = PapersViewTester.open();
	}

	@AfterEach
	void close() {
		papers.close();
	}

	private void chooseSource(WizardTester wizard, Path source) {
		((ImportSourcePage) wizard.page()).addSources(List.of(source));
		wizard.widget(ImportSourcePage.TARGET_ID, Combo.class).setText("/" + PROJECT + "/mine.jsonl"); //$NON-NLS-1$ //$NON-NLS-2$
		UiWait.flush();
	}

	private static ImportPlan preview(WizardTester wizard) {
		wizard.click("Next >"); //$NON-NLS-1$
		UiWait.until("the preview is computed", //$NON-NLS-1$
				() -> wizard.page() instanceof ImportPreviewPage p && p.plan() != null);
		return ((ImportPreviewPage) wizard.page()).plan();
	}

	@Test
	void aLatin1FileReadAsUtf8IsRefusedNamingTheByteAndReadAsLatin1ArrivesIntact(@TempDir Path dir)
			throws Exception {
		Path bib = dir.resolve("latin1.bib"); //$NON-NLS-1$
		Files.write(bib, LATIN1);
		byte[] before = Files.readAllBytes(target);

		WizardTester.runImport(ImportPapersWizard.ID, wizard -> {
			chooseSource(wizard, bib);
			Combo encoding = wizard.widget(ImportSourcePage.ENCODING_ID, Combo.class);
			assertTrue(encoding.getText().startsWith("Recognise"), encoding.getText()); //$NON-NLS-1$

			// UTF-8 (what the file is not): the reader's warning, with the first bad byte's line and column
			Combos.choose(encoding, "UTF-8"); //$NON-NLS-1$
			wizard.check(ImportSourcePage.STRICT_ID); // as "import --strict": the byte refuses the import
			ImportPlan plan = preview(wizard);
			assertTrue(plan.refused(), plan.toString());
			String error = wizard.page().getErrorMessage();
			assertNotNull(error);
			assertTrue(error.contains("latin1.bib:2:15: byte 0xE9 here is not valid UTF-8"), error); //$NON-NLS-1$
			assertFalse(wizard.button("Finish").isEnabled(), "a refused import cannot be finished"); //$NON-NLS-1$ //$NON-NLS-2$

			// ISO-8859-1: read as written
			wizard.click("< Back"); //$NON-NLS-1$
			Combos.choose(encoding, "ISO-8859-1"); //$NON-NLS-1$
			plan = preview(wizard);
			assertFalse(plan.refused(), plan.problems().toString());
			assertEquals(List.of(), plan.problems());
			assertEquals(List.of("Caf\u00e9 au lait"), plan.added().stream().map(Paper::title).toList()); //$NON-NLS-1$
			wizard.finish();
		});

		UiWait.jobs(JobFamilies.CORPUS_IMPORT);
		List<Paper> saved = JsonlCorpus.load(target).papers();
		assertEquals(List.of(existing.title(), "Caf\u00e9 au lait"), saved.stream().map(Paper::title).toList()); //$NON-NLS-1$
		assertEquals(existing.authors(), saved.get(0).authors(),
				"the corpus file is read as UTF-8 whatever the files' encoding"); //$NON-NLS-1$
		assertEquals(List.of(new Author("J\u00fcrgen", "M\u00fcller")), saved.get(1).authors()); //$NON-NLS-1$ //$NON-NLS-2$
		assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(target)));
		UiWait.until("the Papers view shows the corpus file", () -> target.equals(papers.view().corpusFile())); //$NON-NLS-1$
		UiWait.jobs(JobFamilies.CORPUS_LOAD);
		papers.settle();
		UiWait.until("both papers are listed", () -> papers.rowCount() == 2); //$NON-NLS-1$
		assertTrue(papers.titles().contains("Caf\u00e9 au lait"), papers.titles().toString()); //$NON-NLS-1$
	}

	@Test
	void anEncodingJavaDoesNotKnowIsNamedAndCannotGoOn(@TempDir Path dir) throws Exception {
		Path bib = dir.resolve("latin1.bib"); //$NON-NLS-1$
		Files.write(bib, LATIN1);
		byte[] before = Files.readAllBytes(target);
		WizardTester.runImport(ImportPapersWizard.ID, wizard -> {
			chooseSource(wizard, bib);
			Combo encoding = wizard.widget(ImportSourcePage.ENCODING_ID, Combo.class);
			encoding.setText(""); //$NON-NLS-1$
			wizard.type(encoding, "latin-99"); //$NON-NLS-1$
			UiWait.until("the page names the encoding", () -> wizard.page().getErrorMessage() != null //$NON-NLS-1$
					&& wizard.page().getErrorMessage().startsWith("latin-99 is not an encoding this Java knows")); //$NON-NLS-1$
			assertFalse(wizard.button("Next >").isEnabled()); //$NON-NLS-1$
			encoding.setText(""); //$NON-NLS-1$
			wizard.type(encoding, "latin1"); // an alias Java knows, as --encoding takes it //$NON-NLS-1$
			UiWait.until("the page is complete again", () -> wizard.page().getErrorMessage() == null); //$NON-NLS-1$
			ImportPlan plan = preview(wizard);
			assertEquals(List.of("Caf\u00e9 au lait"), plan.added().stream().map(Paper::title).toList()); //$NON-NLS-1$
			wizard.cancel();
		});
		assertArrayEquals(before, Files.readAllBytes(target));
	}
}
