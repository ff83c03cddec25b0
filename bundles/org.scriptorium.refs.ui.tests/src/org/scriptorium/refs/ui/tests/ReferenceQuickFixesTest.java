package org.scriptorium.refs.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.texteditor.MarkerAnnotation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.corpus.JsonlCorpus;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.preferences.CorePreferences;
import org.scriptorium.refs.ReferenceMarkers;
import org.scriptorium.refs.internal.workspace.IgnoredReferences;
import org.scriptorium.refs.ui.RefsUI;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.ui.EditorProject;
import org.scriptorium.tests.common.ui.Editors;
import org.scriptorium.tests.common.ui.Input;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.tests.common.ui.Widgets;

/**
 * Issue 20, items 5 and 6: what a researcher does with a reference the active corpus lacks. A LaTeX draft cites an
 * unknown key, an arXiv id the default corpus has ("Harder Tasks Need More Experts") and one it knows only from a
 * reference list (Switch Transformers); saved, each is a warning in the Problems view. Quick Fix in the Problems view
 * adds the first to the active corpus file; Ctrl+1 in the editor adds the reference-only paper and ignores the unknown
 * key (for good: a later save does not bring it back); "Import papers..." opens the import wizard.
 */
@ExtendWith(NoErrorLoggedExtension.class)
class ReferenceQuickFixesTest {

	private static final String DYNAMIC_ROUTING = "2403.07652"; //$NON-NLS-1$
	private static final String UNKNOWN_KEY = "nobody2099imaginary"; //$NON-NLS-1$
	private static final String QUICK_FIX_COMMAND = "org.eclipse.jdt.ui.edit.text.java.correction.assist.proposals"; //$NON-NLS-1$

	@RegisterExtension
	final EditorProject project = new EditorProject("reference-quick-fixes"); //$NON-NLS-1$

	private Path corpus;
	private Paper referenceOnly;

	@BeforeEach
	void activeCorpus() throws Exception {
		// the user's corpus file, with DeepSeekMoE only, is the active corpus (Preferences > Scriptorium)
		IFile file = project.project().getFile("mine.jsonl"); //$NON-NLS-1$
		corpus = file.getLocation().toPath();
		JsonlCorpus.write(corpus, List.of(DefaultCorpus.get().find("arxiv:2401.06066").orElseThrow())); //$NON-NLS-1$
		file.refreshLocal(IResource.DEPTH_ZERO, null);
		InstanceScope.INSTANCE.getNode(CorePreferences.QUALIFIER).put(CorePreferences.DEFAULT_CORPUS,
				corpus.toString());
		// Switch Transformers: the default corpus knows it from reference lists only
		referenceOnly = DefaultCorpus.get().papers().stream().filter(p -> "2101.03961".equals(p.ids().arxiv())) //$NON-NLS-1$
				.findFirst().orElseThrow();
		assertTrue(referenceOnly.isReferenceOnly());
	}

	@AfterEach
	void builtInCorpus() {
		InstanceScope.INSTANCE.getNode(CorePreferences.QUALIFIER).remove(CorePreferences.DEFAULT_CORPUS);
	}

