package org.scriptorium.sandbox.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.sandbox.ui.SandboxUI;
import org.scriptorium.sandbox.ui.internal.results.LaunchRecord;
import org.scriptorium.sandbox.ui.internal.results.ResultsView;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.launch.ExperimentProjects;
import org.scriptorium.tests.common.ui.Widgets;

/**
 * A retrieval-routing experiment (issue 8) run with Run As in the workbench: the child finds the task of the dense
 * bundle on a class path computed from the bundle wiring, and the Results view charts nDCG@10 per expert and router
 * and the experts each router chose.
 */
@ExtendWith(NoErrorLoggedExtension.class)
class RetrievalRoutingResultsTest {

	private static final String[][] DOCS = {
			{"Switch Transformers", "A sparse mixture-of-experts layer sends each token to a single expert."},
			{"Load balancing", "An auxiliary loss spreads tokens evenly over the experts of a sparse model."},
			{"Folic acid and kidney disease", "Folic acid and vitamin B12 did not slow chronic kidney disease."},
			{"Statins after infarction", "Statin therapy reduced the risk of a second heart attack."},
			{"Drought and roots", "When soil dries, plants send roots deeper to find water."},
			{"Pollinator decline", "Fewer bees threaten the yield of fruit and vegetable crops."}};
	private static final String[] QUERIES = {"one expert per token in sparse models", "keep experts evenly loaded",
			"vitamin B12 kidney disease", "cholesterol drugs prevent another heart attack",
			"roots grow deeper in dry soil",
			"bees and harvests"};

	private IProject project;

	@AfterEach
	void tearDown() throws Exception {
		Launches.cleanUpResultsTest(project);
	}

	private void write(IFile file, String content) throws Exception {
		file.create(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
	}

	@Test
	void runAsShowsNdcgPerSystemAndChosenExpertsInTheResultsView(@TempDir Path temp) throws Exception {
		project = ExperimentProjects.project("routing-results-tests"); //$NON-NLS-1$
		IFolder data = project.getFolder("data"); //$NON-NLS-1$
		data.create(true, true, null);
		StringBuilder corpus = new StringBuilder();
		StringBuilder queries = new StringBuilder();
		StringBuilder qrels = new StringBuilder("query-id\tcorpus-id\tscore\n"); //$NON-NLS-1$
		for (int i = 0; i < DOCS.length; i++) {
			corpus.append(String.format("{\"_id\": \"d%d\", \"title\": \"%s\", \"text\": \"%s\"}%n", i, DOCS[i][0], //$NON-NLS-1$
					DOCS[i][1]));
			queries.append(String.format("{\"_id\": \"q%d\", \"text\": \"%s\"}%n", i, QUERIES[i])); //$NON-NLS-1$
			qrels.append("q").append(i).append("\td").append(i).append("\t1\n"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		write(data.getFile("corpus.jsonl"), corpus.toString()); //$NON-NLS-1$
		write(data.getFile("queries.jsonl"), queries.toString()); //$NON-NLS-1$
		write(data.getFile("qrels.tsv"), qrels.toString()); //$NON-NLS-1$
		IFile file = project.getFile("routing-tiny.moe.json"); //$NON-NLS-1$
		write(file, """
				{
				  "name": "routing-tiny",
				  "task": {
				    "kind": "retrieval-routing",
				    "dataDir": "data",
				    "corpus": "corpus.jsonl",
				    "queries": "queries.jsonl",
				    "qrels": "qrels.tsv",
				    "experts": ["bm25", "minilm"],
				    "folds": 2,
				    "vectorCache": "%s"
				  }
				}
				""".formatted(temp.resolve("vectors").toString())); //$NON-NLS-1$

		Launches.awaitSuccess(Launches.runAs(file), Duration.ofSeconds(240));

		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		ResultsView view = Launches.showResults();
		LaunchRecord launch = Launches.awaitLaunch(view, "routing-tiny"); //$NON-NLS-1$
		assertEquals("SUCCEEDED", launch.status(), launch.reason()); //$NON-NLS-1$
		assertEquals("retrieval-routing", launch.strategy()); //$NON-NLS-1$

		Shell shell = view.getSite().getShell();
		page.activate(view);
		Launches.select(view, launch);

		assertNotNull(Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, ResultsView.ID_DIFFICULTY, Label.class).getImage(),
				"the nDCG@10 chart is shown"); //$NON-NLS-1$
		Map<String, Double> ndcg = view.difficultyValues().get("nDCG@10"); //$NON-NLS-1$
		assertEquals(List.of("bm25", "minilm", "best-single", "fusion", "classifier", "pilot", "oracle"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$
				List.copyOf(ndcg.keySet()));
		for (var e : ndcg.entrySet()) {
			assertEquals(launch.metric("test.ndcg10." + e.getKey()), e.getValue(), 1e-12, e.getKey()); //$NON-NLS-1$
		}
		assertNotNull(Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, ResultsView.ID_LOAD, Label.class).getImage(),
				"the chosen-experts chart is shown"); //$NON-NLS-1$
		Map<String, Map<String, Double>> chosen = view.loadValues();
		assertEquals(List.of("bm25", "minilm"), List.copyOf(chosen.keySet())); //$NON-NLS-1$ //$NON-NLS-2$
		for (String router : List.of("best-single", "classifier", "pilot", "oracle")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			double sum = 0;
			for (String expert : chosen.keySet()) {
				double share = chosen.get(expert).getOrDefault(router, 0.0);
				assertEquals(launch.metric("test.chosen." + router + "." + expert), share, 1e-12, router); //$NON-NLS-1$ //$NON-NLS-2$
				sum += share;
			}
			assertEquals(1.0, sum, 1e-9, router + " routes every query"); //$NON-NLS-1$
		}
		assertTrue(launch.metric("test.ndcg10.oracle") >= launch.metric("test.ndcg10.pilot")); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
