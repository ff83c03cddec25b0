package org.scriptorium.refs.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.scriptorium.core.model.ICorpus;
import org.scriptorium.refs.Reference;
import org.scriptorium.refs.ReferenceFiles;
import org.scriptorium.refs.ReferenceResolver;
import org.scriptorium.refs.References;
import org.scriptorium.refs.Resolution;
import org.scriptorium.search.CitedIn;

/** {@code citedin:} on file-system paths (the command line): relative paths from a base folder. */
public final class FileCitedIn implements CitedIn {

	private final Path base;

	public FileCitedIn(Path base) {
		this.base = base;
	}

	@Override
	public Collection<String> paperIds(String location, ICorpus corpus) throws UnknownLocationException {
		Path path;
		try {
			path = base.resolve(location);
		} catch (InvalidPathException e) {
			throw new UnknownLocationException("citedin: '" + location + "' is not a path: " + e.getReason()); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (!Files.exists(path)) {
			throw new UnknownLocationException("citedin: no file or folder " + path); //$NON-NLS-1$
		}
		ReferenceResolver resolver = new ReferenceResolver(corpus);
		Set<String> ids = new LinkedHashSet<>();
		try {
			for (Path file : ReferenceFiles.files(path)) {
				String text = ReferenceFiles.read(file);
				if (text != null) {
					addResolved(References.find(text), resolver, ids);
				}
			}
		} catch (IOException e) {
			throw new UnknownLocationException("citedin: " + path + " cannot be read: " + e.getMessage()); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return ids;
	}

	/** Adds the ids of the papers the references resolve to (reference-only papers too). */
	public static void addResolved(Iterable<Reference> references, ReferenceResolver resolver, Set<String> ids) {
		for (Reference r : references) {
			Resolution res = resolver.resolve(r);
			if (res.isKnown()) {
				ids.add(res.paper().id());
			}
		}
	}
}
