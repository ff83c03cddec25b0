package org.scriptorium.sandbox.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.expressions.EvaluationContext;
import org.eclipse.core.expressions.EvaluationResult;
import org.eclipse.core.expressions.Expression;
import org.eclipse.core.expressions.ExpressionConverter;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.console.IConsole;
import org.eclipse.ui.console.IHyperlink;
import org.eclipse.ui.dialogs.WizardNewFileCreationPage;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.console.TextConsole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scriptorium.launching.ExperimentExamples;
import org.scriptorium.launching.ExperimentLaunching;
import org.scriptorium.launching.ExperimentMarkers;
import org.scriptorium.sandbox.ui.SandboxUI;
import org.scriptorium.sandbox.Experiment;
import org.scriptorium.sandbox.ui.internal.launching.ExperimentTab;
import org.scriptorium.sandbox.ui.internal.launching.NewExperimentWizard;
import org.scriptorium.sandbox.ui.internal.launching.PaperLinkLineTracker;
import org.scriptorium.tests.common.TinyExperiment;
import org.scriptorium.ui.ScriptoriumUI;
import org.scriptorium.sandbox.ui.internal.launching.ParametersTab;
import org.scriptorium.sandbox.ui.internal.launching.RoutingExperimentTabGroup;
import org.scriptorium.sandbox.ui.internal.launching.RoutingExperimentShortcut;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.tests.common.ui.Widgets;
import org.scriptorium.tests.common.launch.ExperimentProjects;

/** Run As &gt; Routing Experiment in the workbench: the shortcut, the Console, the run history and the Experiment tab. */
@ExtendWith(NoErrorLoggedExtension.class)
class RunAsRoutingExperimentTest {

