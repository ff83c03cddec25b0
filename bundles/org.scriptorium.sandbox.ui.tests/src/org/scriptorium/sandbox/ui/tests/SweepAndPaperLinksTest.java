package org.scriptorium.sandbox.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scriptorium.launching.ExperimentExamples;
import org.scriptorium.launching.ExperimentLaunching;
import org.scriptorium.sandbox.ui.SandboxUI;
import org.scriptorium.sandbox.ui.internal.launching.ExperimentTab;
import org.scriptorium.sandbox.ui.internal.launching.ParametersTab;
import org.scriptorium.sandbox.ui.internal.results.LaunchRecord;
import org.scriptorium.sandbox.ui.internal.results.ResultsView;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.TinyExperiment;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.tests.common.ui.Widgets;
import org.scriptorium.ui.PaperLinks;

/**
 * A sweep edited on the Parameters tab runs once per value and its runs meet in the Results view's accuracy vs
 * activated experts plot; the Experiment tab links the strategies and losses to their papers; a paper of the Papers
 * view that defines a sandbox strategy runs its example experiment from the context menu.
 */
@ExtendWith(NoErrorLoggedExtension.class)
class SweepAndPaperLinksTest {

	private static final Duration RUN_TIMEOUT = Duration.ofSeconds(180);

	private IProject project;
	private Shell shell;

	@BeforeEach
	void setUp() throws Exception {
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("sweep-tests"); //$NON-NLS-1$
		if (!project.exists()) {
			project.create(null);
		}
		project.open(null);
	}

	@AfterEach
	void tearDown() throws Exception {
		if (shell != null) {
			shell.dispose();
		}
		Launches.terminateAllAndDeleteConfigurations();
		project.delete(true, true, null);
	}

