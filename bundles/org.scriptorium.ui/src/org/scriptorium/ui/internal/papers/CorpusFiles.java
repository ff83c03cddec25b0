package org.scriptorium.ui.internal.papers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceProxy;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.content.IContentDescription;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.scriptorium.ui.IPapersView;
import org.scriptorium.ui.ScriptoriumUI;
import org.scriptorium.ui.internal.jobs.JobUtil;

/** User corpus files: those in the workspace, their content digests, and telling the views when one changed. */
public final class CorpusFiles {

	/** The extension of corpus files. */
	public static final String EXTENSION = "jsonl"; //$NON-NLS-1$

	private CorpusFiles() {
	}

	/**
	 * The corpus files of the open projects in the workspace, by workspace path: {@code *.jsonl} files of the corpus
	 * file content type (or whose content cannot be read now), not BEIR queries or run metrics.
	 */
	public static List<IFile> inWorkspace() {
		List<IFile> out = new ArrayList<>();
		try {
			ResourcesPlugin.getWorkspace().getRoot().accept((IResourceProxy proxy) -> {
				if (proxy.getType() == IResource.FILE && proxy.getName().endsWith("." + EXTENSION) //$NON-NLS-1$
						&& isCorpusFile((IFile) proxy.requestResource())) {
					out.add((IFile) proxy.requestResource());
				}
				return !proxy.isDerived();
			}, IResource.NONE);
		} catch (CoreException e) {
			// a closed or vanished project: list what could be visited
		}
		out.sort((a, b) -> a.getFullPath().toString().compareToIgnoreCase(b.getFullPath().toString()));
		return out;
	}

	/** Whether a workspace file is a corpus file by its content type (an empty or unreadable file may become one). */
	static boolean isCorpusFile(IFile file) {
		try {
			IContentDescription d = file.getContentDescription();
			if (d != null) {
				return d.getContentType().getId().equals(ScriptoriumUI.CORPUS_CONTENT_TYPE_ID);
			}
			return file.getLocation() == null || file.getLocation().toFile().length() == 0;
		} catch (CoreException e) {
			return true; // out of sync or unreadable: offer it, the import reports what is wrong with it
		}
	}

	/** SHA-256 of the file's bytes, or null if it does not exist. */
	static byte[] digest(Path file) throws IOException {
		if (!Files.exists(file)) {
			return null;
		}
		try {
			return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)); //$NON-NLS-1$
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	static boolean same(byte[] a, byte[] b) {
		return Arrays.equals(a, b);
	}

	/**
	 * Tells the workbench that the corpus file changed on disk: the workspace file (if any) is refreshed in a job and
	 * every Papers view showing the file reloads it and selects {@code revealId} (may be null).
	 */
	public static void changed(Path file, String revealId) {
		Job refresh = JobUtil.create(Messages.CorpusFiles_refreshJob, null, monitor -> {
			try {
				for (IFile f : ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(file.toUri())) {
					f.refreshLocal(IResource.DEPTH_ZERO, monitor);
				}
				return Status.OK_STATUS;
			} catch (CoreException e) {
				return e.getStatus();
			}
		});
		refresh.setSystem(true);
		refresh.schedule();
		PlatformUI.getWorkbench().getDisplay().asyncExec(() -> {
			for (IWorkbenchWindow window : PlatformUI.getWorkbench().getWorkbenchWindows()) {
				for (IWorkbenchPage page : window.getPages()) {
					for (IViewReference ref : page.getViewReferences()) {
						IPapersView view = ScriptoriumUI.PAPERS_VIEW_ID.equals(ref.getId())
								? IPapersView.of(ref.getPart(false))
								: null;
						if (view != null && isShowing(view, file)) {
							view.openCorpusFile(file, revealId);
						}
					}
				}
			}
		});
	}

	private static boolean isShowing(IPapersView view, Path file) {
		Path shown = view.corpusFile();
		try {
			return shown != null && (shown.equals(file) || Files.isSameFile(shown, file));
		} catch (IOException e) {
			return false;
		}
	}
}
