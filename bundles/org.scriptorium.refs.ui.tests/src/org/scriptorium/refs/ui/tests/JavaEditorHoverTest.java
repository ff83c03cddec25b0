package org.scriptorium.refs.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;

import org.eclipse.jdt.internal.ui.text.java.hover.BestMatchHover;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.ui.IEditorPart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.ui.EditorProject;
import org.scriptorium.tests.common.ui.Editors;
import org.scriptorium.tests.common.ui.UiWait;

/**
 * Issue 20, item 3: hovering over an arXiv id in a Java file's comment in JDT's Java editor shows the paper. JDT's
 * default hover ("Combined Hover", {@code BestMatchHover}) asks the contributed hovers in turn, ours among them.
 */
@ExtendWith(NoErrorLoggedExtension.class)
class JavaEditorHoverTest {

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
}