	private IFile write(String name, String content) throws Exception {
		IFile file = project.getFile(name);
		file.create(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
		return file;
	}

	private static ILaunchConfigurationWorkingCopy configuration(IFile file, String name) throws Exception {
		ILaunchConfigurationWorkingCopy wc = DebugPlugin.getDefault().getLaunchManager()
				.getLaunchConfigurationType(ExperimentLaunching.LAUNCH_CONFIGURATION_TYPE_ID).newInstance(null, name);
		wc.setAttribute(ExperimentLaunching.ATTR_EXPERIMENT_FILE, file.getFullPath().toPortableString());
		return wc;
	}

	@Test
	void aSweepOnTheParametersTabRunsEachValueIntoOnePlot() throws Exception {
		IFile file = write("sweep.moe.json", TinyExperiment.json("sweep")); //$NON-NLS-1$ //$NON-NLS-2$
		ILaunchConfigurationWorkingCopy wc = configuration(file, "sweep"); //$NON-NLS-1$
		shell = new Shell(Display.getCurrent(), SWT.SHELL_TRIM);
		ParametersTab tab = new ParametersTab();
		tab.createControl(shell);
		shell.open();
		tab.initializeFrom(wc);
		Text sweep = Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, SandboxUI.ID_SWEEP, Text.class);

		sweep.setText("strategy.k = "); //$NON-NLS-1$
		assertFalse(tab.isValid(wc));
		assertTrue(tab.getErrorMessage().contains("strategy.k ="), tab.getErrorMessage()); //$NON-NLS-1$
		sweep.setText("strategy.k = 1, 9"); //$NON-NLS-1$
		assertFalse(tab.isValid(wc), "the engine refuses k = 9 of 4 experts"); //$NON-NLS-1$
		assertTrue(tab.getErrorMessage().contains("strategy.k"), tab.getErrorMessage()); //$NON-NLS-1$

		sweep.setText("strategy.k = 1, 2\n"); //$NON-NLS-1$
		Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, SandboxUI.ID_OVERRIDES, Text.class).setText("training.epochs=1"); //$NON-NLS-1$
		assertTrue(tab.isValid(wc), tab.getErrorMessage());
		tab.performApply(wc);
		assertEquals(Map.of("training.epochs", "1", "sweep", "{\"strategy.k\":[1,2]}"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				wc.getAttribute(ExperimentLaunching.ATTR_OVERRIDES, Map.of()));
		tab.initializeFrom(wc);
		assertEquals("strategy.k = 1, 2\n", sweep.getText(), "the sweep is read back into its field"); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(2,
				ExperimentLaunching.validate(file, wc.getAttribute(ExperimentLaunching.ATTR_OVERRIDES, Map.of()))
						.runs().size(),
				"one run per value"); //$NON-NLS-1$

		IProcess process = wc.doSave().launch(ILaunchManager.RUN_MODE, null).getProcesses()[0];
		Launches.awaitSuccess(process, RUN_TIMEOUT);

		ResultsView view = Launches.showResults();
		LaunchRecord launch = Launches.awaitLaunch(view, "sweep"); //$NON-NLS-1$
		assertEquals(List.of("p0000-s7", "p0001-s7"), launch.runs().stream().map(LaunchRecord.Run::id).toList()); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(List.of(1.0, 2.0), launch.runs().stream().map(r -> r.metrics().get("test.avgK")).toList(), //$NON-NLS-1$
				"top-1 and top-2 activate one and two experts"); //$NON-NLS-1$
		Table table = Widgets.byId(view.getSite().getShell(), SandboxUI.WIDGET_ID_KEY, ResultsView.ID_TABLE,
				Table.class);
		Launches.select(view, launch);
		assertEquals(2, view.paretoPoints(), "both values in the accuracy vs activated experts plot"); //$NON-NLS-1$

		// compare the sweep's two runs: choose them in the list (modal), then read the comparison (modal)
		assertTrue(view.compareAction().isEnabled(), "one launch with two runs can be compared"); //$NON-NLS-1$
		Display display = table.getDisplay();
		List<String> changed = new java.util.ArrayList<>();
		List<String> avgK = new java.util.ArrayList<>();
		display.asyncExec(() -> {
			Shell chooser = display.getActiveShell();
			Table runs = Widgets.all(chooser, Table.class).get(0);
			Arrays.stream(runs.getItems()).forEach(i -> i.setChecked(true));
			display.asyncExec(() -> {
				Shell dialog = display.getActiveShell();
				Table config = Widgets.byId(dialog, SandboxUI.WIDGET_ID_KEY,
						org.scriptorium.sandbox.ui.internal.results.CompareDialog.ID_CONFIGURATION, Table.class);
				Arrays.stream(config.getItems()).filter(i -> !i.getBackground().equals(config.getBackground()))
						.forEach(i -> changed.add(i.getText(0) + ": " + i.getText(1) + " | " + i.getText(2))); //$NON-NLS-1$ //$NON-NLS-2$
				Table metrics = Widgets.byId(dialog, SandboxUI.WIDGET_ID_KEY,
						org.scriptorium.sandbox.ui.internal.results.CompareDialog.ID_METRICS, Table.class);
				Arrays.stream(metrics.getItems()).filter(i -> i.getText(0).equals("test.avgK")) //$NON-NLS-1$
						.forEach(i -> avgK.addAll(List.of(i.getText(1), i.getText(2), i.getText(3), i.getText(4))));
				dialog.close();
			});
			org.eclipse.swt.widgets.Button ok = Widgets.all(chooser, org.eclipse.swt.widgets.Button.class).stream()
					.filter(b -> b.getText().replace("&", "").equals("OK")).findFirst().orElseThrow(); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			ok.notifyListeners(SWT.Selection, new Event());
		});
		view.compareAction().run();
		assertEquals(List.of("strategy.k: 1 | 2"), changed, //$NON-NLS-1$
				"the runs' resolved configurations differ in the swept field"); //$NON-NLS-1$
		assertEquals(List.of("1.0000", "2.0000", "+1.0000", "+100.00%"), avgK); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
	}

