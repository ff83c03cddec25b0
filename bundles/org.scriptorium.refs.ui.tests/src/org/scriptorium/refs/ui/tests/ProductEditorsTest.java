package org.scriptorium.refs.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.ui.IEditorPart;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scriptorium.refs.ui.RefsUI;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.ui.EditorProject;
import org.scriptorium.tests.common.ui.Editors;

/**
 * Issue 20, item 1: the files researchers write open in the IDE product's editors as a double-click in the Project
 * Explorer opens them (the default editor of the file's content type): LaTeX, Markdown and Python in the Generic
 * Editor, Java in JDT's Java editor, experiment files keep their own content type.
 */
@ExtendWith(NoErrorLoggedExtension.class)
class ProductEditorsTest {

	private static final String JAVA_EDITOR = "org.eclipse.jdt.ui.CompilationUnitEditor"; //$NON-NLS-1$

	@RegisterExtension
	final EditorProject project = new EditorProject("product-editors"); //$NON-NLS-1$

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
		String text = content.replace("\\n", "\n"); //$NON-NLS-1$ //$NON-NLS-2$
		IFile file = project.write(name, text);
		assertEquals(contentTypeId, file.getContentDescription().getContentType().getId());

		IEditorPart editor = project.open(file);
		assertEquals(editorId, editor.getSite().getId());
		StyledText styled = Editors.text(editor);
		assertTrue(styled.getText().startsWith(text.substring(0, 10)), styled.getText());
	}
}
