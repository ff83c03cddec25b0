package org.scriptorium.refs.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.hyperlink.HyperlinkManager;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IViewPart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scriptorium.core.model.Paper;
import org.scriptorium.refs.ReferenceKind;
import org.scriptorium.refs.ui.RefsUI;
import org.scriptorium.refs.ui.internal.ActiveCorpus;
import org.scriptorium.refs.ui.internal.editor.ReferenceHover;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.ui.EditorProject;
import org.scriptorium.tests.common.ui.Editors;
import org.scriptorium.tests.common.ui.Input;
import org.scriptorium.tests.common.ui.Screenshots;
import org.scriptorium.tests.common.ui.UiWait;
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

	@RegisterExtension
	final EditorProject project = new EditorProject("references-in-editors"); //$NON-NLS-1$

	private IEditorPart open(String name, String content) throws CoreException {
		IEditorPart editor = project.open(name, content);
		assertEquals(RefsUI.GENERIC_EDITOR_ID, editor.getSite().getId());
		return editor;
	}

	@Test
	void hoverAndCtrlClickOnAnArxivIdInAPythonFile() throws Exception {
		String source = "import torch\n\n# Implements arXiv:2401.06066 (DeepSeekMoE), shared experts\nclass MoE:\n    pass\n"; //$NON-NLS-1$
		IEditorPart editor = open("moe.py", source); //$NON-NLS-1$
		int at = source.indexOf(DEEPSEEKMOE) + 3;

		// hover: the viewer asks on its hover thread, as here
		ReferenceHover hover = new ReferenceHover();
		IRegion region = hover.getHoverRegion(Editors.viewer(editor), at);
		assertNotNull(region);
		assertEquals("arXiv:2401.06066", Editors.document(editor).get(region.getOffset(), region.getLength())); //$NON-NLS-1$
		CompletableFuture<String> info = CompletableFuture.supplyAsync(() -> hover.getHoverInfo(Editors.viewer(editor), region));
		UiWait.until("the hover text is computed", info::isDone); //$NON-NLS-1$
		String hoverText = info.get();
		assertTrue(hoverText.startsWith("DeepSeekMoE"), hoverText); //$NON-NLS-1$
		assertTrue(hoverText.contains("Dai") && hoverText.contains("2024"), hoverText); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(hoverText.contains("Cited by ") && hoverText.contains("citedby:arxiv:2401.06066"), hoverText); //$NON-NLS-1$ //$NON-NLS-2$

		// open the link under the caret, as Ctrl+click does (the editor's Open Hyperlink: the same detector and link)
		StyledText styled = Editors.text(editor);
		Input.focus(styled);
		styled.setCaretOffset(at);
		((ITextOperationTarget) Editors.viewer(editor)).doOperation(HyperlinkManager.OPEN_HYPERLINK);
		UiWait.until("the Papers view selects DeepSeekMoE", () -> { //$NON-NLS-1$
			Paper selected = selectedPaper();
			return selected != null && DEEPSEEKMOE.equals(selected.ids().arxiv());
		});
	}

	@Test
	void completionInsideCiteInALatexFileInsertsTheExportersKey() throws Exception {
		String source = "\\documentclass{article}\n\\begin{document}\nShared experts \n\\end{document}\n"; //$NON-NLS-1$
		IEditorPart editor = open("paper.tex", source); //$NON-NLS-1$
		StyledText styled = Editors.text(editor);
		IDocument document = Editors.document(editor);
		int at = source.indexOf("Shared experts ") + "Shared experts ".length(); //$NON-NLS-1$ //$NON-NLS-2$
		document.replace(at, 0, "\\cite{"); // pasted: '\\' and '{' need keyboard-layout-dependent modifiers //$NON-NLS-1$
		// the last letter typed, the others pasted: under Xvfb (no window manager) keys typed while the Generic
		// Editor's auto-activated completion popup opens can go to that popup's shell
		document.replace(at + "\\cite{".length(), 0, "deepsee"); //$NON-NLS-1$
		styled.setCaretOffset(at + "\\cite{deepsee".length()); //$NON-NLS-1$
		Input.type(styled, "k"); //$NON-NLS-1$
		assertTrue(document.get().contains("Shared experts \\cite{deepseek"), document.get()); //$NON-NLS-1$

		// the asynchronous popup may first show an auto-activated list for the first letters typed
		Table proposals = Editors.contentAssist(editor,
				items -> items.stream().anyMatch(i -> i.contains("DeepSeekMoE")) //$NON-NLS-1$
						&& items.stream().allMatch(i -> i.toLowerCase().contains("deepseek"))); //$NON-NLS-1$
		List<String> items = Editors.items(proposals);
		assertTrue(items.stream().allMatch(i -> i.toLowerCase().contains("deepseek")), items.toString()); //$NON-NLS-1$
		String folder = System.getProperty("scriptorium.screenshots"); //$NON-NLS-1$
		if (folder != null) {
			Screenshots.capture(styled.getShell(), Path.of(folder, "references-completion.png")); //$NON-NLS-1$
		}
		Editors.choose(proposals, "DeepSeekMoE"); //$NON-NLS-1$

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
		IViewPart view = project.page().findView(ScriptoriumUI.PAPERS_VIEW_ID);
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
