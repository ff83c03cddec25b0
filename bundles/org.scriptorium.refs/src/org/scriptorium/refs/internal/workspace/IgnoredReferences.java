package org.scriptorium.refs.internal.workspace;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ProjectScope;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.osgi.service.prefs.BackingStoreException;
import org.scriptorium.refs.Reference;
import org.scriptorium.refs.ReferenceKind;
import org.scriptorium.refs.RefsPreferences;

/**
 * The references a project's checks leave out ("Ignore this reference"): the project preference
 * {@link RefsPreferences#IGNORED_REFERENCES}, stored in {@code .settings/org.scriptorium.refs.prefs} of the project
 * (so it can be shared with the project), as space-separated entries {@code arxiv:2401.06066}, {@code doi:10.1/x},
 * {@code cite:key}. The checks re-check a project's files when that file changes.
 */
public final class IgnoredReferences {

	private IgnoredReferences() {
	}

	/** The entry of a reference: {@code arxiv:}, {@code doi:} or {@code cite:} and its normalised id. */
	public static String entry(ReferenceKind kind, String id) {
		return prefix(kind) + id;
	}

	/** The entry of a reference. */
	public static String entry(Reference reference) {
		return entry(reference.kind(), reference.id());
	}

	private static String prefix(ReferenceKind kind) {
		return switch (kind) {
			case ARXIV -> "arxiv:"; //$NON-NLS-1$
			case DOI -> "doi:"; //$NON-NLS-1$
			case CITE_KEY -> "cite:"; //$NON-NLS-1$
		};
	}

	/** The entries a project ignores, in the order they were added (empty for a closed or missing project). */
	public static Set<String> of(IProject project) {
		if (!project.isAccessible()) {
			return Set.of();
		}
		String value = node(project).get(RefsPreferences.IGNORED_REFERENCES, ""); //$NON-NLS-1$
		return Arrays.stream(value.strip().split("\\s+")).filter(s -> !s.isEmpty()) //$NON-NLS-1$
				.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	/** Adds an entry to the project's ignored references and saves them. */
	public static void add(IProject project, String entry) throws CoreException {
		Set<String> entries = new LinkedHashSet<>(of(project));
		entries.add(entry);
		set(project, entries);
	}

	/** Replaces the project's ignored references and saves them (none: the preference is removed). */
	public static void set(IProject project, Collection<String> entries) throws CoreException {
		IEclipsePreferences node = node(project);
		if (entries.isEmpty()) {
			node.remove(RefsPreferences.IGNORED_REFERENCES);
		} else {
			node.put(RefsPreferences.IGNORED_REFERENCES, String.join(" ", entries)); //$NON-NLS-1$
		}
		try {
			node.flush();
		} catch (BackingStoreException e) {
			throw new CoreException(Status.error(String.format(Locale.ROOT,
					"The ignored paper references of project %s could not be saved: %s", //$NON-NLS-1$
					project.getName(), e.getMessage()), e));
		}
	}

	private static IEclipsePreferences node(IProject project) {
		return new ProjectScope(project).getNode(RefsPreferences.QUALIFIER);
	}
}
