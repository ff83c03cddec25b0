package org.scriptorium.sandbox.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.e4.ui.model.application.ui.MElementContainer;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.console.IConsoleConstants;
import org.eclipse.ui.console.TextConsole;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scriptorium.launching.ExperimentLaunching;
import org.scriptorium.sandbox.ui.SandboxUI;
import org.scriptorium.sandbox.ui.internal.results.ResultsView;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.TinyExperiment;
import org.scriptorium.tests.common.ui.Screenshots;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.tests.common.ui.Widgets;
import org.scriptorium.ui.ScriptoriumUI;

/**
 * Issue 16, item 4: the Scriptorium perspective at 1600x1000 gives the editor at least a third of the window's height,
 * the Experiment Results a stack of their own, and a running experiment's Console output does not take the front from
 * the Progress and Results views.
 */
@ExtendWith(NoErrorLoggedExtension.class)
class PerspectiveLayoutTest {

	private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);

	/** The job family of the console manager's "Show Console View" job (ConsoleManager.CONSOLE_JOB_FAMILY). */
	private static final String CONSOLE_JOBS = "CONSOLE_JOB_FAMILY"; //$NON-NLS-1$

	private IProject project;
	private IWorkbenchPage page;
	private Shell shell;

	@BeforeEach
	void setUp() throws Exception {
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("perspective-layout"); //$NON-NLS-1$
		if (!project.exists()) {
			project.create(null);
		}
		project.open(null);
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		shell = window.getShell();
		shell.setMaximized(false);
		shell.setBounds(0, 0, 1600, 1000);
		page = window.getActivePage();
		PlatformUI.getWorkbench().showPerspective(ScriptoriumUI.PERSPECTIVE_ID, window);
		page.closeAllEditors(false);
		page.resetPerspective();
		UiWait.flush();
	}

	@AfterEach
	void tearDown() throws Exception {
		page.closeAllEditors(false);
		Launches.cleanUpResultsTest(project);
		page.resetPerspective();
	}

	private IFile write(String name, String content) throws Exception {
		IFile file = project.getFile(name);
		file.create(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
		return file;
	}

	@Test
	void theEditorHasAThirdOfTheHeightAndTheResultsAStackOfTheirOwn() throws Exception {
		IFile file = write("layout.moe.json", TinyExperiment.json("layout")); //$NON-NLS-1$ //$NON-NLS-2$
		IEditorPart editor = IDE.openEditor(page, file); // the experiment editor (Generic Editor)
		IViewPart results = page.showView(ResultsView.ID);
		IViewPart console = page.showView(IConsoleConstants.ID_CONSOLE_VIEW);
		IViewPart progress = page.showView(IPageLayout.ID_PROGRESS_VIEW);
		IViewPart papers = page.findView(ScriptoriumUI.PAPERS_VIEW_ID);
		UiWait.flush();

		int height = shell.getSize().y;
		assertEquals(1000, height);
		Point editorSize = size(editor);
		assertTrue(editorSize.y * 3 >= height, "the editor is " + editorSize + " in a window 1000 high"); //$NON-NLS-1$ //$NON-NLS-2$
		assertNotSame(stackOf(results), stackOf(console), "the Results are not under the Console"); //$NON-NLS-1$
		assertSame(stackOf(console), stackOf(progress), "Console and Progress share a stack"); //$NON-NLS-1$
		assertNotSame(stackOf(results), stackOf(papers));
		assertTrue(page.isPartVisible(results) && page.isPartVisible(progress) && page.isPartVisible(papers)
				&& page.isPartVisible(editor), "results, progress, papers and the editor are all shown at once"); //$NON-NLS-1$
		Point resultsSize = size(results);
		assertTrue(resultsSize.y >= 300 && resultsSize.x >= 500,
				"the Results view is " + resultsSize); //$NON-NLS-1$
		assertTrue(size(papers).y >= 300 && size(papers).x >= 600, "the Papers view is " + size(papers)); //$NON-NLS-1$
		Point consoleSize = size(progress); // the stack of the Console, in front
		assertTrue(consoleSize.y >= 300 && consoleSize.x >= 400, "the Console's stack is " + consoleSize); //$NON-NLS-1$
	}

	@Test
	void consoleOutputDoesNotTakeTheFrontFromProgressAndResults() throws Exception {
		// about ten seconds of training: output keeps coming after the user has chosen the Progress view
		IFile file = write("focus.moe.json", TinyExperiment.json("focus") //$NON-NLS-1$ //$NON-NLS-2$
				.replace("\"epochs\": 2", "\"epochs\": 12")); //$NON-NLS-1$ //$NON-NLS-2$
		IViewPart results = page.showView(ResultsView.ID);
		// the Console hidden behind the Progress view, so that only the launch can bring it to the front
		page.showView(IPageLayout.ID_PROGRESS_VIEW);
		IProcess process = Launches.runAs(file);
		UiWait.until("the Console shows the launch", () -> DebugUITools.getConsole(process) != null); //$NON-NLS-1$
		TextConsole console = (TextConsole) DebugUITools.getConsole(process);
		UiWait.until("the Console is shown when the run starts", //$NON-NLS-1$
				() -> page.findView(IConsoleConstants.ID_CONSOLE_VIEW) != null
						&& page.isPartVisible(page.findView(IConsoleConstants.ID_CONSOLE_VIEW)));
		// the console manager shows consoles from a job: none may still be pending when the user switches
		UiWait.jobs(CONSOLE_JOBS);

		// the user brings the Progress view to the front of the bottom stack
		IViewPart progress = page.showView(IPageLayout.ID_PROGRESS_VIEW);
		String before = console.getDocument().get();
		assertFalse(before.contains("result:"), "the run is still going when the user switches: " + before); //$NON-NLS-1$ //$NON-NLS-2$
		UiWait.until("the run ends", process::isTerminated, RUN_TIMEOUT); //$NON-NLS-1$
		UiWait.until("the Console shows the result", () -> console.getDocument().get().contains("results: ")); //$NON-NLS-1$ //$NON-NLS-2$
		UiWait.flush();

		assertTrue(console.getDocument().getLength() > before.length(), "output came after the switch"); //$NON-NLS-1$
		assertTrue(page.isPartVisible(progress), "the Progress view is still in front"); //$NON-NLS-1$
		assertTrue(page.isPartVisible(results), "the Results view is still shown"); //$NON-NLS-1$

		// what a user then sees: the file in the editor, the launch selected in the Experiment Results
		IDE.openEditor(page, file); // the experiment editor (Generic Editor)
		UiWait.jobs(ExperimentLaunching.REFRESH_JOB_FAMILY);
		ResultsView view = (ResultsView) results;
		view.reload();
		UiWait.jobs(ResultsView.JOB_FAMILY);
		UiWait.until("the Results view lists the run", () -> !view.shown().isEmpty()); //$NON-NLS-1$
		Table launches = Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, ResultsView.ID_TABLE, Table.class);
		launches.setSelection(0); // as SWTBotTable.select does
		Event selection = new Event();
		selection.item = launches.getItem(0);
		launches.notifyListeners(SWT.Selection, selection);
		page.activate(results);
		UiWait.flush();
		UiWait.until("the charts are drawn", () -> view.curvePoints() > 0); //$NON-NLS-1$
		String folder = System.getProperty("scriptorium.screenshots"); //$NON-NLS-1$
		if (folder != null) {
			shell.update();
			Path png = Screenshots.capture(shell, Path.of(folder, "perspective-run.png")); //$NON-NLS-1$
			assertTrue(Files.size(png) > 10_000, "a screenshot with content"); //$NON-NLS-1$
		}

		// in its stack beside the Papers view (not maximised) nothing of the Results is cut at the right edge: every
		// column of the launches (Status too), the details, every chart; the variants table scrolls sideways itself
		ResultsDrawn.assertColumnsInView(launches);
		ResultsDrawn.assertNoCellCut(launches);
		Table variants = Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, ResultsView.ID_VARIANTS, Table.class);
		ResultsDrawn.assertNoCellCut(variants);
		ResultsDrawn.assertNothingCutAtTheRight(shell);

	}

	private static MPart model(IWorkbenchPart part) {
		return part.getSite().getService(MPart.class);
	}

	private static Point size(IWorkbenchPart part) {
		return ((Control) model(part).getWidget()).getSize();
	}

	/** The stack that shows {@code part} (through its placeholder for a view shared between perspectives). */
	private static MElementContainer<?> stackOf(IWorkbenchPart part) {
		MPart model = model(part);
		MUIElement shown = model.getCurSharedRef() != null ? model.getCurSharedRef() : model;
		return shown.getParent();
	}
}
