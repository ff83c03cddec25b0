package org.scriptorium.sandbox.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.content.IContentType;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.JFaceTextUtil;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scriptorium.launching.ExperimentExamples;
import org.scriptorium.launching.ExperimentLaunching;
import org.scriptorium.launching.ExperimentMarkers;
import org.scriptorium.sandbox.ui.internal.editor.ExperimentHover;
import org.scriptorium.sandbox.ui.internal.editor.ExperimentOutlinePage;
import org.scriptorium.sandbox.ui.internal.editor.ExperimentPresentationReconciler;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.TinyExperiment;
import org.scriptorium.tests.common.ui.EditorProject;
import org.scriptorium.tests.common.ui.Editors;
import org.scriptorium.tests.common.ui.Input;
import org.scriptorium.tests.common.ui.UiWait;

/**
 * Issue 16, item 5: experiment files have their content type and open in the Generic Editor with colours, completion
 * and hover from the experiment schema, one marker per problem naming the sweep points it affects, and quick fixes.
 */
@ExtendWith(NoErrorLoggedExtension.class)
class ExperimentEditorTest {

	@RegisterExtension
	final EditorProject project = new EditorProject("experiment-editor"); //$NON-NLS-1$

	@Test
	void theOutlineShowsTheExperimentsStructureAndSelectingANodeRevealsItsText() throws Exception {
		IFile file = project.write("outline.moe.json", TinyExperiment.variants("outline")); //$NON-NLS-1$ //$NON-NLS-2$
		IEditorPart editor = project.open(file);
		IDocument document = Editors.document(editor);
		// Window > Show View > Outline
		ContentOutline outline = (ContentOutline) project.page().showView(IPageLayout.ID_OUTLINE);
		project.page().activate(editor);
		UiWait.until("the Outline shows the experiment's page", //$NON-NLS-1$
				() -> outline.getCurrentPage() instanceof ExperimentOutlinePage);
		Tree tree = (Tree) outline.getCurrentPage().getControl();
		UiWait.until("the outline lists the experiment", () -> tree.getItemCount() > 0); //$NON-NLS-1$
		List<String> top = Arrays.stream(tree.getItems()).map(TreeItem::getText).toList();
		assertEquals("name: outline", top.get(0)); //$NON-NLS-1$
		assertTrue(top.containsAll(List.of("data", "model", "strategy", "losses (1)", "training", "seeds (2)", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
				"metrics (3)", "variants (2)")), top.toString()); //$NON-NLS-1$ //$NON-NLS-2$
		TreeItem variants = tree.getItem(top.indexOf("variants (2)")); //$NON-NLS-1$
		assertEquals(List.of("top1", "top2"), Arrays.stream(variants.getItems()).map(TreeItem::getText).toList()); //$NON-NLS-1$ //$NON-NLS-2$

		// a click on a variant selects its text in the editor and reveals it
		TreeItem top2 = variants.getItem(1);
		tree.setSelection(top2); // as SWTBotTreeItem.select does
		Event click = new Event();
		click.item = top2;
		tree.notifyListeners(SWT.Selection, click);
		String text = document.get();
		int start = text.indexOf("{ \"name\": \"top2\""); //$NON-NLS-1$
		ITextSelection selected = (ITextSelection) ((ITextEditor) editor).getSelectionProvider().getSelection();
		assertEquals(start, selected.getOffset());
		assertEquals("{ \"name\": \"top2\", \"set\": { \"strategy.k\": 2 } }", selected.getText()); //$NON-NLS-1$
		StyledText styled = Editors.text(editor);
		int line = styled.getLineAtOffset(styled.getCaretOffset());
		assertTrue(line >= styled.getTopIndex() && line <= JFaceTextUtil.getBottomIndex(styled),
				"the variant's line is in view"); //$NON-NLS-1$

		// the outline follows an edit of the text
		document.replace(text.indexOf("\"seeds\""), 0, "\"description\": \"edited\",\n  "); //$NON-NLS-1$ //$NON-NLS-2$
		UiWait.until("the outline shows the new member", () -> Arrays.stream(tree.getItems()) //$NON-NLS-1$
				.anyMatch(i -> "description: edited".equals(i.getText()))); //$NON-NLS-1$
	}

