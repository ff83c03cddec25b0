package org.scriptorium.refs.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.concurrent.CompletableFuture;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jdt.internal.ui.text.java.hover.BestMatchHover;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.texteditor.MarkerAnnotation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scriptorium.refs.ReferenceMarkers;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.ui.EditorProject;
import org.scriptorium.tests.common.ui.Editors;
import org.scriptorium.tests.common.ui.Input;
import org.scriptorium.tests.common.ui.UiWait;

/**
 * Issue 20, items 3 and 5 in JDT's Java editor: hovering over an arXiv id in a Java comment shows the paper (JDT's
 * default "Combined Hover", {@code BestMatchHover}, asks the contributed hovers in turn, ours among them); Ctrl+1 on
 * an unknown one offers the reference quick fixes, and Ignore removes its warning.
 */
@ExtendWith(NoErrorLoggedExtension.class)
class JavaEditorReferencesTest {

	@RegisterExtension
	final EditorProject project = new EditorProject("java-editor-hover"); //$NON-NLS-1$

	@Test
	void hoveringOverAnArxivIdInAJavaCommentShowsThePaper() throws Exception {
		String source = "/** Routing with shared experts, as in arXiv:2401.06066. */\nclass Router {\n}\n"; //$NON-NLS-1$
		IEditorPart editor = project.open("Router.java", source); //$NON-NLS-1$
		assertEquals("org.eclipse.jdt.ui.CompilationUnitEditor", editor.getSite().getId()); //$NON-NLS-1$
		ITextViewer viewer = Editors.viewer(editor);
		BestMatchHover hover = new BestMatchHover(editor);
		IRegion region = hover.getHoverRegion(viewer, source.indexOf("2401.06066") + 2); //$NON-NLS-1$
		assertNotNull(region);
		// the viewer asks on its hover thread, as here
		@SuppressWarnings("deprecation")
		CompletableFuture<String> info = CompletableFuture.supplyAsync(() -> hover.getHoverInfo(viewer, region));
		UiWait.until("the hover text is computed", info::isDone); //$NON-NLS-1$
		String text = info.get();
		assertNotNull(text, "JDT's hover has text for the reference"); //$NON-NLS-1$
		assertTrue(text.startsWith("DeepSeekMoE"), text); //$NON-NLS-1$
		assertTrue(text.contains("Dai") && text.contains("2024") && text.contains("Cited by "), text); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	@Test
	void ctrl1OnAnUnknownReferenceInAJavaCommentOffersTheQuickFixes() throws Exception {
		String source = "// Routing as in arXiv:2912.99999, a paper no corpus has\nclass Gate {\n}\n"; //$NON-NLS-1$
		IEditorPart editor = project.open("Gate.java", source); //$NON-NLS-1$
		IFile file = project.project().getFile("Gate.java"); //$NON-NLS-1$
		UiWait.until("the file has its warning", () -> markers(file).length == 1); //$NON-NLS-1$
		IAnnotationModel model = ((ITextEditor) editor).getDocumentProvider()
				.getAnnotationModel(editor.getEditorInput());
		UiWait.until("the ruler shows it", () -> { //$NON-NLS-1$
			Iterator<Annotation> it = model.getAnnotationIterator();
			while (it.hasNext()) {
				if (it.next() instanceof MarkerAnnotation a && a.getMarker().exists()
						&& ReferenceMarkers.TYPE.equals(type(a.getMarker()))) {
					return true;
				}
			}
			return false;
		});
		Input.focus(Editors.text(editor));
		Editors.text(editor).setCaretOffset(source.indexOf("2912.99999") + 2); //$NON-NLS-1$
		Table proposals = Editors.quickAssist(editor, items -> items.contains("Ignore this reference")); //$NON-NLS-1$
		Editors.choose(proposals, "Ignore this reference"); //$NON-NLS-1$
		UiWait.until("the ignored reference has no warning", () -> markers(file).length == 0); //$NON-NLS-1$
	}

	private static String type(IMarker marker) {
		try {
			return marker.getType();
		} catch (CoreException e) {
			return null;
		}
	}

	private static IMarker[] markers(IFile file) {
		try {
			return file.findMarkers(ReferenceMarkers.TYPE, false, IResource.DEPTH_ZERO);
		} catch (CoreException e) {
			throw new AssertionError(e);
		}
	}
}