	@Test
	void theExperimentTabLinksStrategiesAndLossesToTheirPapers() throws Exception {
		IFile file = write("methods.moe.json", TinyExperiment.json("methods") //$NON-NLS-1$ //$NON-NLS-2$
				.replace("{ \"type\": \"top-k\", \"k\": 2 }", "{ \"type\": \"top-p\", \"p\": 0.4 }")); //$NON-NLS-1$ //$NON-NLS-2$
		ILaunchConfigurationWorkingCopy wc = configuration(file, "methods"); //$NON-NLS-1$
		shell = new Shell(Display.getCurrent(), SWT.SHELL_TRIM);
		ExperimentTab tab = new ExperimentTab();
		tab.createControl(shell);
		shell.open();
		tab.initializeFrom(wc);
		assertTrue(tab.isValid(wc), tab.getErrorMessage());

		Link methods = Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, SandboxUI.ID_METHODS, Link.class);
		assertEquals("Strategies and losses: top-p (arXiv <a href=\"2403.07652\">2403.07652</a>), " //$NON-NLS-1$
				+ "switch-balance (arXiv <a href=\"2501.11873\">2501.11873</a>)", methods.getText()); //$NON-NLS-1$
		Event click = new Event();
		click.text = "2403.07652"; //$NON-NLS-1$
		methods.notifyListeners(SWT.Selection, click);
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		UiWait.until("the link selects the paper in the Papers view", //$NON-NLS-1$
				() -> "2403.07652".equals(ResultsViewTest.selectedPaperArxivId(page))); //$NON-NLS-1$
	}

	/** The Papers view's context menu items, as shown for the current selection. */
	private static List<MenuItem> contextMenu(Table table) {
		Menu menu = table.getMenu();
		menu.notifyListeners(SWT.Show, new Event());
		List<MenuItem> items = Arrays.asList(menu.getItems());
		menu.notifyListeners(SWT.Hide, new Event());
		return items;
	}

	@Test
	void aPaperThatDefinesAStrategyRunsItsExampleFromThePapersView() throws Exception {
		IProject examples = ResourcesPlugin.getWorkspace().getRoot().getProject(ExperimentExamples.PROJECT_NAME);
		if (examples.exists()) {
			examples.delete(true, true, null);
		}
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		try {
			// a paper that defines no sandbox method (the Time-series Transformer) has no such item
			assertTrue(PaperLinks.showPaper(page, "2105.06178")); //$NON-NLS-1$
			UiWait.until("the paper is selected", //$NON-NLS-1$
					() -> "2105.06178".equals(ResultsViewTest.selectedPaperArxivId(page))); //$NON-NLS-1$
			Table table = Widgets.all(page.getWorkbenchWindow().getShell(), Table.class).stream()
					.filter(t -> "papers.table".equals(t.getData(SandboxUI.WIDGET_ID_KEY))).findFirst().orElseThrow(); //$NON-NLS-1$
			assertTrue(contextMenu(table).stream().noneMatch(i -> i.getText().startsWith("Run Example Experiment")), //$NON-NLS-1$
					"no example for a paper without sandbox methods"); //$NON-NLS-1$
			assertFalse(table.getSelection()[0].getText(0).contains("[sandbox:"), table.getSelection()[0].getText(0)); //$NON-NLS-1$

			// Huang et al. define top-p routing and its entropy loss, which e1 uses
			assertTrue(PaperLinks.showPaper(page, "2403.07652")); //$NON-NLS-1$
			UiWait.until("the paper is selected", //$NON-NLS-1$
					() -> "2403.07652".equals(ResultsViewTest.selectedPaperArxivId(page))); //$NON-NLS-1$
			// its row carries the sandbox decoration (computed in the background by the workbench's decorators)
			UiWait.until("the title is decorated with the paper's sandbox methods", //$NON-NLS-1$
					() -> table.getSelection()[0].getText(0).endsWith(" [sandbox: top-p, entropy]")); //$NON-NLS-1$
			List<MenuItem> items = contextMenu(table).stream()
					.filter(i -> i.getText().startsWith("Run Example Experiment")) //$NON-NLS-1$
					.toList();
			// e9 (the PyTorch reference) routes with top-p too, but an external command is not offered here
			assertEquals(List.of("Run Example Experiment e1-topk-vs-topp (sandbox: top-p, entropy)"), //$NON-NLS-1$
					items.stream().map(MenuItem::getText).toList());

			items.get(0).notifyListeners(SWT.Selection, new Event()); // as SWTBotMenu.click()

			UiWait.jobs(SandboxUI.EXAMPLES_JOB_FAMILY);
			assertTrue(examples.isOpen(), "the examples project is created"); //$NON-NLS-1$
			IFile e1 = examples.getFile("e1-topk-vs-topp.moe.json"); //$NON-NLS-1$
			ILaunch[] launch = new ILaunch[1];
			UiWait.until("the example is launched", () -> { //$NON-NLS-1$
				launch[0] = Arrays.stream(DebugPlugin.getDefault().getLaunchManager().getLaunches())
						.filter(l -> l.getLaunchConfiguration() != null && e1.getFullPath().toPortableString().equals(
								attribute(l.getLaunchConfiguration())))
						.filter(l -> l.getProcesses().length > 0).findFirst()
						.orElse(null);
				return launch[0] != null;
			}, RUN_TIMEOUT);
			IProcess process = launch[0].getProcesses()[0];
			assertNotNull(process);
			process.terminate(); // the full example runs for minutes
			UiWait.until("the example's process terminates", process::isTerminated, RUN_TIMEOUT); //$NON-NLS-1$
		} finally {
			UiWait.jobs(ExperimentLaunching.REFRESH_JOB_FAMILY);
			if (examples.exists()) {
				examples.delete(true, true, null);
			}
		}
	}

	private static String attribute(ILaunchConfiguration c) {
		try {
			return c.getAttribute(ExperimentLaunching.ATTR_EXPERIMENT_FILE, ""); //$NON-NLS-1$
		} catch (org.eclipse.core.runtime.CoreException e) {
			return ""; //$NON-NLS-1$
		}
	}
}