	@Test
	void anExperimentFileOpensInTheGenericEditorWithColoursCompletionAndHover() throws Exception {
		IFile file = project.write("edit.moe.json", TinyExperiment.json("edit")); //$NON-NLS-1$ //$NON-NLS-2$
		IContentType type = Platform.getContentTypeManager().findContentTypeFor(file.getName());
		assertNotNull(type);
		assertEquals(ExperimentLaunching.CONTENT_TYPE_ID, type.getId());
		assertEquals(ExperimentLaunching.CONTENT_TYPE_ID, file.getContentDescription().getContentType().getId());

		// double-click in the Project Explorer opens the default editor of the file's content type
		IEditorPart editor = project.open(file);
		assertEquals("org.eclipse.ui.genericeditor.GenericEditor", editor.getSite().getId()); //$NON-NLS-1$
		StyledText styled = Editors.text(editor);
		IDocument document = Editors.document(editor);

		// colours: a key, a string value and a number each in their colour
		String content = document.get();
		int key = content.indexOf("\"name\"") + 1; //$NON-NLS-1$
		int string = content.indexOf("\"top-k\"") + 1; //$NON-NLS-1$
		int number = content.indexOf("640"); //$NON-NLS-1$
		UiWait.until("the editor colours the file", () -> styled.getStyleRangeAtOffset(key) != null //$NON-NLS-1$
				&& styled.getStyleRangeAtOffset(number) != null);
		var colors = JFaceResources.getColorRegistry();
		StyleRange keyStyle = styled.getStyleRangeAtOffset(key);
		assertEquals(colors.get(ExperimentPresentationReconciler.KEY_COLOR), keyStyle.foreground);
		assertEquals(SWT.BOLD, keyStyle.fontStyle & SWT.BOLD);
		assertEquals(colors.get(ExperimentPresentationReconciler.STRING_COLOR),
				styled.getStyleRangeAtOffset(string).foreground);
		assertEquals(colors.get(ExperimentPresentationReconciler.NUMBER_COLOR),
				styled.getStyleRangeAtOffset(number).foreground);
		assertNotEquals(keyStyle.foreground, styled.getStyleRangeAtOffset(string).foreground);

		// completion: in the strategy object, after its type, Ctrl+Space offers the strategies' keys
		int kAt = content.indexOf("\"k\": 2"); //$NON-NLS-1$ { "type": "top-k", "c|", "k": 2 }
		document.replace(kAt, 0, "\"c\", "); //$NON-NLS-1$
		styled.setCaretOffset(kAt + 2);
		Input.focus(styled);
		Table proposals = Editors.contentAssist(editor,
				items -> items.stream().anyMatch(i -> i.startsWith("capacityFactor"))); //$NON-NLS-1$
		List<String> items = Editors.items(proposals);
		assertTrue(items.stream().allMatch(i -> i.startsWith("c")), items.toString()); //$NON-NLS-1$ only keys starting with "c"
		// choose the first, capacityFactor, as SWTBot's proposal table does (Enter in the popup's table)
		Editors.choose(proposals, 0);
		UiWait.until("the chosen key is inserted", () -> document.get().contains("\"capacityFactor\": ")); //$NON-NLS-1$ //$NON-NLS-2$

		// hover: over a key, what the schema says of it
		String now = document.get();
		int epochs = now.indexOf("\"epochs\"") + 2; //$NON-NLS-1$
		ExperimentHover hover = new ExperimentHover();
		IRegion region = hover.getHoverRegion(Editors.viewer(editor), epochs);
		assertEquals("\"epochs\"", document.get(region.getOffset(), region.getLength())); //$NON-NLS-1$
		String info = hover.getHoverInfo(Editors.viewer(editor), region);
		assertTrue(info.startsWith("epochs (integer)") && info.contains(">= 1") && info.contains("default: 20"), info); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		int topK = now.indexOf("\"top-k\"") + 2; //$NON-NLS-1$
		String value = hover.getHoverInfo(Editors.viewer(editor), hover.getHoverRegion(Editors.viewer(editor), topK));
		assertTrue(value.contains("2006.16668"), value); //$NON-NLS-1$ the strategy's paper
	}

	@Test
	void aBadValueInASweepIsOneMarkerNamingTheSweepPointsWithAQuickFix() throws Exception {
		String e2;
		try (var in = ExperimentExamples.examples().stream()
				.filter(u -> ExperimentExamples.fileName(u).startsWith("e2-")).findFirst().orElseThrow() //$NON-NLS-1$
				.openStream()) {
			e2 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertTrue(e2.contains("\"epochs\": 20"), "E2 as shipped"); //$NON-NLS-1$ //$NON-NLS-2$
		IFile file = project.write("e2.moe.json", e2.replace("\"epochs\": 20", "\"epochs\": -3")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		IEditorPart editor = project.open(file);
		UiWait.until("the file has its marker", () -> markers(file).length > 0); //$NON-NLS-1$
		IMarker[] markers = markers(file);
		assertEquals(1, markers.length, Arrays.toString(markers));
		String message = markers[0].getAttribute(IMarker.MESSAGE, ""); //$NON-NLS-1$
		assertTrue(message.contains("training.epochs") && message.contains("all 14 sweep points"), message); //$NON-NLS-1$ //$NON-NLS-2$
		IDocument document = Editors.document(editor);
		int start = markers[0].getAttribute(IMarker.CHAR_START, -1);
		assertEquals("-3", document.get(start, markers[0].getAttribute(IMarker.CHAR_END, -1) - start)); //$NON-NLS-1$

		IMarkerResolution[] fixes = IDE.getMarkerHelpRegistry().getResolutions(markers[0]);
		List<String> labels = Arrays.stream(fixes).map(IMarkerResolution::getLabel).toList();
		assertEquals(List.of("Set training.epochs to its default, 20"), labels); //$NON-NLS-1$
		fixes[0].run(markers[0]);
		assertTrue(document.get().contains("\"epochs\": 20"), "the fix is in the editor"); //$NON-NLS-1$ //$NON-NLS-2$
		UiWait.until("the fixed file has no marker", () -> markers(file).length == 0); //$NON-NLS-1$
	}

	private static IMarker[] markers(IFile file) {
		try {
			return file.findMarkers(ExperimentMarkers.MARKER_TYPE, true, IResource.DEPTH_ZERO);
		} catch (CoreException e) {
			throw new AssertionError(e);
		}
	}
}
