package org.scriptorium.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.corpus.JsonlCorpus;
import org.scriptorium.core.io.Exporter;
import org.scriptorium.core.io.Format;
import org.scriptorium.core.model.Paper;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.ui.Input;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.tests.common.ui.Widgets;
import org.scriptorium.ui.PaperLinks;
import org.scriptorium.ui.internal.JobFamilies;
import org.scriptorium.ui.internal.papers.ImportPapersWizard;
import org.scriptorium.ui.internal.papers.ImportSourcePage;
import org.scriptorium.ui.internal.views.PapersView;
import org.scriptorium.ui.tests.pages.PapersViewTester;
import org.scriptorium.ui.tests.pages.WizardTester;

/**
 * The import wizard's corpus file (issue 16): the field lists the workspace's corpus files and offers a new one per
 * project, Workspace... chooses one in a tree, File System... one inside a project; Escape in the field keeps the
 * wizard open with its files; after the import the details show the paper the view selects.
 */
@ExtendWith(NoErrorLoggedExtension.class)
class ImportWizardCorpusFileTest {

	private static final String PROJECT = "corpus-file-test", EMPTY = "corpus-file-empty"; //$NON-NLS-1$ //$NON-NLS-2$

	private final List<Paper> seeds = DefaultCorpus.get().seedPapers();
	private IProject project, empty;
	private Path existing;

	@BeforeEach
	void createProjects() throws Exception {
		project = ResourcesPlugin.getWorkspace().getRoot().getProject(PROJECT);
		project.create(null);
		project.open(null);
		existing = project.getLocation().toPath().resolve("mine.jsonl"); //$NON-NLS-1$
		JsonlCorpus.write(existing, seeds.subList(0, 3));
		project.refreshLocal(IResource.DEPTH_INFINITE, null);
		empty = ResourcesPlugin.getWorkspace().getRoot().getProject(EMPTY);
		empty.create(null);
		empty.open(null);
	}

	@AfterEach
	void delete() throws Exception {
		project.delete(true, true, null);
		empty.delete(true, true, null);
	}

	@Test
	void theFieldListsTheCorpusFilesAndTheBrowseButtonsChooseOne(@TempDir Path dir) {
		WizardTester.runImport(ImportPapersWizard.ID, wizard -> {
			Combo corpus = wizard.widget(ImportSourcePage.TARGET_ID, Combo.class);
			List<String> items = Arrays.asList(corpus.getItems());
			assertTrue(items.contains("/" + PROJECT + "/mine.jsonl"), items.toString()); //$NON-NLS-1$ //$NON-NLS-2$
			assertTrue(items.contains("/" + EMPTY + "/papers.jsonl"), "a new corpus file is offered: " + items); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

			// Workspace...: choose the empty project in the tree, OK
			Display display = corpus.getDisplay();
			AtomicReference<Throwable> failure = new AtomicReference<>();
			AtomicReference<List<String>> listed = new AtomicReference<>();
			display.asyncExec(() -> {
				try {
					UiWait.until("the workspace tree is open", () -> browseShell(display) != null); //$NON-NLS-1$
					Shell browse = browseShell(display);
					Tree tree = Widgets.all(browse, Tree.class).get(0);
					listed.set(Arrays.stream(tree.getItems()).map(TreeItem::getText).toList());
					TreeItem item = Arrays.stream(tree.getItems()).filter(i -> i.getText().equals(EMPTY)).findFirst()
							.orElseThrow();
					tree.setSelection(item);
					Event e = new Event();
					e.item = item;
					tree.notifyListeners(SWT.Selection, e);
					UiWait.flush();
					Button ok = Widgets.all(browse, Button.class).stream()
							.filter(b -> "OK".equals(b.getText().replace("&", ""))) //$NON-NLS-1$
							.findFirst().orElseThrow();
					UiWait.until("OK is enabled", ok::isEnabled); //$NON-NLS-1$
					Input.click(ok, new Rectangle(0, 0, ok.getSize().x, ok.getSize().y));
					UiWait.until("the workspace tree closed", browse::isDisposed); //$NON-NLS-1$
				} catch (Throwable t) {
					failure.set(t);
					Shell browse = browseShell(display);
					if (browse != null) {
						browse.close();
					}
				}
			});
			Button workspace = wizard.widget(ImportSourcePage.BROWSE_WORKSPACE_ID, Button.class);
			Input.click(workspace, new Rectangle(0, 0, workspace.getSize().x, workspace.getSize().y));
			UiWait.until("the tree was used", () -> failure.get() != null || listed.get() != null //$NON-NLS-1$
					&& corpus.getText().equals("/" + EMPTY + "/papers.jsonl")); //$NON-NLS-1$ //$NON-NLS-2$
			if (failure.get() != null) {
				throw new AssertionError(failure.get());
			}
			assertTrue(listed.get().containsAll(List.of(PROJECT, EMPTY)), listed.get().toString());

			// File System...: a file inside a project becomes its workspace path, one outside is refused
			ImportSourcePage page = (ImportSourcePage) wizard.page();
			page.chooseTargetFile(existing);
			assertEquals("/" + PROJECT + "/mine.jsonl", corpus.getText()); //$NON-NLS-1$ //$NON-NLS-2$
			page.chooseTargetFile(dir.resolve("elsewhere.jsonl")); //$NON-NLS-1$
			assertNotNull(page.getErrorMessage());
			assertTrue(page.getErrorMessage().contains("is not in a project of the workspace"), //$NON-NLS-1$
					page.getErrorMessage());
			wizard.cancel();
		});
	}

