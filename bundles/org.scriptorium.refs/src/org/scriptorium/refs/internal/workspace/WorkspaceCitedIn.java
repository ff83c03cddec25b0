package org.scriptorium.refs.internal.workspace;

import org.scriptorium.refs.internal.FileCitedIn;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Path;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.refs.ReferenceFiles;
import org.scriptorium.refs.ReferenceResolver;
import org.scriptorium.refs.References;
import org.scriptorium.search.CitedIn;

/**
 * {@code citedin:} in the workbench: a workspace path ({@code /project/folder/draft.tex}; the leading slash may be
 * left out). Contributed to {@code org.scriptorium.search.citedIn}.
 */
public final class WorkspaceCitedIn implements CitedIn {

	@Override
	public Collection<String> paperIds(String location, ICorpus corpus) throws UnknownLocationException {
		IResource resource = ResourcesPlugin.getWorkspace().getRoot().findMember(new Path(location));
		if (resource == null || !resource.isAccessible()) {
			throw new UnknownLocationException("citedin: the workspace has no file or folder " + location //$NON-NLS-1$
					+ " (write a workspace path such as /project/paper/draft.tex)"); //$NON-NLS-1$
		}
		ReferenceResolver resolver = new ReferenceResolver(corpus);
		Set<String> ids = new LinkedHashSet<>();
		try {
			for (IFile file : files(resource)) {
				String text = text(file);
				if (text != null) {
					FileCitedIn.addResolved(References.find(text), resolver, ids);
				}
			}
		} catch (CoreException | IOException e) {
			throw new UnknownLocationException("citedin: " + location + " cannot be read: " + e.getMessage()); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return ids;
	}

	/** The file itself, or the reference files under a folder or project (derived and hidden ones left out). */
	static Collection<IFile> files(IResource resource) throws CoreException {
		Set<IFile> out = new LinkedHashSet<>();
		if (resource instanceof IFile f) {
			out.add(f);
			return out;
		}
		((IContainer) resource).accept(r -> {
			if (r.isDerived() || r.getName().startsWith(".") && r != resource) { //$NON-NLS-1$
				return false;
			}
			if (r instanceof IFile f && ReferenceFiles.isReferenceFile(f.getName())) {
				out.add(f);
			}
			return true;
		});
		return out;
	}

	/** A workspace file's text ({@link ReferenceFiles#text}), or {@code null} for a binary or too large file. */
	static String text(IFile file) throws CoreException, IOException {
		java.net.URI uri = file.getLocationURI();
		if (uri != null && "file".equals(uri.getScheme()) //$NON-NLS-1$
				&& java.nio.file.Files.size(java.nio.file.Path.of(uri)) > ReferenceFiles.MAX_SIZE) {
			return null;
		}
		try (InputStream in = file.getContents(true)) {
			return ReferenceFiles.text(in.readAllBytes());
		}
	}
}
