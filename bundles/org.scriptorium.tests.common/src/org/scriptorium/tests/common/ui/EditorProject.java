package org.scriptorium.tests.common.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A workspace project for the editor tests of the workbench, as a JUnit extension
 * ({@code @RegisterExtension final EditorProject project = new EditorProject("name");}): created and opened before
 * each test, its editors closed (unsaved changes dropped) and the project deleted after it. Files are written as a
 * user's tool would write them and opened as a double-click in the Project Explorer opens them (the default editor
 * of the file's content type). {@link Editors} reaches into the opened editors.
 */
public final class EditorProject implements BeforeEachCallback, AfterEachCallback {

	private final String name;
	private IProject project;
	private IWorkbenchPage page;

	public EditorProject(String name) {
		this.name = name;
	}

	@Override
	public void beforeEach(ExtensionContext context) throws CoreException {
		project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
		if (!project.exists()) {
			project.create(null);
		}
		project.open(null);
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	@Override
	public void afterEach(ExtensionContext context) throws CoreException {
		page.closeAllEditors(false);
		project.delete(true, true, null);
	}

	/** The project. */
	public IProject project() {
		return project;
	}

	/** The workbench page the editors open in. */
	public IWorkbenchPage page() {
		return page;
	}

	/** Creates {@code path} (relative to the project; its folder must exist) with {@code content} in UTF-8. */
	public IFile write(String path, String content) throws CoreException {
		IFile file = project.getFile(path);
		file.create(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
		return file;
	}

	/** Opens a file in the default editor of its content type, as a double-click in the Project Explorer does. */
	public IEditorPart open(IFile file) throws CoreException {
		return IDE.openEditor(page, file);
	}

	/** {@link #write} and {@link #open} a file. */
	public IEditorPart open(String path, String content) throws CoreException {
		return open(write(path, content));
	}
}
