package org.scriptorium.ui.internal.papers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.dialogs.ElementTreeSelectionDialog;
import org.eclipse.ui.model.BaseWorkbenchContentProvider;
import org.eclipse.ui.model.WorkbenchLabelProvider;
import org.eclipse.ui.views.navigator.ResourceComparator;

/**
 * Chooses a corpus file for the import wizard: the corpus files of the workspace and a name for a new one in each
 * project, a workspace tree of folders and corpus files, or a file of the file system inside a project.
 */
final class CorpusFileChooser {

	/** The name offered for a new corpus file in a project or folder. */
	static final String NEW_FILE_NAME = "papers." + CorpusFiles.EXTENSION; //$NON-NLS-1$

	private CorpusFileChooser() {
	}

	/**
	 * The workspace paths to offer: the corpus files of the workspace, then {@code /project/papers.jsonl} for each
	 * open project that has no file of that name.
	 */
	static List<String> offered() {
		List<String> out = new ArrayList<>();
		CorpusFiles.inWorkspace().forEach(f -> out.add(f.getFullPath().toString()));
		for (IProject p : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
			String path = p.getFullPath().append(NEW_FILE_NAME).toString();
			if (p.isAccessible() && !out.contains(path)) {
				out.add(path);
			}
		}
		return out;
	}

	/**
	 * Lets the user choose a corpus file, or a project or folder for a new one, in a tree of the workspace.
	 *
	 * @return the workspace path of the corpus file, or null if cancelled
	 */
	static String browseWorkspace(Shell shell, String current) {
		ElementTreeSelectionDialog dialog = new ElementTreeSelectionDialog(shell, new WorkbenchLabelProvider(),
				new BaseWorkbenchContentProvider());
		dialog.setTitle(Messages.Import_browseWorkspaceTitle);
		dialog.setMessage(Messages.Import_browseWorkspaceMessage);
		dialog.setInput(ResourcesPlugin.getWorkspace().getRoot());
		dialog.setComparator(new ResourceComparator(ResourceComparator.NAME));
		dialog.setAllowMultiple(false);
		dialog.addFilter(new ViewerFilter() {
			@Override
			public boolean select(Viewer viewer, Object parent, Object element) {
				return element instanceof IContainer c && c.isAccessible()
						|| element instanceof IFile f && CorpusFiles.EXTENSION.equals(f.getFileExtension())
								&& CorpusFiles.isCorpusFile(f);
			}
		});
		dialog.setValidator(selection -> selection.length == 1 && selection[0] instanceof IResource r
				&& r.getType() != IResource.ROOT
						? Status.info(target(r))
						: Status.error(Messages.Import_browseWorkspaceMessage));
		IResource initial = current == null || current.isBlank()
				? null
				: ResourcesPlugin.getWorkspace().getRoot().findMember(IPath.fromPortableString(current.strip()));
		if (initial != null) {
			dialog.setInitialSelection(initial);
		}
		if (dialog.open() != Window.OK || !(dialog.getFirstResult() instanceof IResource chosen)) {
			return null;
		}
		return target(chosen);
	}

	/** The corpus file a chosen resource stands for: the file itself, or a new file in the container. */
	static String target(IResource chosen) {
		return chosen instanceof IContainer c
				? c.getFullPath().append(NEW_FILE_NAME).toString()
				: chosen.getFullPath().toString();
	}

	/**
	 * Lets the user choose a corpus file of the file system.
	 *
	 * @return the chosen file, or null if cancelled
	 */
	static Path browseFileSystem(Shell shell) {
		FileDialog dialog = new FileDialog(shell, SWT.SAVE);
		dialog.setText(Messages.Import_browseFileSystemTitle);
		dialog.setFilterExtensions(new String[]{"*." + CorpusFiles.EXTENSION, "*"}); //$NON-NLS-1$ //$NON-NLS-2$
		dialog.setOverwrite(false);
		String chosen = dialog.open();
		return chosen == null ? null : Path.of(chosen);
	}

	/** The workspace path of a file of the file system inside an open project, or null if it is in none. */
	static String workspacePath(Path file) {
		for (IFile f : ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(file.toUri())) {
			if (f.getProject().isAccessible()) {
				return f.getFullPath().toString();
			}
		}
		return null;
	}
}