	@Test
	void aSavedDraftsWarningsAreFixedFromTheProblemsViewAndWithCtrl1() throws Exception {
		IEditorPart editor = project.open("draft.tex", //$NON-NLS-1$
				"\\documentclass{article}\n\\begin{document}\nShared experts \n\\end{document}\n"); //$NON-NLS-1$
		assertEquals(RefsUI.GENERIC_EDITOR_ID, editor.getSite().getId());
		IDocument document = Editors.document(editor);
		StyledText styled = Editors.text(editor);
		String cites = "\\cite{" + UNKNOWN_KEY + "}, as arXiv:" + DYNAMIC_ROUTING //$NON-NLS-1$ //$NON-NLS-2$
				+ " and arXiv:" + referenceOnly.ids().arxiv(); //$NON-NLS-1$
		int at = document.get().indexOf("Shared experts ") + "Shared experts ".length(); //$NON-NLS-1$ //$NON-NLS-2$
		document.replace(at, 0, cites); // pasted: '\\', '{' and ':' need keyboard-layout-dependent modifiers
		styled.setCaretOffset(at + cites.length());
		// one key typed: under Xvfb (no window manager) keys typed while the Generic Editor's auto-activated
		// completion popup opens can go to that popup's shell
		Input.type(styled, "."); //$NON-NLS-1$
		save();

		// the Problems view lists the three warnings
		Tree problems = problemsView();
		UiWait.until("the Problems view lists the three warnings", () -> warnings(problems).size() == 3); //$NON-NLS-1$
		TreeItem routingWarning = warning(problems, "arXiv " + DYNAMIC_ROUTING).orElseThrow(); //$NON-NLS-1$
		assertTrue(routingWarning.getText().contains("the default corpus has it"), routingWarning.getText()); //$NON-NLS-1$

		// Quick Fix on it (Ctrl+1 in the Problems view): "Add 'Harder Tasks Need More Experts...' to mine.jsonl"
		// select it, as SWTBotTreeItem.select does
		problems.showItem(routingWarning);
		problems.setSelection(routingWarning);
		Event click = new Event();
		click.item = routingWarning;
		problems.notifyListeners(SWT.Selection, click);
		UiWait.until("the warning is selected", () -> problems.getSelectionCount() == 1 //$NON-NLS-1$
				&& problems.getSelection()[0].getText().contains(DYNAMIC_ROUTING));
		String routingTitle = DefaultCorpus.get().papers().stream().filter(p -> DYNAMIC_ROUTING.equals(p.ids().arxiv()))
				.findFirst().orElseThrow().title();
		List<String> offered = inDialog("Quick Fix", dialog -> { //$NON-NLS-1$
			Table fixes = Widgets.all(dialog, Table.class).get(0);
			List<String> labels = Editors.items(fixes);
			TableItem add = Arrays.stream(fixes.getItems()).filter(i -> i.getText().startsWith("Add ")).findFirst() //$NON-NLS-1$
					.orElseThrow(() -> new AssertionError(labels.toString()));
			fixes.setSelection(add); // as SWTBotTable.select does
			Event select = new Event();
			select.item = add;
			fixes.notifyListeners(SWT.Selection, select);
			UiWait.until("the fix is chosen", () -> fixes.getSelectionCount() == 1 && fixes.getSelection()[0] == add); //$NON-NLS-1$
			Button finish = button(dialog, "Finish"); //$NON-NLS-1$
			UiWait.until("Finish is enabled", finish::isEnabled); //$NON-NLS-1$
			Input.click(finish, new org.eclipse.swt.graphics.Rectangle(0, 0, finish.getSize().x, finish.getSize().y));
			return labels;
		}, () -> execute(QUICK_FIX_COMMAND));
		assertEquals(List.of("Add '" + routingTitle + "' to mine.jsonl", "Import papers...", "Ignore this reference"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				offered.stream().sorted((a, b) -> Integer.compare(order(a), order(b))).toList());
		UiWait.until("the warning has gone from the Problems view", //$NON-NLS-1$
				() -> warnings(problems).size() == 2 && warning(problems, "arXiv " + DYNAMIC_ROUTING).isEmpty()); //$NON-NLS-1$
		assertTrue(corpusHas(DYNAMIC_ROUTING), "the active corpus file has the paper"); //$NON-NLS-1$

		// Ctrl+1 in the editor on the reference-only paper's id: add it
		page().activate(editor);
		String text = document.get();
		ruler(editor, referenceOnly.ids().arxiv());
		Input.focus(styled);
		styled.setCaretOffset(text.indexOf(referenceOnly.ids().arxiv()) + 2);
		Table proposals = Editors.quickAssist(editor, items -> items.stream().anyMatch(i -> i.startsWith("Add '"))); //$NON-NLS-1$
		assertEquals(3, proposals.getItemCount(), Editors.items(proposals).toString());
		Editors.choose(proposals, "Add '" + referenceOnly.title() + "' to mine.jsonl"); //$NON-NLS-1$ //$NON-NLS-2$
		UiWait.until("the reference-only paper's warning has gone", //$NON-NLS-1$
				() -> markers().stream().noneMatch(
						m -> referenceOnly.ids().arxiv().equals(m.getAttribute(ReferenceMarkers.ID, "")))); //$NON-NLS-1$
		assertTrue(corpusHas(referenceOnly.ids().arxiv()), "the active corpus file has the reference-only paper"); //$NON-NLS-1$

		// Ctrl+1 on the unknown key: no paper to add; ignore it
		ruler(editor, UNKNOWN_KEY);
		styled.setCaretOffset(text.indexOf(UNKNOWN_KEY) + 2);
		proposals = Editors.quickAssist(editor, items -> items.contains("Ignore this reference")); //$NON-NLS-1$
		assertEquals(List.of("Ignore this reference", "Import papers..."), //$NON-NLS-1$ //$NON-NLS-2$
				Editors.items(proposals).stream().sorted().toList());
		Editors.choose(proposals, "Ignore this reference"); //$NON-NLS-1$
		UiWait.until("the Problems view lists no warning", () -> warnings(problems).isEmpty()); //$NON-NLS-1$
		assertEquals(List.of(), markers());
		assertEquals(java.util.Set.of("cite:" + UNKNOWN_KEY), IgnoredReferences.of(project.project())); //$NON-NLS-1$

		// it stays ignored after the next save
		styled.setCaretOffset(document.get().indexOf(cites) + cites.length() + 1);
		Input.type(styled, " "); //$NON-NLS-1$
		save();
		UiWait.jobs(org.scriptorium.refs.internal.workspace.ReferenceChecks.FAMILY);
		assertEquals(List.of(), markers());
		assertTrue(document.get().contains(cites + ". "), document.get()); //$NON-NLS-1$
	}

	@Test
	void importPapersOpensTheImportWizard() throws Exception {
		IEditorPart editor = project.open("notes.md", "# Notes\n\nSee [@" + UNKNOWN_KEY + "].\n"); //$NON-NLS-1$ //$NON-NLS-2$
		ruler(editor, UNKNOWN_KEY);
		Input.focus(Editors.text(editor));
		Editors.text(editor).setCaretOffset(Editors.document(editor).get().indexOf(UNKNOWN_KEY) + 1);
		Table proposals = Editors.quickAssist(editor, items -> items.contains("Import papers...")); //$NON-NLS-1$
		String page = inDialog("Import", dialog -> { //$NON-NLS-1$
			String shown = String.join("|", Widgets.all(dialog, org.eclipse.swt.widgets.Label.class).stream() //$NON-NLS-1$
					.map(l -> l.getText().replace("&", "")).toList()); //$NON-NLS-1$ //$NON-NLS-2$
			dialog.close();
			return shown;
		}, () -> Editors.choose(proposals, "Import papers...")); //$NON-NLS-1$
		assertTrue(page.contains("Corpus file:") && page.contains("Files:"), "the Papers import wizard: " + page); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertFalse(markers().isEmpty(), "nothing imported: the warning stays"); //$NON-NLS-1$
	}

	private static int order(String label) {
		return label.startsWith("Add") ? 0 : label.startsWith("Import") ? 1 : 2; //$NON-NLS-1$ //$NON-NLS-2$
	}

	private org.eclipse.ui.IWorkbenchPage page() {
		return project.page();
	}

	/** File &gt; Save (Ctrl+S). */
	private static void save() {
		execute("org.eclipse.ui.file.save"); //$NON-NLS-1$
	}

	private static void execute(String command) {
		try {
			PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(command, null);
		} catch (Exception e) {
			throw new AssertionError(command, e);
		}
	}

	/** Shows the Problems view (Window &gt; Show View &gt; Problems) and returns its tree. */
	private Tree problemsView() throws CoreException {
		IViewPart view = page().showView(IPageLayout.ID_PROBLEM_VIEW);
		Tree[] tree = {null};
		UiWait.until("the Problems view has the focus", () -> { //$NON-NLS-1$
			view.getSite().getShell().forceActive();
			view.setFocus();
			tree[0] = Display.getCurrent().getFocusControl() instanceof Tree t ? t : null;
			return tree[0] != null;
		});
		return tree[0];
	}

	/** The marker rows under the Problems view's categories (Errors, Warnings, ...), expanded as a click would. */
	private static List<TreeItem> warnings(Tree tree) {
		List<TreeItem> out = new java.util.ArrayList<>();
		for (TreeItem category : tree.getItems()) {
			if (!category.getText().startsWith("Warnings")) { //$NON-NLS-1$
				continue;
			}
			if (!category.getExpanded()) {
				Event e = new Event();
				e.item = category;
				tree.notifyListeners(SWT.Expand, e);
				category.setExpanded(true);
			}
			for (TreeItem item : category.getItems()) {
				if (item.getText().contains("is no paper of the active corpus")) { //$NON-NLS-1$
					out.add(item);
				}
			}
		}
		return out;
	}

	private static Optional<TreeItem> warning(Tree tree, String text) {
		return warnings(tree).stream().filter(i -> i.getText().contains(text)).findFirst();
	}

	/** Waits until the editor's ruler (its annotation model) shows the warning on {@code id}. */
	private static void ruler(IEditorPart editor, String id) {
		IAnnotationModel model = ((ITextEditor) editor).getDocumentProvider()
				.getAnnotationModel(editor.getEditorInput());
		UiWait.until("the ruler shows the warning on " + id, () -> { //$NON-NLS-1$
			var it = model.getAnnotationIterator();
			while (it.hasNext()) {
				if (it.next() instanceof MarkerAnnotation a
						&& id.equals(a.getMarker().getAttribute(ReferenceMarkers.ID, ""))) { //$NON-NLS-1$
					return true;
				}
			}
			return false;
		});
	}

	private List<IMarker> markers() {
		try {
			return Arrays.asList(project.project().findMarkers(ReferenceMarkers.TYPE, false, IResource.DEPTH_INFINITE));
		} catch (CoreException e) {
			throw new AssertionError(e);
		}
	}

	private boolean corpusHas(String arxiv) {
		try {
			return JsonlCorpus.load(corpus).papers().stream().anyMatch(p -> arxiv.equals(p.ids().arxiv()));
		} catch (Exception e) {
			throw new AssertionError(e);
		}
	}

	private static Button button(Shell shell, String text) {
		return Widgets.all(shell, Button.class).stream().filter(b -> b.getText().replace("&", "").equals(text)) //$NON-NLS-1$ //$NON-NLS-2$
				.findFirst().orElseThrow(() -> new AssertionError("no button " + text)); //$NON-NLS-1$
	}

	/**
	 * Runs {@code open}, which opens a modal dialog titled {@code title} (and may spin the event loop before), and
	 * drives the dialog with {@code steps} from inside the dialog's own event loop (looked for at each timer tick);
	 * returns what the steps returned once the dialog has closed.
	 */
	private static <T> T inDialog(String title, java.util.function.Function<Shell, T> steps, Runnable open) {
		Display display = Display.getCurrent();
		AtomicReference<T> result = new AtomicReference<>();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		boolean[] done = {false};
		Runnable poll = new Runnable() {
			@Override
			public void run() {
				Shell dialog = Arrays.stream(display.getShells())
						.filter(s -> s.isVisible() && s.getText().contains(title)).findFirst().orElse(null);
				if (dialog == null) {
					display.timerExec(50, this);
					return;
				}
				// drive it once it is open and runs its own event loop (the timer may fire while it opens)
				display.asyncExec(() -> {
					try {
						result.set(steps.apply(dialog));
					} catch (Throwable t) {
						failure.set(t);
						dialog.close();
					}
					done[0] = true;
				});
			}
		};
		display.timerExec(50, poll);
		open.run();
		UiWait.until("the " + title + " dialog was used", () -> done[0] //$NON-NLS-1$ //$NON-NLS-2$
				&& Arrays.stream(display.getShells()).noneMatch(s -> s.isVisible() && s.getText().contains(title)));
		if (failure.get() instanceof AssertionError e) {
			throw e;
		}
		if (failure.get() != null) {
			throw new AssertionError(failure.get());
		}
		return result.get();
	}
}
