package org.scriptorium.launching.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scriptorium.launching.ExperimentMarkers;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.TinyExperiment;
import org.scriptorium.tests.common.launch.ExperimentProjects;

/** Problems of experiment files become markers when files are saved, and go away when fixed. */
@ExtendWith(NoErrorLoggedExtension.class)
class ExperimentMarkersTest {

	private IProject project;

	@BeforeEach
	void setUp() throws CoreException {
		project = ExperimentProjects.project("markers-tests"); //$NON-NLS-1$
		ExperimentMarkers.install(); // the sandbox UI does this at startup
	}

	@AfterEach
	void tearDown() {
		ExperimentMarkers.uninstall();
	}

	private static IMarker[] markers(IFile file) throws Exception {
		Job.getJobManager().join(ExperimentMarkers.JOB_FAMILY, null);
		return file.findMarkers(ExperimentMarkers.MARKER_TYPE, true, IResource.DEPTH_ZERO);
	}

	@Test
	void savingAnInvalidFileMarksEveryProblemWithItsLine() throws Exception {
		IFile file = ExperimentProjects.write(project, "bad.moe.json", //$NON-NLS-1$
				"{\n  \"name\": \"bad\",\n  \"strategy\": {\"type\": \"switch\", \"capacityFactor\": -1},\n" //$NON-NLS-1$
						+ "  \"training\": {\"epochs\": 0}\n}\n"); //$NON-NLS-1$

		IMarker[] markers = markers(file);

		assertEquals(2, markers.length, Arrays.toString(markers));
		Arrays.sort(markers, (a, b) -> a.getAttribute(IMarker.LINE_NUMBER, 0) - b.getAttribute(IMarker.LINE_NUMBER, 0));
		assertEquals(3, markers[0].getAttribute(IMarker.LINE_NUMBER, 0));
		assertTrue(markers[0].getAttribute(IMarker.MESSAGE, "").contains("capacityFactor"), //$NON-NLS-1$ //$NON-NLS-2$
				markers[0].getAttribute(IMarker.MESSAGE, "")); //$NON-NLS-1$
		assertEquals("strategy.capacityFactor", markers[0].getAttribute(ExperimentMarkers.ATTR_JSON_PATH, "")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(IMarker.SEVERITY_ERROR, markers[0].getAttribute(IMarker.SEVERITY, -1));
		assertEquals(4, markers[1].getAttribute(IMarker.LINE_NUMBER, 0));
		assertTrue(markers[1].isSubtypeOf(IMarker.PROBLEM));

		ExperimentProjects.write(project, "bad.moe.json", TinyExperiment.json("bad")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(0, markers(file).length, "fixing the file removes its markers"); //$NON-NLS-1$
	}

	@Test
	void installingValidatesTheFilesAlreadyInTheWorkspace() throws Exception {
		ExperimentMarkers.uninstall();
		IFile file = ExperimentProjects.write(project, "before.moe.json", //$NON-NLS-1$
				TinyExperiment.json("before").replaceFirst("\\{\n", "{\n  \"colour\": 1,\n")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		file.deleteMarkers(ExperimentMarkers.MARKER_TYPE, false, IResource.DEPTH_ZERO);
		assertEquals(0, markers(file).length);

		ExperimentMarkers.install();

		IMarker[] markers = markers(file);
		assertEquals(1, markers.length, Arrays.toString(markers));
		assertEquals(2, markers[0].getAttribute(IMarker.LINE_NUMBER, 0));
		assertTrue(markers[0].getAttribute(IMarker.MESSAGE, "").contains("colour"), //$NON-NLS-1$ //$NON-NLS-2$
				markers[0].getAttribute(IMarker.MESSAGE, "")); //$NON-NLS-1$
	}

	@Test
	void otherJsonFilesAreLeftAlone() throws Exception {
		IFile file = ExperimentProjects.write(project, "other.json", "{\"name\": 1}"); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(0, markers(file).length);
		assertEquals(1, ExperimentMarkers.update(ExperimentProjects.write(project, "x.moe.json", "{\"name\": }")), //$NON-NLS-1$ //$NON-NLS-2$
				"a syntax error is one problem"); //$NON-NLS-1$
	}
}
