package org.scriptorium.sandbox.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.launching.ExperimentLaunching;
import org.scriptorium.sandbox.ui.SandboxUI;
import org.scriptorium.core.model.Paper;
import org.scriptorium.sandbox.ui.internal.results.CompareDialog;
import org.scriptorium.sandbox.ui.internal.results.LaunchRecord;
import org.scriptorium.sandbox.ui.internal.results.ResultsView;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.TinyExperiment;
import org.scriptorium.tests.common.launch.ExperimentProjects;
import org.scriptorium.ui.ScriptoriumUI;
import org.scriptorium.tests.common.ui.Input;
import org.scriptorium.tests.common.ui.Screenshots;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.tests.common.ui.Widgets;

/** A run through Run As shows in the Results view with its status, metrics and charts; filter and exports. */
@ExtendWith(NoErrorLoggedExtension.class)
class ResultsViewTest {

	private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);

	private IProject project;

	@AfterEach
	void tearDown() throws Exception {
		Launches.cleanUpResultsTest(project);
	}

	@Test
	void finishedRunShowsInTheResultsViewWithChartsAndExports(@TempDir Path temp) throws Exception {
		project = ExperimentProjects.project("results-view-tests"); //$NON-NLS-1$
		// dynamic top-p: the number of activated experts varies with the example, so the charts have something to show
		IFile file = ExperimentProjects.write(project, "results-tiny.moe.json", TinyExperiment.json("results-tiny") //$NON-NLS-1$ //$NON-NLS-2$
				.replace("{ \"type\": \"top-k\", \"k\": 2 }", "{ \"type\": \"top-p\", \"p\": 0.4 }") //$NON-NLS-1$ //$NON-NLS-2$
				.replace("[ { \"type\": \"switch-balance\" } ]", //$NON-NLS-1$
						"[ { \"type\": \"switch-balance\" }, { \"type\": \"entropy\", \"weight\": 0.0001 } ]")); //$NON-NLS-1$

		Launches.awaitSuccess(Launches.runAs(file), RUN_TIMEOUT);

		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		ResultsView view = Launches.showResults();
		LaunchRecord launch = Launches.awaitLaunch(view, "results-tiny"); //$NON-NLS-1$
		assertEquals("SUCCEEDED", launch.status()); //$NON-NLS-1$
		assertEquals("top-p", launch.strategy()); //$NON-NLS-1$
		assertEquals(1, launch.runs().size());
		double avgK = launch.metric("test.avgK"); //$NON-NLS-1$
		assertTrue(avgK >= 1 && avgK <= 4, "top-p activates between one and all four experts: " + avgK); //$NON-NLS-1$
		double accuracy = launch.metric("test.accuracy"); //$NON-NLS-1$
		assertTrue(accuracy > 0 && accuracy <= 1, String.valueOf(accuracy));

		Shell shell = view.getSite().getShell();
		shell.setBounds(0, 0, 1300, 1000);
		page.activate(view);
		page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
		UiWait.flush();
		Launches.select(view, launch);
		Label details = Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, ResultsView.ID_DETAILS, Label.class);
		assertTrue(details.getText().contains("SUCCEEDED") && details.getText().contains("results-tiny"), //$NON-NLS-1$ //$NON-NLS-2$
				details.getText());
		assertTrue(view.curvePoints() > 1, "the curve has the training steps' values: " + view.curvePoints()); //$NON-NLS-1$
		Label curves = Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, ResultsView.ID_CURVES, Label.class);
		Label pareto = Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, ResultsView.ID_PARETO, Label.class);
		assertNotNull(curves.getImage(), "the curves chart is shown"); //$NON-NLS-1$
		assertNotNull(pareto.getImage(), "the accuracy vs activated experts chart is shown"); //$NON-NLS-1$
		assertNotNull(Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, ResultsView.ID_LOAD, Label.class).getImage(),
				"the expert load chart is shown"); //$NON-NLS-1$
		assertNotNull(Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, ResultsView.ID_HEATMAP, Label.class).getImage(),
				"the domain x expert heatmap is shown"); //$NON-NLS-1$
		double[][] matrix = org.scriptorium.sandbox.ui.internal.results.RunHistory.domainExpert(launch,
				launch.runs().get(0).id());
		assertEquals(3, matrix.length, "three domains"); //$NON-NLS-1$
		assertEquals(4, matrix[0].length, "four experts"); //$NON-NLS-1$
		// activated experts per difficulty, as the engine reports them (test.avgK.<level>)
		assertNotNull(Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, ResultsView.ID_DIFFICULTY, Label.class).getImage(),
				"the activated experts per difficulty chart is shown"); //$NON-NLS-1$
		LaunchRecord.Run run = launch.runs().get(0);
		// one series per sweep point; a launch without one is named after its experiment
		Map<String, Double> perLevel = view.difficultyValues().get("results-tiny"); //$NON-NLS-1$
		assertEquals(List.of("easy", "medium", "hard"), List.copyOf(perLevel.keySet())); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		for (String level : perLevel.keySet()) {
			assertEquals(run.metrics().get("test.avgK." + level), perLevel.get(level), 1e-12, level); //$NON-NLS-1$
		}
		// the strategy and the loss with their papers: a link for the paper in the corpus
		Link methods = Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, ResultsView.ID_METHODS, Link.class);
		assertTrue(methods.getText().contains("top-p (arXiv <a href=\"2403.07652\">2403.07652</a>)"), //$NON-NLS-1$
				methods.getText());
		assertTrue(methods.getText().contains("entropy (arXiv <a href=\"2403.07652\">2403.07652</a>)"), //$NON-NLS-1$
				methods.getText());
		assertTrue(methods.getText().contains("switch-balance (arXiv <a href=\"2501.11873\">2501.11873</a>)"), //$NON-NLS-1$
				methods.getText());
		org.eclipse.swt.widgets.Event click = new org.eclipse.swt.widgets.Event();
		click.text = "2501.11873"; //$NON-NLS-1$ as SWTBotLink.click(text) does
		methods.notifyListeners(org.eclipse.swt.SWT.Selection, click);
		UiWait.until("the link selects the paper in the Papers view", //$NON-NLS-1$
				() -> "2501.11873".equals(selectedPaperArxivId(page))); //$NON-NLS-1$
		page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
		page.activate(view);
		UiWait.flush();

		Path png = temp.resolve("curves.png"); //$NON-NLS-1$
		view.exportPng(png);
		byte[] magic = Arrays.copyOf(Files.readAllBytes(png), 4);
		assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G'}, magic);
		Path csv = temp.resolve("results.csv"); //$NON-NLS-1$
		view.exportCsv(csv);
		List<String> lines = Files.readAllLines(csv);
		assertEquals("experiment,strategy,date,status,runs,test.accuracy,test.avgK,reason", lines.get(0)); //$NON-NLS-1$
		assertTrue(lines.stream().anyMatch(l -> l.startsWith("results-tiny,top-p," + launch.date() + ",SUCCEEDED,1,")), //$NON-NLS-1$ //$NON-NLS-2$
				lines.toString());

		String folder = System.getProperty("scriptorium.screenshots"); //$NON-NLS-1$
		if (folder != null) {
			shell.update();
			Path shot = Screenshots.capture(shell, Path.of(folder, "results-view.png")); //$NON-NLS-1$
			assertTrue(Files.size(shot) > 10_000, "a screenshot with content"); //$NON-NLS-1$
		}

		Text filter = Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, ResultsView.ID_FILTER, Text.class);
		filter.setText("no-such-experiment"); //$NON-NLS-1$ as SWTBotText.setText (keyboard focus: see above)
		UiWait.until("the filter hides every launch", () -> view.shown().isEmpty()); //$NON-NLS-1$
	}

	@Test
	void failedLaunchShowsWithItsReasonLastErrorLinesAndPartialCurve() throws Exception {
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		ResultsView view = (ResultsView) page.showView(ResultsView.ID);
		UiWait.jobs(ResultsView.JOB_FAMILY);

		// a launch as the sandbox writes it when its run ran out of memory after three steps
		project = ExperimentProjects.project("results-view-failed"); //$NON-NLS-1$
		IFolder launchFolder = project.getFolder("runs/broken/20261128-090000"); //$NON-NLS-1$
		IFolder run = launchFolder.getFolder("p0000-s1"); //$NON-NLS-1$
		((IFolder) launchFolder.getParent().getParent()).create(true, true, null);
		((IFolder) launchFolder.getParent()).create(true, true, null);
		launchFolder.create(true, true, null);
		run.create(true, true, null);
		write(launchFolder.getFile("experiment.json"), //$NON-NLS-1$
				"{\"name\":\"broken\",\"strategy\":{\"type\":\"expert-choice\"}}"); //$NON-NLS-1$
		write(run.getFile("stderr.log"), //$NON-NLS-1$
				"loading data\njava.lang.OutOfMemoryError: Java heap space\n\tat Router.route\n"); //$NON-NLS-1$
		write(run.getFile("metrics.jsonl"), "{\"event\":\"metric\",\"name\":\"train.ce\",\"step\":1,\"value\":1.2}\n" //$NON-NLS-1$ //$NON-NLS-2$
				+ "{\"event\":\"metric\",\"name\":\"train.aux\",\"step\":1,\"value\":0.01}\n" //$NON-NLS-1$
				+ "{\"event\":\"metric\",\"name\":\"train.ce\",\"step\":2,\"value\":1.1}\n" //$NON-NLS-1$
				+ "{\"event\":\"metric\",\"name\":\"train.ce\",\"step\":3,\"value\":1.0}\n{\"event\":\"met"); //$NON-NLS-1$
		write(launchFolder.getFile("summary.json"), //$NON-NLS-1$
				"{\"experiment\":\"broken\",\"complete\":true,\"runs\":[{\"run\":\"p0000-s1\"," //$NON-NLS-1$
						+ "\"seed\":1,\"status\":\"FAILED\",\"failureKind\":\"oom\",\"message\":\"out of memory (heap 64 MiB)\"," //$NON-NLS-1$
						+ "\"metrics\":{\"train.accuracy\":0.5}}]}"); //$NON-NLS-1$

		UiWait.until("the Results view lists the failed launch when its summary appears", //$NON-NLS-1$
				() -> view.shown().stream().anyMatch(l -> "broken".equals(l.experiment()))); //$NON-NLS-1$
		LaunchRecord launch = view.shown().stream().filter(l -> "broken".equals(l.experiment())).findFirst() //$NON-NLS-1$
				.orElseThrow();
		assertEquals("FAILED", launch.status()); //$NON-NLS-1$
		assertEquals("expert-choice", launch.strategy()); //$NON-NLS-1$
		assertEquals(0.5, launch.metric("train.accuracy"), 1e-9, "the partial metrics are kept"); //$NON-NLS-1$ //$NON-NLS-2$

		Shell shell = view.getSite().getShell();
		page.activate(view);
		page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
		UiWait.flush();
		Text filter = Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, ResultsView.ID_FILTER, Text.class);
		Input.type(filter, "failed expert-choice"); //$NON-NLS-1$
		UiWait.until("the filter keeps the failed launch only", () -> view.shown().equals(List.of(launch))); //$NON-NLS-1$
		Launches.select(view, launch);
		String details = Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, ResultsView.ID_DETAILS, Label.class).getText();
		assertTrue(details.contains("FAILED"), details); //$NON-NLS-1$
		assertTrue(details.contains("p0000-s1: out of memory (heap 64 MiB)"), "the reason: " + details); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(
				details.contains("java.lang.OutOfMemoryError: Java heap space") && details.contains("at Router.route"), //$NON-NLS-1$ //$NON-NLS-2$
				"the last output lines: " + details); //$NON-NLS-1$
		assertEquals(3, view.curvePoints(), "the partial curve: three steps, the truncated line skipped"); //$NON-NLS-1$
		assertEquals(null, Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, ResultsView.ID_HEATMAP, Label.class).getImage(),
				"no heatmap without routing frequencies"); //$NON-NLS-1$
	}

	/** The arXiv id of the paper selected in the Papers view of {@code page}, or null. */
	static String selectedPaperArxivId(IWorkbenchPage page) {
		var papers = page.findView(ScriptoriumUI.PAPERS_VIEW_ID);
		if (papers == null) {
			return null;
		}
		Object selected = ((IStructuredSelection) papers.getSite().getSelectionProvider().getSelection())
				.getFirstElement();
		return selected instanceof Paper paper ? paper.ids().arxiv() : null;
	}

	/** A launch folder as the sandbox writes it: experiment.json, summary.json with one run and its metrics. */
	private IFolder launchFixture(String experiment, String date, String configuration, String metrics)
			throws Exception {
		IFolder launchFolder = project.getFolder("runs/" + experiment + "/" + date); //$NON-NLS-1$ //$NON-NLS-2$
		for (IFolder f : new IFolder[]{project.getFolder("runs"), (IFolder) launchFolder.getParent(), launchFolder}) { //$NON-NLS-1$
			if (!f.exists()) {
				f.create(true, true, null);
			}
		}
		write(launchFolder.getFile("experiment.json"), configuration); //$NON-NLS-1$
		write(launchFolder.getFile("summary.json"), //$NON-NLS-1$
				"{\"experiment\":\"" + experiment + "\",\"complete\":true,\"runs\":[" //$NON-NLS-1$ //$NON-NLS-2$
						+ "{\"run\":\"s1\",\"seed\":1,\"status\":\"SUCCEEDED\",\"message\":\"finished\",\"metrics\":" //$NON-NLS-1$
						+ metrics
						+ "}]}"); //$NON-NLS-1$
		return launchFolder;
	}

	@Test
	void comparingTwoLaunchesShowsTheConfigurationDiffAndTheMetricDeltas() throws Exception {
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		ResultsView view = (ResultsView) page.showView(ResultsView.ID);
		project = ExperimentProjects.project("results-view-compare"); //$NON-NLS-1$
		launchFixture("cmp", "20261128-090000", //$NON-NLS-1$ //$NON-NLS-2$
				"{\"name\":\"cmp\",\"strategy\":{\"type\":\"top-p\",\"p\":0.4},\"training\":{\"epochs\":2},\"seeds\":[1]}", //$NON-NLS-1$
				"{\"test.accuracy\":0.8,\"test.avgK\":2.0}"); //$NON-NLS-1$
		launchFixture("cmp", "20261128-090100", //$NON-NLS-1$ //$NON-NLS-2$
				"{\"name\":\"cmp\",\"strategy\":{\"type\":\"top-p\",\"p\":0.2},\"training\":{\"epochs\":2},\"seeds\":[1]}", //$NON-NLS-1$
				"{\"test.accuracy\":0.85,\"test.avgK\":1.5}"); //$NON-NLS-1$
		UiWait.until("the Results view lists both launches", //$NON-NLS-1$
				() -> view.shown().stream().filter(l -> "cmp".equals(l.experiment())).count() == 2); //$NON-NLS-1$
		Shell shell = view.getSite().getShell();
		Text filter = Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, ResultsView.ID_FILTER, Text.class);
		filter.setText("cmp"); //$NON-NLS-1$
		UiWait.until("the filter keeps the two launches", () -> view.shown().size() == 2); //$NON-NLS-1$
		Table table = Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, ResultsView.ID_TABLE, Table.class);
		table.selectAll(); // as SWTBotTable.select(0, 1)
		table.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
		UiWait.until("both launches are selected", () -> view.selectedLaunches().size() == 2); //$NON-NLS-1$
		assertTrue(view.compareAction().isEnabled(), "Compare is enabled for two launches"); //$NON-NLS-1$

		// the dialog is modal: read it from inside its event loop, then close it
		List<String> changed = new java.util.ArrayList<>();
		List<String> unchanged = new java.util.ArrayList<>();
		List<List<String>> metricRows = new java.util.ArrayList<>();
		String[] title = new String[1];
		shell.getDisplay().asyncExec(() -> {
			Shell dialog = shell.getDisplay().getActiveShell();
			title[0] = dialog.getText();
			Table config = Widgets.byId(dialog, SandboxUI.WIDGET_ID_KEY, CompareDialog.ID_CONFIGURATION, Table.class);
			for (TableItem item : config.getItems()) {
				boolean highlighted = !item.getBackground().equals(config.getBackground());
				(highlighted ? changed : unchanged)
						.add(item.getText(0) + ": " + item.getText(1) + " | " + item.getText(2)); //$NON-NLS-1$ //$NON-NLS-2$
			}
			Table metrics = Widgets.byId(dialog, SandboxUI.WIDGET_ID_KEY, CompareDialog.ID_METRICS, Table.class);
			for (TableItem item : metrics.getItems()) {
				metricRows.add(
						List.of(item.getText(0), item.getText(1), item.getText(2), item.getText(3), item.getText(4)));
			}
			dialog.close();
		});
		view.compareAction().run();

		assertEquals("Compare cmp (20261128-090000) with cmp (20261128-090100)", title[0], "the older launch first"); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(List.of("strategy.p: 0.4 | 0.2"), changed, "only the changed field is highlighted"); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(unchanged.containsAll(List.of("name: \"cmp\" | \"cmp\"", "strategy.type: \"top-p\" | \"top-p\"", //$NON-NLS-1$ //$NON-NLS-2$
				"training.epochs: 2 | 2", "seeds[0]: 1 | 1")), unchanged.toString()); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(List.of(List.of("test.accuracy", "0.8000", "0.8500", "+0.0500", "+6.25%"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
				List.of("test.avgK", "2.0000", "1.5000", "-0.5000", "-25.00%")), metricRows); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$

		table.setSelection(0);
		table.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
		UiWait.until("one launch is selected", () -> view.selectedLaunches().size() == 1); //$NON-NLS-1$
		assertFalse(view.compareAction().isEnabled(), "Compare needs two launches"); //$NON-NLS-1$
	}

	@Test
	void cancelledRunShowsAsCancelledWithItsPartialCurve() throws Exception {
		project = ExperimentProjects.project("results-view-cancel"); //$NON-NLS-1$
		IFile file = ExperimentProjects.write(project, "long.moe.json", //$NON-NLS-1$
				TinyExperiment.json("long").replace("\"epochs\": 2", "\"epochs\": 100000")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		IProcess process = Launches.runAs(file);
		AtomicBoolean metric = new AtomicBoolean();
		ExperimentLaunching.addEventListener(process, (p, e) -> metric.compareAndSet(false, "metric".equals(e.type()))); //$NON-NLS-1$
		UiWait.until("the run has reported a training metric", metric::get, RUN_TIMEOUT); //$NON-NLS-1$

		// Cancel in the Progress view
		Job[] jobs = Job.getJobManager()
				.find(ExperimentLaunching.EXPERIMENT_JOB_FAMILY);
		assertEquals(1, jobs.length);
		jobs[0].cancel();
		UiWait.until("the experiment's process terminates", process::isTerminated, RUN_TIMEOUT); //$NON-NLS-1$
		UiWait.jobs(ExperimentLaunching.REFRESH_JOB_FAMILY);

		ResultsView view = Launches.showResults();
		LaunchRecord launch = Launches.awaitLaunch(view, "long"); //$NON-NLS-1$
		assertEquals("CANCELLED", launch.status()); //$NON-NLS-1$
		assertTrue(launch.reason().contains("cancelled"), launch.reason()); //$NON-NLS-1$
		assertTrue(launch.metric("train.ce") > 0, "the partial metrics are kept"); //$NON-NLS-1$ //$NON-NLS-2$

		Shell shell = view.getSite().getShell();
		Table table = Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, ResultsView.ID_TABLE, Table.class);
		int row = Launches.select(view, launch);
		assertEquals("CANCELLED", table.getItem(row).getText(3), "the Status column"); //$NON-NLS-1$ //$NON-NLS-2$
		String details = Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, ResultsView.ID_DETAILS, Label.class).getText();
		assertTrue(details.contains("CANCELLED") && details.contains("s7: cancelled by the user"), details); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(view.curvePoints() > 0, "the partial curve"); //$NON-NLS-1$
	}

	private static void write(IFile file, String content) throws Exception {
		file.create(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
	}
}
