package org.scriptorium.launching.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scriptorium.launching.ExperimentExamples;
import org.scriptorium.launching.ExperimentLaunching;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.TinyExperiment;
import org.scriptorium.tests.common.launch.ExperimentProjects;

/** The Scriptorium Examples project holds the shipped examples, valid, and keeps the user's edits. */
@ExtendWith(NoErrorLoggedExtension.class)
class ExperimentExamplesTest {

	@Test
	void examplesProjectHoldsEveryShippedExampleAndKeepsEdits() throws Exception {
		List<String> names = ExperimentExamples.examples().stream().map(ExperimentExamples::fileName).toList();
		assertEquals(
				List.of("e1-topk-vs-topp.moe.json", "e2-micro-vs-global-lbl.moe.json", "e3-capacity-routers.moe.json", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						"e4-thor.moe.json", "e5-deepseek-shared.moe.json", "e8-router-retriever-scifact.moe.json", //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
						"e9-pytorch-topk-vs-topp.moe.json"), //$NON-NLS-1$
				names);

		IProject project = ExperimentExamples.createProject(null);

		assertEquals(ExperimentExamples.PROJECT_NAME, project.getName());
		for (String name : names) {
			IFile file = project.getFile(name);
			assertTrue(file.exists(), name);
			ExperimentLaunching.validate(file, java.util.Map.of()); // throws if the engine refuses it
		}
		IFile e1 = project.getFile(names.get(0));
		ExperimentProjects.write(project, e1.getName(), TinyExperiment.json("edited")); //$NON-NLS-1$
		project.getFile(names.get(1)).delete(true, null);

		ExperimentExamples.createProject(null);

		assertTrue(new String(e1.getContents().readAllBytes(), StandardCharsets.UTF_8).contains("\"edited\""), //$NON-NLS-1$
				"an edited example is kept"); //$NON-NLS-1$
		assertTrue(project.getFile(names.get(1)).exists(), "a deleted example comes back"); //$NON-NLS-1$
	}
}
