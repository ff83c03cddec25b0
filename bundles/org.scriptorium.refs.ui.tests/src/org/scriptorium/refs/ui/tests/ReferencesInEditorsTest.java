package org.scriptorium.refs.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.hyperlink.HyperlinkManager;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scriptorium.core.model.Paper;
import org.scriptorium.refs.ReferenceKind;
import org.scriptorium.refs.ui.RefsUI;
import org.scriptorium.refs.ui.internal.ActiveCorpus;
import org.scriptorium.refs.ui.internal.editor.ReferenceHover;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.ui.Input;
import org.scriptorium.tests.common.ui.Screenshots;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.tests.common.ui.Widgets;
import org.scriptorium.ui.IPapersView;
import org.scriptorium.ui.ScriptoriumUI;

/**
 * Issue 20, items 3, 4 and 6: what a researcher does with paper references in the IDE product's editors: hover over
 * {@code arXiv:2401.06066} in a Python file (DeepSeekMoE's title, authors, year and citation counts), Ctrl+click it
 * (here the editor's Open Hyperlink on the same link; the Papers view selects the paper), and complete {@code \cite{deepseek} in a LaTeX file (the proposals come from
 * the search engine; choosing one inserts the cite key the BibTeX exporter writes).
 */
@ExtendWith(NoErrorLoggedExtension.class)
class ReferencesInEditorsTest {

	private static final String DEEPSEEKMOE = "2401.06066"; //$NON-NLS-1$

	private IProject project;
	private IWorkbenchPage page;

