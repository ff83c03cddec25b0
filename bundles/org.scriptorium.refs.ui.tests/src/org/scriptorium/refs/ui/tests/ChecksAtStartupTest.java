package org.scriptorium.refs.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.Bundle;
import org.scriptorium.refs.ui.internal.checks.ChecksStartup;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.ui.EditorProject;
import org.scriptorium.tests.common.ui.UiWait;

/**
 * Issue 20, item 5: the reference checks run from the start of the workbench, started by the references UI's
 * start-up (not only once something else happened to load the lazily activated references bundle): a Markdown file
 * saved with a cite key no corpus knows gets its warning.
 */
@ExtendWith(NoErrorLoggedExtension.class)
class ChecksAtStartupTest {

	private static final String MARKER_TYPE = "org.scriptorium.refs.unresolvedReference"; //$NON-NLS-1$

	@RegisterExtension
	final EditorProject project = new EditorProject("checks-at-startup"); //$NON-NLS-1$

	@Test
	void theWorkbenchStartsTheChecksAndASavedFileGetsItsWarning() throws Exception {
		// the workbench runs the start-ups in a job after it has opened its window
		UiWait.until("the workbench ran the references' start-up", ChecksStartup::ran); //$NON-NLS-1$
		assertEquals(Bundle.ACTIVE, Platform.getBundle("org.scriptorium.refs").getState(), //$NON-NLS-1$
				"the start-up activated the references bundle"); //$NON-NLS-1$

		IFile file = project.write("notes.md", "# Notes\n\nRouting as in [@nobody2099imaginary].\n"); //$NON-NLS-1$ //$NON-NLS-2$
		UiWait.until("the saved file has its warning", () -> markers(file).length == 1); //$NON-NLS-1$
		IMarker marker = markers(file)[0];
		assertEquals(IMarker.SEVERITY_WARNING, marker.getAttribute(IMarker.SEVERITY, -1));
		assertEquals(3, marker.getAttribute(IMarker.LINE_NUMBER, -1));
		assertEquals("Cite key nobody2099imaginary is no paper of the active corpus", //$NON-NLS-1$
				marker.getAttribute(IMarker.MESSAGE, "")); //$NON-NLS-1$
	}

	private static IMarker[] markers(IFile file) {
		try {
			return file.findMarkers(MARKER_TYPE, false, IResource.DEPTH_ZERO);
		} catch (CoreException e) {
			throw new AssertionError(e);
		}
	}
}
