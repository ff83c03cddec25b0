package org.scriptorium.refs.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scriptorium.refs.ui.RefsUI;
import org.scriptorium.tests.common.NoErrorLoggedExtension;

/**
 * Issue 20, item 1: the files researchers write open in the IDE product's editors as a double-click in the Project
 * Explorer opens them (the default editor of the file's content type): LaTeX, Markdown and Python in the Generic
 * Editor, Java in JDT's Java editor, experiment files keep their own content type.
 */
@ExtendWith(NoErrorLoggedExtension.class)
class ProductEditorsTest {

	private static final String JAVA_EDITOR = "org.eclipse.jdt.ui.CompilationUnitEditor"; //$NON-NLS-1$

	private IProject project;
	private IWorkbenchPage page;

	@BeforeEach
	void setUp() throws CoreException {
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("product-editors"); //$NON-NLS-1$
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

	@ParameterizedTest(name = "{0} opens in {2}")
	@CsvSource(delimiter = '|', value = {
			"train.py | # Implements arXiv:2401.06066 (DeepSeekMoE)\\nimport torch\\n | " + RefsUI.GENERIC_EDITOR_ID
					+ " | " + RefsUI.PYTHON_CONTENT_TYPE,
			"paper.tex | Shared experts \\cite{dai2024deepseekmoe}.\\n | " + RefsUI.GENERIC_EDITOR_ID + " | "
					+ RefsUI.LATEX_CONTENT_TYPE,
			"notes.md | # Notes\\nSee [@fedus2022switch].\\n | " + RefsUI.GENERIC_EDITOR_ID + " | "
					+ RefsUI.MARKDOWN_CONTENT_TYPE,
			"Router.java | /** Implements arXiv:2401.06066. */\\nclass Router {}\\n | " + JAVA_EDITOR
					+ " | org.eclipse.jdt.core.javaSource",
			"e1.moe.json | {\"name\": \"e1\"}\\n | " + RefsUI.GENERIC_EDITOR_ID
					+ " | org.scriptorium.launching.experiment"})
	void aFileOpensInItsEditor(String name, String content, String editorId, String contentTypeId)
			throws CoreException {
		IFile file = project.getFile(name);
		String text = content.replace("\\n", "\n"); //$NON-NLS-1$ //$NON-NLS-2$
		file.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
		assertEquals(contentTypeId, file.getContentDescription().getContentType().getId());

		IEditorPart editor = IDE.openEditor(page, file);
		assertEquals(editorId, editor.getSite().getId());
		StyledText styled = (StyledText) editor.getAdapter(Control.class);
		assertTrue(styled.getText().startsWith(text.substring(0, 10)), styled.getText());
	}
}