	private static Shell browseShell(Display display) {
		for (Shell s : display.getShells()) {
			if (s.isVisible() && "Corpus File".equals(s.getText())) { //$NON-NLS-1$
				return s;
			}
			for (Shell child : s.getShells()) {
				if (child.isVisible() && "Corpus File".equals(child.getText())) { //$NON-NLS-1$
					return child;
				}
			}
		}
		return null;
	}

	@Test
	void escapeInTheFieldKeepsTheWizardAndItsFiles(@TempDir Path dir) throws Exception {
		Path csl = dir.resolve("more.json"); //$NON-NLS-1$
		try (Writer out = Files.newBufferedWriter(csl)) {
			Exporter.export(seeds.subList(5, 7), Format.CSL_JSON, out);
		}
		WizardTester.runImport(ImportPapersWizard.ID, wizard -> {
			((ImportSourcePage) wizard.page()).addSources(List.of(csl));
			Combo corpus = wizard.widget(ImportSourcePage.TARGET_ID, Combo.class);
			Input.type(corpus, "x"); //$NON-NLS-1$
			Input.press(corpus, SWT.ESC, 1);
			UiWait.flush();
			assertFalse(corpus.isDisposed(), "Escape in the corpus file field does not close the wizard"); //$NON-NLS-1$
			assertEquals(1, wizard.widget(ImportSourcePage.SOURCES_ID, org.eclipse.swt.widgets.List.class)
					.getItemCount(), "the chosen file is still there"); //$NON-NLS-1$
			wizard.cancel();
		});
	}

	@Test
	void afterAnImportTheDetailsShowTheSelectedPaperOfTheCorpusFile(@TempDir Path dir) throws Exception {
		PapersViewTester papers = PapersViewTester.open();
		try {
			Paper deepSeek = PaperLinks.findByArxivId("2401.06066").orElseThrow(); //$NON-NLS-1$
			PaperLinks.showPaper(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), "2401.06066"); //$NON-NLS-1$
			UiWait.until("DeepSeekMoE is selected", () -> deepSeek.title().equals(papers.selectedTitle())); //$NON-NLS-1$
			UiWait.until("its references are listed", //$NON-NLS-1$
					() -> papers.relationRows(PapersView.REFERENCES_ID).size() > 20);

			List<Paper> imported = seeds.subList(5, 8);
			assertFalse(imported.contains(deepSeek));
			Path csl = dir.resolve("more.json"); //$NON-NLS-1$
			try (Writer out = Files.newBufferedWriter(csl)) {
				Exporter.export(imported, Format.CSL_JSON, out);
			}
			WizardTester.runImport(ImportPapersWizard.ID, wizard -> {
				((ImportSourcePage) wizard.page()).addSources(List.of(csl));
				Combo corpus = wizard.widget(ImportSourcePage.TARGET_ID, Combo.class);
				corpus.setText("/" + EMPTY + "/papers.jsonl"); //$NON-NLS-1$ //$NON-NLS-2$
				UiWait.flush();
				wizard.click("Next >"); //$NON-NLS-1$
				wizard.finish();
			});
			UiWait.jobs(JobFamilies.CORPUS_IMPORT);
			Path target = empty.getLocation().toPath().resolve("papers.jsonl"); //$NON-NLS-1$
			UiWait.until("the Papers view shows the corpus file", () -> target.equals(papers.view().corpusFile())); //$NON-NLS-1$
			UiWait.jobs(JobFamilies.CORPUS_LOAD);
			papers.settle();
			UiWait.until("an imported paper is selected", () -> papers.selectedTitle() != null); //$NON-NLS-1$
			String selected = papers.selectedTitle();
			assertTrue(imported.stream().anyMatch(p -> p.title().equals(selected)), selected);
			UiWait.until("the details show the selected paper", //$NON-NLS-1$
					() -> papers.details().getText().startsWith(selected));
			List<String> refs = papers.relationRows(PapersView.REFERENCES_ID);
			assertTrue(refs.size() < 3, "the references of a paper of the 3-paper corpus file, not DeepSeekMoE's: " //$NON-NLS-1$
					+ refs);
		} finally {
			papers.close();
		}
	}
}
