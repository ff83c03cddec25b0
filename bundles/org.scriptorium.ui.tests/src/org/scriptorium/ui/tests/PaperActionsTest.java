package org.scriptorium.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.jface.bindings.keys.KeySequence;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DragSource;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.keys.IBindingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scriptorium.core.model.Paper;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.ui.Input;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.ui.PaperLinks;
import org.scriptorium.ui.ScriptoriumUI;
import org.scriptorium.ui.internal.papers.CopyCitationHandler;
import org.scriptorium.ui.internal.papers.ImportPapersWizard;
import org.scriptorium.ui.internal.views.NeighbourhoodView;
import org.scriptorium.ui.tests.pages.PapersViewTester;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;

/** Copying citations, dragging papers as cite keys, and the key bindings of the Papers commands. */
@ExtendWith(NoErrorLoggedExtension.class)
class PaperActionsTest {

	private static final String DEEPSEEKMOE = "2401.06066"; //$NON-NLS-1$

	private PapersViewTester papers;

	@BeforeEach
	void open() throws Exception {
		papers = PapersViewTester.open();
		clearClipboard();
	}

	@AfterEach
	void close() {
		papers.close();
	}

	private Paper select(String arxiv) throws Exception {
		Paper paper = PaperLinks.findByArxivId(arxiv).orElseThrow();
		PaperLinks.showPaper(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), arxiv);
		UiWait.until(paper.title() + " is selected", () -> paper.title().equals(papers.selectedTitle())); //$NON-NLS-1$
		return paper;
	}

	private static String clipboard() {
		Clipboard c = new Clipboard(Display.getCurrent());
		try {
			return (String) c.getContents(TextTransfer.getInstance());
		} finally {
			c.dispose();
		}
	}

	private static void clearClipboard() {
		Clipboard c = new Clipboard(Display.getCurrent());
		try {
			c.setContents(new Object[]{"-"}, new org.eclipse.swt.dnd.Transfer[]{TextTransfer.getInstance()}); //$NON-NLS-1$
		} finally {
			c.dispose();
		}
	}

	/** The cite key the core gives the paper (what a BibTeX export of it uses). */
	private static String key(Paper paper) {
		return org.scriptorium.core.io.Exporter.citeKey(paper);
	}

	@Test
	void copyAsBibtexPutsTheEntryOnTheClipboard() throws Exception {
		Paper paper = select(DEEPSEEKMOE);
		List<String> copyAs = papers.contextMenu("Copy As", "BibTeX"); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(List.of("BibTeX", "CSL-JSON", "Cite Key", "\\cite{key}", "", "Formatted Citation", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
				"Formatted Bibliography"), copyAs); //$NON-NLS-1$
		UiWait.until("the clipboard holds a BibTeX entry", () -> String.valueOf(clipboard()).startsWith("@")); //$NON-NLS-1$ //$NON-NLS-2$
		String bibtex = clipboard();
		// DeepSeekMoE (ACL 2024): a conference paper with a generated familyYearWord key, capitals protected
		assertTrue(
				bibtex.startsWith("@inproceedings{dai2024deepseekmoe,\n  author = {Dai, Damai and Deng, Chengqi and "), //$NON-NLS-1$
				bibtex);
		assertTrue(bibtex.contains("\n  title = {{DeepSeekMoE}: Towards Ultimate Expert Specialization in " //$NON-NLS-1$
				+ "{Mixture-of-Experts} Language Models},\n"), bibtex); //$NON-NLS-1$
		assertTrue(bibtex
				.contains("\n  booktitle = {ACL 2024},\n  year = {2024},\n  doi = {10.18653/v1/2024.acl-long.70},\n" //$NON-NLS-1$
						+ "  eprint = {2401.06066},\n  archivePrefix = {arXiv},\n"), //$NON-NLS-1$
				bibtex);
		assertTrue(bibtex.endsWith("}\n}\n"), bibtex); //$NON-NLS-1$
		assertEquals(1, bibtex.split("\n@").length, "one entry"); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(paper.title(), org.scriptorium.core.io.Importer.importFiles(List.of(write(bibtex)), false).papers()
				.get(0).title(), "the entry reads back"); //$NON-NLS-1$
	}

	private static java.nio.file.Path write(String text) throws java.io.IOException {
		java.nio.file.Path file = java.nio.file.Files.createTempFile("copied", ".bib"); //$NON-NLS-1$ //$NON-NLS-2$
		file.toFile().deleteOnExit();
		java.nio.file.Files.writeString(file, text);
		return file;
	}

	/** Presses a key with modifiers through the real event queue (XTEST under Xvfb). */
	private static void chord(int[] modifiers, char key) {
		Display display = Display.getCurrent();
		for (int m : modifiers) {
			post(display, SWT.KeyDown, m, '\0');
		}
		post(display, SWT.KeyDown, 0, key);
		post(display, SWT.KeyUp, 0, key);
		for (int i = modifiers.length - 1; i >= 0; i--) {
			post(display, SWT.KeyUp, modifiers[i], '\0');
		}
		UiWait.flush();
	}

	private static void post(Display display, int type, int keyCode, char character) {
		Event e = new Event();
		e.type = type;
		e.keyCode = keyCode;
		e.character = character;
		if (!display.post(e)) {
			throw new AssertionError("the key event could not be posted"); //$NON-NLS-1$
		}
	}

	@Test
	void ctrlShiftCInThePapersViewCopiesTheLatexCitationAndCopyAsCslJsonTheRecords() throws Exception {
		Paper deepSeek = select(DEEPSEEKMOE);
		papers.activate();
		IBindingService bindings = PlatformUI.getWorkbench().getService(IBindingService.class);
		assertEquals(formatted("M1+M2+C"), bindings.getBestActiveBindingFormattedFor(CopyCitationHandler.COMMAND_ID)); //$NON-NLS-1$

		// Edit > Copy Citation is there while papers are selected in the active Papers view
		org.eclipse.swt.widgets.Menu bar = papers.table().getShell().getMenuBar();
		org.eclipse.swt.widgets.MenuItem edit = Arrays.stream(bar.getItems())
				.filter(i -> org.scriptorium.ui.tests.pages.Menus.label(i).equals("Edit")).findFirst().orElseThrow(); //$NON-NLS-1$
		List<String> editItems = org.scriptorium.ui.tests.pages.Menus.labels(edit.getMenu());
		edit.getMenu().notifyListeners(SWT.Hide, new Event());
		assertTrue(editItems.contains("Copy Citation (\\cite)"), editItems.toString()); //$NON-NLS-1$

		Input.focus(papers.table());
		chord(new int[]{SWT.CTRL, SWT.SHIFT}, 'c');
		UiWait.until("the clipboard holds the citation", () -> String.valueOf(clipboard()).startsWith("\\cite{")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("\\cite{" + key(deepSeek) + "}", clipboard()); //$NON-NLS-1$ //$NON-NLS-2$

		Paper unchosen = org.scriptorium.core.corpus.DefaultCorpus.get().seedPapers().stream()
				.filter(p -> p.title().startsWith("Unchosen Experts Can Contribute Too")).findFirst().orElseThrow(); //$NON-NLS-1$
		papers.selectRows(papers.rowOf(deepSeek.title()), papers.rowOf(unchosen.title()));
		papers.contextMenu("Copy As", "CSL-JSON"); //$NON-NLS-1$ //$NON-NLS-2$
		UiWait.until("the clipboard holds CSL-JSON", () -> String.valueOf(clipboard()).startsWith("[")); //$NON-NLS-1$ //$NON-NLS-2$
		JsonArray items = JsonParser.parseString(clipboard()).getAsJsonArray();
		assertEquals(2, items.size());
		List<String> titles = List.of(items.get(0).getAsJsonObject().get("title").getAsString(), //$NON-NLS-1$
				items.get(1).getAsJsonObject().get("title").getAsString()); //$NON-NLS-1$
		assertTrue(titles.contains(deepSeek.title()) && titles.contains(unchosen.title()), titles.toString());

		papers.contextMenu("Copy As", "Cite Key"); //$NON-NLS-1$ //$NON-NLS-2$
		UiWait.until("the clipboard holds the keys", () -> !String.valueOf(clipboard()).startsWith("[")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(List.of(key(deepSeek), key(unchosen)).stream().sorted().toList(),
				Arrays.stream(clipboard().split(",")).sorted().toList()); //$NON-NLS-1$
	}

	@Test
	void draggingPapersGivesTheirCiteKeysAsText() throws Exception {
		Paper deepSeek = select(DEEPSEEKMOE);
		DragSource source = (DragSource) papers.table().getData(DND.DRAG_SOURCE_KEY);
		assertNotNull(source, "the table is a drag source"); //$NON-NLS-1$
		assertTrue(Arrays.asList(source.getTransfer()).contains(TextTransfer.getInstance()));

		// the DragSourceListener contract, through SWT's own event plumbing: start, then ask for the text
		Event start = dndEvent();
		start.doit = true;
		source.notifyListeners(DND.DragStart, start);
		assertTrue(start.doit, "a selected paper can be dragged"); //$NON-NLS-1$
		Event data = dndEvent();
		var dataType = data.getClass().getDeclaredField("dataType"); //$NON-NLS-1$
		dataType.setAccessible(true);
		dataType.set(data, TextTransfer.getInstance().getSupportedTypes()[0]);
		source.notifyListeners(DND.DragSetData, data);
		assertEquals(key(deepSeek), data.data);

		// dropped into a text, the keys are what is inserted
		org.eclipse.swt.custom.StyledText editor = new org.eclipse.swt.custom.StyledText(papers.table().getShell(),
				SWT.NONE);
		try {
			editor.setText("see  for details"); //$NON-NLS-1$
			editor.replaceTextRange(4, 0, (String) data.data);
			assertEquals("see " + key(deepSeek) + " for details", editor.getText()); //$NON-NLS-1$ //$NON-NLS-2$
		} finally {
			editor.dispose();
		}
	}

	/** A DND event, as SWT creates it when a drag starts (its class is internal to SWT). */
	private static Event dndEvent() throws Exception {
		var constructor = Class.forName("org.eclipse.swt.dnd.DNDEvent").getDeclaredConstructor(); //$NON-NLS-1$
		constructor.setAccessible(true);
		Event e = (Event) constructor.newInstance();
		e.widget = null;
		return e;
	}

	@Test
	void theKeyBindingsOpenThePapersViewsAndTheImportWizardWithoutConflicts() throws Exception {
		IBindingService bindings = PlatformUI.getWorkbench().getService(IBindingService.class);
		ICommandService commands = PlatformUI.getWorkbench().getService(ICommandService.class);
		ParameterizedCommand showPapers = ParameterizedCommand.generateCommand(
				commands.getCommand("org.eclipse.ui.views.showView"), //$NON-NLS-1$
				Map.of("org.eclipse.ui.views.showView.viewId", ScriptoriumUI.PAPERS_VIEW_ID)); //$NON-NLS-1$
		ParameterizedCommand showNeighbourhood = ParameterizedCommand.generateCommand(
				commands.getCommand("org.eclipse.ui.views.showView"), //$NON-NLS-1$
				Map.of("org.eclipse.ui.views.showView.viewId", NeighbourhoodView.ID)); //$NON-NLS-1$
		ParameterizedCommand importPapers = ParameterizedCommand.generateCommand(
				commands.getCommand("org.eclipse.ui.file.import"), //$NON-NLS-1$
				Map.of("importWizardId", ImportPapersWizard.ID)); //$NON-NLS-1$
		assertEquals(formatted("M2+M3+Q R"), format(bindings.getActiveBindingsFor(showPapers))); //$NON-NLS-1$
		assertEquals(formatted("M2+M3+Q N"), format(bindings.getActiveBindingsFor(showNeighbourhood))); //$NON-NLS-1$
		assertEquals(formatted("M1+M2+M3+I"), format(bindings.getActiveBindingsFor(importPapers))); //$NON-NLS-1$
		for (String sequence : List.of("M2+M3+Q R", "M2+M3+Q N", "M1+M2+M3+I", "M1+M2+C")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			var conflicts = bindings.getConflictsFor(KeySequence.getInstance(sequence));
			assertTrue(conflicts == null || conflicts.isEmpty(), sequence + " conflicts with " + conflicts); //$NON-NLS-1$
		}
	}

	/** A key sequence as this platform shows it (GTK: "Shift+Ctrl+C" for M1+M2+C). */
	private static String formatted(String sequence) throws Exception {
		return KeySequence.getInstance(sequence).format();
	}

	private static String format(org.eclipse.jface.bindings.TriggerSequence[] sequences) {
		return String.join(" | ", Arrays.stream(sequences).map(s -> s.format()).toList()); //$NON-NLS-1$
	}
}