	/** Two JVM starts and a training of about a second, on a slow machine. */
	private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);

	private IProject project;
	private Shell shell;

	@BeforeEach
	void setUp() throws CoreException {
		project = ExperimentProjects.project("sandbox-ui-tests"); //$NON-NLS-1$
	}

	@AfterEach
	void tearDown() throws CoreException {
		if (shell != null) {
			shell.dispose();
		}
		Launches.terminateAllAndDeleteConfigurations();
	}

	private IFile write(String name, String content) throws CoreException {
		return ExperimentProjects.write(project, name, content);
	}

	@Test
	void runAsShortcutRunsTheFileWithItsOutputInTheConsoleAndTheRunHistory() throws Exception {
		IFile file = write("tiny.moe.json", TinyExperiment.json("tiny")); //$NON-NLS-1$ //$NON-NLS-2$
		RoutingExperimentShortcut shortcut = new RoutingExperimentShortcut();
		assertNull(shortcut.getLaunchConfigurations(new StructuredSelection(file)),
				"no configuration before the first run"); //$NON-NLS-1$

		// the Run toolbar button loads the launch histories at startup in the IDE; the test workbench has none
		DebugUITools.getLastLaunch(IDebugUIConstants.ID_RUN_LAUNCH_GROUP);

		shortcut.launch(new StructuredSelection(file), ILaunchManager.RUN_MODE);

		ILaunchConfiguration configuration = RoutingExperimentShortcut.configurationsOf(file).get(0);
		assertEquals(file.getFullPath().toPortableString(),
				configuration.getAttribute(ExperimentLaunching.ATTR_EXPERIMENT_FILE, "")); //$NON-NLS-1$
		assertEquals(List.of(file), Arrays.asList(configuration.getMappedResources()));
		IProcess process = awaitProcess(configuration);
		UiWait.until("the experiment's process terminates", process::isTerminated, RUN_TIMEOUT); //$NON-NLS-1$
		// the Console takes the output over from the stream monitors: the Console's document is where it shows
		IConsole console = DebugUITools.getConsole(process);
		assertTrue(console instanceof TextConsole, String.valueOf(console));
		TextConsole text = (TextConsole) console;
		UiWait.until("the Console shows the result", //$NON-NLS-1$
				() -> text.getDocument().get().contains("results: ")); //$NON-NLS-1$
		String shown = text.getDocument().get();
		assertEquals(0, process.getExitValue(), shown);
		assertTrue(shown.contains("[s7] started (seed 7"), shown); //$NON-NLS-1$
		assertTrue(shown.contains("[s7] result: ") && shown.contains("test.accuracy = "), shown); //$NON-NLS-1$ //$NON-NLS-2$
		assertFalse(shown.contains("\"event\""), "the Console shows the events readably, not as JSON: " + shown); //$NON-NLS-1$ //$NON-NLS-2$

		// the strategy's arXiv id links to its paper in the Papers view
		int arxiv = shown.indexOf("(arXiv "); //$NON-NLS-1$
		assertTrue(arxiv > 0, shown);
		UiWait.until("the Console links the strategy's paper", //$NON-NLS-1$
				() -> text.getHyperlink(arxiv + 2) != null);
		IHyperlink link = text.getHyperlink(arxiv + 2);
		assertTrue(link instanceof PaperLinkLineTracker.PaperLink, String.valueOf(link));
		assertEquals(arxiv + 1, text.getRegion(link).getOffset(), "the link covers the arXiv id"); //$NON-NLS-1$
		link.linkActivated();
		assertNotNull(
				PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage()
						.findView(ScriptoriumUI.PAPERS_VIEW_ID),
				"following the link shows the Papers view"); //$NON-NLS-1$

		UiWait.until("the run is the last one in the Run history", //$NON-NLS-1$
				() -> configuration.equals(DebugUITools.getLastLaunch(IDebugUIConstants.ID_RUN_LAUNCH_GROUP)));
		assertEquals(List.of(configuration),
				Arrays.asList(shortcut.getLaunchConfigurations(new StructuredSelection(file))));
		assertSame(file, shortcut.getLaunchableResource(new StructuredSelection(file)));
		assertSame(configuration, RoutingExperimentShortcut.findOrCreate(file),
				"a second run reuses the configuration"); //$NON-NLS-1$
	}

	@Test
	void shortcutIsContributedForExperimentFilesOnly() throws Exception {
		IConfigurationElement shortcut = Arrays.stream(Platform.getExtensionRegistry()
				.getConfigurationElementsFor("org.eclipse.debug.ui.launchShortcuts")) //$NON-NLS-1$
				.filter(e -> SandboxUI.LAUNCH_SHORTCUT_ID.equals(e.getAttribute("id"))) //$NON-NLS-1$
				.findFirst().orElseThrow();
		assertEquals(ILaunchManager.RUN_MODE, shortcut.getAttribute("modes")); //$NON-NLS-1$
		IConfigurationElement enablement = shortcut.getChildren("contextualLaunch")[0].getChildren("enablement")[0]; //$NON-NLS-1$ //$NON-NLS-2$
		Expression expression = ExpressionConverter.getDefault().perform(enablement);

		IFile experiment = write("e.moe.json", TinyExperiment.json("e")); //$NON-NLS-1$ //$NON-NLS-2$
		IFile plainJson = write("other.json", "{}"); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(EvaluationResult.TRUE, evaluate(expression, List.of(experiment)));
		assertEquals(EvaluationResult.FALSE, evaluate(expression, List.of(plainJson)));
		assertEquals(EvaluationResult.FALSE, evaluate(expression, List.of(experiment, experiment)));
		assertNull(new RoutingExperimentShortcut().getLaunchableResource(new StructuredSelection(plainJson)));
	}

	private static EvaluationResult evaluate(Expression expression, List<?> selection) throws CoreException {
		EvaluationContext context = new EvaluationContext(null, selection);
		context.addVariable("selection", selection); //$NON-NLS-1$
		return expression.evaluate(context);
	}

	@Test
	void experimentTabShowsTheValidationStateWithLineAndField() throws Exception {
		IFile bad = write("bad.moe.json", //$NON-NLS-1$
				"{\n  \"name\": \"bad\",\n  \"strategy\": {\"type\": \"switch\", \"capacityFactor\": -1}\n}\n"); //$NON-NLS-1$
		IFile good = write("good.moe.json", TinyExperiment.json("good")); //$NON-NLS-1$ //$NON-NLS-2$
		ILaunchConfigurationWorkingCopy wc = DebugPlugin.getDefault().getLaunchManager()
				.getLaunchConfigurationType(ExperimentLaunching.LAUNCH_CONFIGURATION_TYPE_ID).newInstance(null, "tab"); //$NON-NLS-1$
		wc.setAttribute(ExperimentLaunching.ATTR_EXPERIMENT_FILE, bad.getFullPath().toPortableString());
		shell = new Shell(Display.getCurrent(), SWT.SHELL_TRIM);
		ExperimentTab tab = new ExperimentTab();
		tab.createControl(shell);
		shell.open();
		tab.initializeFrom(wc);

		assertFalse(tab.isValid(wc));
		String error = tab.getErrorMessage();
		assertTrue(error.contains("strategy.capacityFactor") && error.contains("line 3"), error); //$NON-NLS-1$ //$NON-NLS-2$
		Label validation = Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, SandboxUI.ID_VALIDATION, Label.class);
		assertEquals(error, validation.getText());

		Text fileText = Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, SandboxUI.ID_FILE, Text.class);
		fileText.setText(good.getFullPath().toPortableString());
		Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, SandboxUI.ID_SEED, Text.class).setText("3"); //$NON-NLS-1$
		assertTrue(tab.isValid(wc), tab.getErrorMessage());
		assertEquals("Valid: good, 1 run(s)", validation.getText()); //$NON-NLS-1$

		tab.performApply(wc);
		assertEquals("/sandbox-ui-tests/good.moe.json", wc.getAttribute(ExperimentLaunching.ATTR_EXPERIMENT_FILE, "")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(3, wc.getAttribute(ExperimentLaunching.ATTR_SEED, 0));
		assertEquals(List.of(good), Arrays.asList(wc.getMappedResources()));

		fileText.setText("/sandbox-ui-tests/missing.moe.json"); //$NON-NLS-1$
		assertFalse(tab.isValid(wc));
		assertTrue(tab.getErrorMessage().contains("missing.moe.json"), tab.getErrorMessage()); //$NON-NLS-1$
	}

	@Test
	void parametersTabOverridesValuesAndTheEngineValidatesThem() throws Exception {
		IFile good = write("params.moe.json", TinyExperiment.json("params")); //$NON-NLS-1$ //$NON-NLS-2$
		ILaunchConfigurationWorkingCopy wc = DebugPlugin.getDefault().getLaunchManager()
				.getLaunchConfigurationType(ExperimentLaunching.LAUNCH_CONFIGURATION_TYPE_ID)
				.newInstance(null, "params"); //$NON-NLS-1$
		wc.setAttribute(ExperimentLaunching.ATTR_EXPERIMENT_FILE, good.getFullPath().toPortableString());
		RoutingExperimentTabGroup group = new RoutingExperimentTabGroup();
		group.createTabs(null, ILaunchManager.RUN_MODE);
		assertEquals(List.of("Experiment", "Parameters", "Limits", "Cluster", "Environment", "Common"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
				Arrays.stream(group.getTabs()).map(t -> t.getName()).toList());
		shell = new Shell(Display.getCurrent(), SWT.SHELL_TRIM);
		ParametersTab tab = new ParametersTab();
		tab.createControl(shell);
		shell.open();
		tab.initializeFrom(wc);
		Text overrides = Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, SandboxUI.ID_OVERRIDES, Text.class);
		assertEquals("", overrides.getText()); //$NON-NLS-1$

		overrides.setText("training.epochs=0"); //$NON-NLS-1$
		assertFalse(tab.isValid(wc));
		assertTrue(tab.getErrorMessage().contains("training.epochs"), tab.getErrorMessage()); //$NON-NLS-1$
		overrides.setText("epochs"); //$NON-NLS-1$
		assertFalse(tab.isValid(wc));
		assertTrue(tab.getErrorMessage().contains("PATH=VALUE"), tab.getErrorMessage()); //$NON-NLS-1$

		overrides.setText("training.epochs = 1\n\nseeds=[1,2]\n"); //$NON-NLS-1$
		assertTrue(tab.isValid(wc), tab.getErrorMessage());
		tab.performApply(wc);
		assertEquals(Map.of("training.epochs", "1", "seeds", "[1,2]"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				wc.getAttribute(ExperimentLaunching.ATTR_OVERRIDES, Map.of()));
	}

	@Test
	void createExamplesCommandMakesAProjectOfValidExamples() throws Exception {
		IHandlerService handlers = PlatformUI.getWorkbench().getActiveWorkbenchWindow()
				.getService(IHandlerService.class);

		handlers.executeCommand(SandboxUI.CREATE_EXAMPLES_COMMAND_ID, null);

		UiWait.jobs(SandboxUI.EXAMPLES_JOB_FAMILY);
		IProject examples = ResourcesPlugin.getWorkspace().getRoot().getProject(ExperimentExamples.PROJECT_NAME);
		assertTrue(examples.isOpen());
		IFile e1 = examples.getFile("e1-topk-vs-topp.moe.json"); //$NON-NLS-1$
		assertTrue(e1.exists());
		assertEquals(7, Arrays.stream(examples.members()).filter(r -> r.getName().endsWith(".moe.json")).count()); //$NON-NLS-1$
		assertEquals(e1, new RoutingExperimentShortcut().getLaunchableResource(new StructuredSelection(e1)),
				"Run As > Routing Experiment applies to the examples"); //$NON-NLS-1$
	}

	@Test
	void newExperimentWizardCreatesAValidFileFromATemplate() throws Exception {
		NewExperimentWizard wizard = new NewExperimentWizard();
		wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(project));
		WizardDialog dialog = new WizardDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), wizard);
		dialog.create();
		try {
			WizardNewFileCreationPage page = (WizardNewFileCreationPage) wizard.getPages()[0];
			page.setFileName("plain.json"); //$NON-NLS-1$
			assertFalse(page.isPageComplete());
			assertTrue(page.getErrorMessage().contains(".moe.json"), page.getErrorMessage()); //$NON-NLS-1$
			page.setFileName("my run.moe.json"); //$NON-NLS-1$
			Combo template = Widgets.byId(dialog.getShell(), SandboxUI.WIDGET_ID_KEY, SandboxUI.ID_TEMPLATE,
					Combo.class);
			assertEquals(7, template.getItemCount());
			template.select(Arrays.asList(template.getItems()).indexOf("e3-capacity-routers")); //$NON-NLS-1$
			assertTrue(wizard.canFinish(), page.getErrorMessage());

			assertTrue(wizard.performFinish());
		} finally {
			dialog.close();
		}

		IFile created = project.getFile("my run.moe.json"); //$NON-NLS-1$
		assertTrue(created.exists());
		var editor = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().getActiveEditor();
		assertNotNull(editor, "the new file is opened in an editor"); //$NON-NLS-1$
		assertEquals(created, editor.getEditorInput().getAdapter(IFile.class));
		editor.getSite().getPage().closeEditor(editor, false);
		Experiment experiment = ExperimentLaunching.validate(created, Map.of());
		assertEquals("my-run", experiment.name()); //$NON-NLS-1$
		Experiment e3;
		try (var in = ExperimentExamples.examples().stream()
				.filter(u -> ExperimentExamples.fileName(u).equals("e3-capacity-routers.moe.json")).findFirst() //$NON-NLS-1$
				.orElseThrow().openStream()) {
			e3 = Experiment.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "e3"); //$NON-NLS-1$
		}
		var expected = e3.json();
		var actual = experiment.json();
		expected.remove("name"); //$NON-NLS-1$
		actual.remove("name"); //$NON-NLS-1$
		assertEquals(expected, actual, "the file is the template with its own name"); //$NON-NLS-1$
	}

	@Test
	void savingAnInvalidFileShowsItsProblemsAsMarkers() throws Exception {
		// the sandbox UI installs the validation at startup: no set-up here
		IFile file = write("marked.moe.json", //$NON-NLS-1$
				"{\n  \"name\": \"marked\",\n  \"strategy\": {\"type\": \"switch\", \"capacityFactor\": -1}\n}\n"); //$NON-NLS-1$
		UiWait.until("the file has a problem marker", //$NON-NLS-1$
				() -> markers(file).length == 1);
		IMarker marker = markers(file)[0];
		assertEquals(3, marker.getAttribute(IMarker.LINE_NUMBER, 0));
		assertTrue(marker.getAttribute(IMarker.MESSAGE, "").contains("capacityFactor")); //$NON-NLS-1$ //$NON-NLS-2$

		write("marked.moe.json", TinyExperiment.json("marked")); //$NON-NLS-1$ //$NON-NLS-2$
		UiWait.until("the fixed file has no marker", () -> markers(file).length == 0); //$NON-NLS-1$
	}

	private static IMarker[] markers(IFile file) {
		try {
			return file.findMarkers(ExperimentMarkers.MARKER_TYPE, true, IResource.DEPTH_ZERO);
		} catch (CoreException e) {
			throw new AssertionError(e);
		}
	}

	/** Waits (dispatching events) until the background launch of {@code configuration} has its process. */
	private static IProcess awaitProcess(ILaunchConfiguration configuration) {
		IProcess[] found = new IProcess[1];
		UiWait.until("the launch of " + configuration.getName() + " has a process", () -> { //$NON-NLS-1$ //$NON-NLS-2$
			Optional<IProcess> p = Arrays.stream(DebugPlugin.getDefault().getLaunchManager().getLaunches())
					.filter(l -> configuration.equals(l.getLaunchConfiguration()))
					.flatMap(l -> Arrays.stream(l.getProcesses())).findFirst();
			p.ifPresent(x -> found[0] = x);
			return p.isPresent();
		}, RUN_TIMEOUT);
		assertNotNull(found[0]);
		return found[0];
	}
}
