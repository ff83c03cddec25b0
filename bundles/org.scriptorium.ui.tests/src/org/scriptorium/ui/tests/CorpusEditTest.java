package org.scriptorium.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.commands.operations.IOperationHistory;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.corpus.JsonlCorpus;
import org.scriptorium.core.model.Paper;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.ui.internal.JobFamilies;
import org.scriptorium.ui.tests.pages.PapersViewTester;

/**
 * Deleting, merging and adding papers of a user corpus file from the Papers view, and Edit &gt; Undo / Redo of each
 * through the workbench's operation history.
 */
@ExtendWith(NoErrorLoggedExtension.class)
class CorpusEditTest {

	private final List<Paper> seeds = DefaultCorpus.get().seedPapers();
	private IProject project;
	private Path file;
	private PapersViewTester papers;

	@BeforeEach
	void open() throws Exception {
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("edit-test"); //$NON-NLS-1$
		project.create(null);
		project.open(null);
		file = project.getLocation().toPath().resolve("mine.jsonl"); //$NON-NLS-1$
		papers = PapersViewTester.open();
	}

	@AfterEach
	void close() throws Exception {
		papers.close();
		project.delete(true, true, null);
	}

	private void show(List<Paper> content) throws Exception {
		JsonlCorpus.write(file, content);
		project.refreshLocal(IResource.DEPTH_INFINITE, null);
		papers.view().openCorpusFile(file);
		UiWait.jobs(JobFamilies.CORPUS_LOAD);
		papers.settle();
		UiWait.until("the file's papers are listed", () -> papers.rowCount() == content.size()); //$NON-NLS-1$
	}

	private static void editMenu(String commandId) throws Exception {
		PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(commandId, null);
	}

	private void waitForFile(String what, byte[] content) {
		UiWait.jobs(JobFamilies.CORPUS_EDIT);
		UiWait.until(what, () -> {
			try {
				return Arrays.equals(content, Files.readAllBytes(file));
			} catch (java.io.IOException e) {
				return false;
			}
		});
		UiWait.jobs(JobFamilies.CORPUS_LOAD);
		papers.settle();
	}

	private List<String> ids() throws Exception {
		return JsonlCorpus.load(file).papers().stream().map(Paper::id).toList();
	}

	@Test
	void deleteThenUndoAndRedoFromTheEditMenu() throws Exception {
		List<Paper> content = seeds.subList(0, 5);
		show(content);
		byte[] original = Files.readAllBytes(file);
		papers.selectRows(papers.rowOf(content.get(1).title()));

		papers.contextMenu("Delete"); //$NON-NLS-1$
		UiWait.jobs(JobFamilies.CORPUS_EDIT);
		UiWait.until("the view lists 4 papers", () -> papers.rowCount() == 4); //$NON-NLS-1$
		assertEquals(List.of(content.get(0).id(), content.get(2).id(), content.get(3).id(), content.get(4).id()),
				ids());
		byte[] deleted = Files.readAllBytes(file);
		IOperationHistory history = PlatformUI.getWorkbench().getOperationSupport().getOperationHistory();
		assertEquals("Delete \"" + content.get(1).title() + "\"", //$NON-NLS-1$ //$NON-NLS-2$
				history.getUndoOperation(papers.actionsPart().undoContext()).getLabel());

		papers.activate();
		editMenu(IWorkbenchCommandConstants.EDIT_UNDO);
		waitForFile("the file is back as it was", original); //$NON-NLS-1$
		UiWait.until("the view lists 5 papers again", () -> papers.rowCount() == 5); //$NON-NLS-1$
		UiWait.until("the paper is selected again", () -> content.get(1).title().equals(papers.selectedTitle())); //$NON-NLS-1$

		papers.activate();
		editMenu(IWorkbenchCommandConstants.EDIT_REDO);
		waitForFile("the paper is deleted again", deleted); //$NON-NLS-1$
		UiWait.until("the view lists 4 papers again", () -> papers.rowCount() == 4); //$NON-NLS-1$
	}

	@Test
	void mergingTwoPapersKeepsTheFirstCompletedByTheOtherAndUndoes() throws Exception {
		Paper full = seeds.stream().filter(p -> p.abstractText().isPresent() && p.venue().isPresent()).findFirst()
				.orElseThrow();
		// the same work twice: a record without abstract and venue, and the full one under another id
		Paper bare = Paper.builder(full.id(), full.title()).authors(full.authors()).year(full.year().orElse(null))
				.build();
		Paper other = full.toBuilder("other-record").build(); //$NON-NLS-1$
		List<Paper> content = List.of(seeds.get(20), bare, seeds.get(21), other);
		show(content);
		byte[] original = Files.readAllBytes(file);
		int bareRow = papers.rowOf(bare.title());
		List<Integer> rows = new ArrayList<>();
		for (int i = 0; i < papers.rowCount(); i++) {
			if (papers.titles().get(i).equals(full.title())) {
				rows.add(i);
			}
		}
		assertEquals(2, rows.size());
		assertEquals(bareRow, rows.get(0).intValue());
		papers.selectRows(rows.get(0), rows.get(1));

		papers.contextMenu("Merge 2 Papers into \"" + full.title() + "\""); //$NON-NLS-1$ //$NON-NLS-2$
		UiWait.jobs(JobFamilies.CORPUS_EDIT);
		UiWait.until("the view lists 3 papers", () -> papers.rowCount() == 3); //$NON-NLS-1$
		List<Paper> merged = JsonlCorpus.load(file).papers();
		assertEquals(List.of(seeds.get(20).id(), full.id(), seeds.get(21).id()),
				merged.stream().map(Paper::id).toList());
		assertEquals(full.abstractText(), merged.get(1).abstractText(), "the abstract comes from the other record"); //$NON-NLS-1$
		assertEquals(full.venue(), merged.get(1).venue());

		papers.activate();
		editMenu(IWorkbenchCommandConstants.EDIT_UNDO);
		waitForFile("both records are back", original); //$NON-NLS-1$
		UiWait.until("the view lists 4 papers again", () -> papers.rowCount() == 4); //$NON-NLS-1$
	}

