package org.scriptorium.ui.tests.pages;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.scriptorium.core.corpus.JsonlCorpus;
import org.scriptorium.core.model.Paper;

/**
 * A workspace project holding a corpus file, as the import wizard tests need it: created and refreshed before a test,
 * deleted after it.
 */
public final class CorpusProject {

	private final IProject project;
	private final Path file;

	private CorpusProject(IProject project, Path file) {
		this.project = project;
		this.file = file;
	}

	/** Creates the open project {@code name} with the corpus file {@code fileName} holding {@code papers}. */
	public static CorpusProject create(String name, String fileName, List<Paper> papers) throws Exception {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
		project.create(null);
		project.open(null);
		Path file = project.getLocation().toPath().resolve(fileName);
		JsonlCorpus.write(file, papers);
		project.refreshLocal(IResource.DEPTH_INFINITE, null);
		return new CorpusProject(project, file);
	}

	public IProject project() {
		return project;
	}

	/** The corpus file in the file system. */
	public Path file() {
		return file;
	}

	/** The corpus file's workspace path, as the import wizard's corpus field takes it: {@code /project/name.jsonl}. */
	public String workspacePath() {
		return "/" + project.getName() + "/" + file.getFileName(); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** Deletes the project and its files. */
	public void delete() throws CoreException {
		project.delete(true, true, null);
	}
}
