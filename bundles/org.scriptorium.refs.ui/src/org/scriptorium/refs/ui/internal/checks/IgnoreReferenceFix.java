package org.scriptorium.refs.ui.internal.checks;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.eclipse.osgi.util.NLS;
import org.scriptorium.refs.internal.workspace.IgnoredReferences;
import org.scriptorium.refs.ui.internal.ActiveCorpus;
import org.scriptorium.refs.ui.internal.Messages;
import org.scriptorium.ui.internal.jobs.JobUtil;

/**
 * Ignores the reference in the marker's project: adds it to the project's ignored references
 * ({@link IgnoredReferences}, {@code .settings/org.scriptorium.refs.prefs}), in a job; the checks then re-check the
 * project, so its markers for that reference go and do not come back at the next save. Preferences &gt; Scriptorium
 * &gt; References removes it again.
 */
final class IgnoreReferenceFix extends ReferenceFix {

	private final String entry;

	IgnoreReferenceFix(String entry) {
		super(Messages.Fix_ignore, NLS.bind(Messages.Fix_ignoreDescription, entry), 10);
		this.entry = entry;
	}

	@Override
	public void run(IMarker marker) {
		IProject project = marker.getResource().getProject();
		JobUtil.schedule(getLabel(), ActiveCorpus.JOB_FAMILY, monitor -> {
			try {
				IgnoredReferences.add(project, entry);
				return Status.OK_STATUS;
			} catch (CoreException e) {
				return e.getStatus();
			}
		});
	}
}