	@BeforeEach
	void setUp() throws CoreException {
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("references-in-editors"); //$NON-NLS-1$
		if (!project.exists()) {
			project.create(null);
		}
		project.open(null);
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	@AfterEach
	void tearDown() throws CoreException {
		page.closeAllEditors(false);
		project.delete(true, true, null);
	}

	private IEditorPart open(String name, String content) throws CoreException {
		IFile file = project.getFile(name);
		file.create(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
		IEditorPart editor = IDE.openEditor(page, file);
		assertEquals(RefsUI.GENERIC_EDITOR_ID, editor.getSite().getId());
		return editor;
	}

	private static StyledText text(IEditorPart editor) {
		return (StyledText) editor.getAdapter(Control.class);
	}

	private static ITextViewer viewer(IEditorPart editor) {
		return (ITextViewer) editor.getAdapter(ITextOperationTarget.class);
	}

	private static IDocument document(IEditorPart editor) {
		return ((ITextEditor) editor).getDocumentProvider().getDocument(editor.getEditorInput());
	}

	@Test
	void hoverAndCtrlClickOnAnArxivIdInAPythonFile() throws Exception {
		String source = "import torch\n\n# Implements arXiv:2401.06066 (DeepSeekMoE), shared experts\nclass MoE:\n    pass\n"; //$NON-NLS-1$
		IEditorPart editor = open("moe.py", source); //$NON-NLS-1$
		int at = source.indexOf(DEEPSEEKMOE) + 3;

		// hover: the viewer asks on its hover thread, as here
		ReferenceHover hover = new ReferenceHover();
		IRegion region = hover.getHoverRegion(viewer(editor), at);
		assertNotNull(region);
		assertEquals("arXiv:2401.06066", document(editor).get(region.getOffset(), region.getLength())); //$NON-NLS-1$
		CompletableFuture<String> info = CompletableFuture.supplyAsync(() -> hover.getHoverInfo(viewer(editor), region));
		UiWait.until("the hover text is computed", info::isDone); //$NON-NLS-1$
		String hoverText = info.get();
		assertTrue(hoverText.startsWith("DeepSeekMoE"), hoverText); //$NON-NLS-1$
		assertTrue(hoverText.contains("Dai") && hoverText.contains("2024"), hoverText); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(hoverText.contains("Cited by ") && hoverText.contains("citedby:arxiv:2401.06066"), hoverText); //$NON-NLS-1$ //$NON-NLS-2$

		// open the link under the caret, as Ctrl+click does (the editor's Open Hyperlink: the same detector and link)
		StyledText styled = text(editor);
		Input.focus(styled);
		styled.setCaretOffset(at);
		((ITextOperationTarget) viewer(editor)).doOperation(HyperlinkManager.OPEN_HYPERLINK);
		UiWait.until("the Papers view selects DeepSeekMoE", () -> { //$NON-NLS-1$
			Paper selected = selectedPaper();
			return selected != null && DEEPSEEKMOE.equals(selected.ids().arxiv());
		});
	}

	@Test
	void completionInsideCiteInALatexFileInsertsTheExportersKey() throws Exception {
		String source = "\\documentclass{article}\n\\begin{document}\nShared experts \n\\end{document}\n"; //$NON-NLS-1$
		IEditorPart editor = open("paper.tex", source); //$NON-NLS-1$
		StyledText styled = text(editor);
		IDocument document = document(editor);
		int at = source.indexOf("Shared experts ") + "Shared experts ".length(); //$NON-NLS-1$ //$NON-NLS-2$
		document.replace(at, 0, "\\cite{"); // pasted: '\\' and '{' need keyboard-layout-dependent modifiers //$NON-NLS-1$
		styled.setCaretOffset(at + "\\cite{".length()); //$NON-NLS-1$
		Input.type(styled, "deepseek"); //$NON-NLS-1$
		assertTrue(document.get().contains("Shared experts \\cite{deepseek"), document.get()); //$NON-NLS-1$

		((ITextOperationTarget) viewer(editor)).doOperation(ISourceViewer.CONTENTASSIST_PROPOSALS);
		Table[] proposals = new Table[1];
		UiWait.until("the paper proposals show", () -> { //$NON-NLS-1$
			// the proposal popup is a shell of its own (the workbench window's Papers table lists titles too)
			proposals[0] = Arrays.stream(Display.getCurrent().getShells())
					.filter(s -> s.isVisible() && s != styled.getShell())
					.flatMap(s -> Widgets.all(s, Table.class).stream())
					// the asynchronous popup may first show an auto-activated list for the first letters typed
					.filter(t -> t.getItemCount() > 0 && Arrays.stream(t.getItems())
							.anyMatch(i -> i.getText().contains("DeepSeekMoE")) //$NON-NLS-1$
							&& Arrays.stream(t.getItems())
									.allMatch(i -> i.getText().toLowerCase().contains("deepseek"))) //$NON-NLS-1$
					.findFirst().orElse(null);
			return proposals[0] != null;
		});
		List<String> items = Arrays.stream(proposals[0].getItems()).map(TableItem::getText).toList();
		assertTrue(items.stream().allMatch(i -> i.toLowerCase().contains("deepseek")), items.toString()); //$NON-NLS-1$
		String folder = System.getProperty("scriptorium.screenshots"); //$NON-NLS-1$
		if (folder != null) {
			Screenshots.capture(styled.getShell(), Path.of(folder, "references-completion.png")); //$NON-NLS-1$
		}
		int index = items.indexOf(items.stream().filter(i -> i.contains("DeepSeekMoE")).findFirst().orElseThrow()); //$NON-NLS-1$
		proposals[0].setSelection(index);
		proposals[0].notifyListeners(SWT.DefaultSelection, new Event());

		Paper deepSeekMoE = ActiveCorpus.defaultCorpus().corpus().papers().stream()
				.filter(p -> DEEPSEEKMOE.equals(p.ids().arxiv())).findFirst().orElseThrow();
		String key = ActiveCorpus.get().resolver().citeKey(deepSeekMoE);
		assertNotNull(key);
		UiWait.until("the cite key is inserted", () -> document.get().contains("Shared experts \\cite{" + key)); //$NON-NLS-1$
		// closed, the inserted key is a reference the recogniser finds
		document.replace(document.get().indexOf("\\cite{" + key) + 6 + key.length(), 0, "}"); //$NON-NLS-1$ //$NON-NLS-2$
		var found = org.scriptorium.refs.References.find(document.get());
		assertEquals(1, found.size(), found.toString());
		assertEquals(ReferenceKind.CITE_KEY, found.get(0).kind());
		assertEquals(key, found.get(0).id());
	}

	private Paper selectedPaper() {
		IViewPart view = page.findView(ScriptoriumUI.PAPERS_VIEW_ID);
		if (IPapersView.of(view) == null) {
			return null;
		}
		ISelection selection = view.getSite().getSelectionProvider().getSelection();
		if (selection instanceof IStructuredSelection s && !s.isEmpty()) {
			return Adapters.adapt(s.getFirstElement(), Paper.class);
		}
		return null;
	}
}