	@Test
	void aReferenceOnlyPaperOfTheDefaultCorpusIsAddedToAUserCorpusAndUndone() throws Exception {
		JsonlCorpus.write(file, seeds.subList(0, 3));
		project.refreshLocal(IResource.DEPTH_INFINITE, null);
		byte[] original = Files.readAllBytes(file);
		Paper referenceOnly = DefaultCorpus.get().papers().stream().filter(Paper::isReferenceOnly).findFirst()
				.orElseThrow();
		assertTrue(papers.view().corpus() instanceof DefaultCorpus, "the view shows the built-in corpus"); //$NON-NLS-1$

		// right-click > Add to Corpus File..., then choose the file in the dialog
		papers.toggleReferenceOnly();
		papers.settle();
		UiWait.until("reference-only papers are listed", () -> papers.titles().contains(referenceOnly.title())); //$NON-NLS-1$
		papers.selectRows(papers.rowOf(referenceOnly.title()));
		java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
		org.eclipse.swt.widgets.Shell workbench = papers.table().getShell();
		long deadline = System.nanoTime() + 30_000_000_000L;
		Runnable[] driver = new Runnable[1];
		// polls without blocking until the modal dialog is open (the menu item that opens it runs after this is posted)
		driver[0] = () -> {
			org.eclipse.swt.widgets.Shell dialog = dialog(workbench);
			if (dialog == null) {
				if (System.nanoTime() < deadline) {
					workbench.getDisplay().timerExec(50, driver[0]);
				} else {
					failure.set(new AssertionError("the Add to Corpus File dialog did not open")); //$NON-NLS-1$
				}
				return;
			}
			try {
				org.eclipse.swt.widgets.Table files = org.scriptorium.tests.common.ui.Widgets
						.all(dialog, org.eclipse.swt.widgets.Table.class).get(0);
				UiWait.until("the corpus file is listed", () -> files.getItemCount() == 1); //$NON-NLS-1$
				assertEquals("/edit-test/mine.jsonl", files.getItem(0).getText()); //$NON-NLS-1$
				files.setSelection(0);
				files.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
				org.eclipse.swt.widgets.Button ok = org.scriptorium.tests.common.ui.Widgets
						.all(dialog, org.eclipse.swt.widgets.Button.class).stream()
						.filter(x -> x.getText().replace("&", "").equals("OK")).findFirst().orElseThrow(); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				UiWait.until("OK is enabled", ok::isEnabled); //$NON-NLS-1$
				org.scriptorium.tests.common.ui.Input.click(ok,
						new org.eclipse.swt.graphics.Rectangle(0, 0, ok.getSize().x, ok.getSize().y));
			} catch (Throwable t) {
				failure.set(t);
				if (!dialog.isDisposed()) {
					dialog.close();
				}
			}
		};
		workbench.getDisplay().timerExec(50, driver[0]);
		papers.contextMenu("Add to Corpus File..."); //$NON-NLS-1$
		if (failure.get() != null) {
			throw new AssertionError(failure.get());
		}
		UiWait.jobs(JobFamilies.CORPUS_EDIT);
		assertEquals(List.of(seeds.get(0).id(), seeds.get(1).id(), seeds.get(2).id(), referenceOnly.id()), ids());
		assertTrue(JsonlCorpus.load(file).find(referenceOnly.id()).orElseThrow().isReferenceOnly());

		// adding it again merges it into the paper the file now holds instead of adding a second one
		papers.actionsPart().addToCorpus(List.of(referenceOnly), file);
		UiWait.jobs(JobFamilies.CORPUS_EDIT);
		assertEquals(4, ids().size());

		papers.activate();
		editMenu(IWorkbenchCommandConstants.EDIT_UNDO);
		UiWait.jobs(JobFamilies.CORPUS_EDIT);
		editMenu(IWorkbenchCommandConstants.EDIT_UNDO);
		waitForFile("the file is back as it was", original); //$NON-NLS-1$
		assertFalse(ids().contains(referenceOnly.id()));
		assertArrayEquals(original, Files.readAllBytes(file));
	}

	/** The open dialog (the file chooser, or the message that there is no corpus file to choose). */
	private static org.eclipse.swt.widgets.Shell dialog(org.eclipse.swt.widgets.Shell workbench) {
		for (org.eclipse.swt.widgets.Shell s : workbench.getDisplay().getShells()) {
			if (s != workbench && !s.isDisposed() && s.isVisible()
					&& s.getData() instanceof org.eclipse.jface.dialogs.Dialog) {
				return s;
			}
		}
		return null;
	}
}
