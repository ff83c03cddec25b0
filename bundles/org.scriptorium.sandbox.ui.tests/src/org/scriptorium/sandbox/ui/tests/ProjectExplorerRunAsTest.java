package org.scriptorium.sandbox.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.navigator.CommonNavigator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scriptorium.launching.ExperimentLaunching;
import org.scriptorium.sandbox.ui.internal.launching.RoutingExperimentShortcut;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.TinyExperiment;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.tests.common.ui.Widgets;
import org.scriptorium.ui.ScriptoriumUI;

/**
 * Issue 16, item 1 and the Environment tab of item 8: Run As on an experiment file in the Project Explorer, the Run
 * menu of the menu bar, and the Run Configurations dialog's tabs, driven as a user does.
 */
@ExtendWith(NoErrorLoggedExtension.class)
class ProjectExplorerRunAsTest {

	private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);

	private IProject project;
	private IWorkbenchPage page;

	@BeforeEach
	void setUp() throws CoreException {
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("run-as-explorer"); //$NON-NLS-1$
		if (!project.exists()) {
			project.create(null);
		}
		project.open(null);
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		page = window.getActivePage();
		PlatformUI.getWorkbench().showPerspective(ScriptoriumUI.PERSPECTIVE_ID, window);
		page.resetPerspective();
	}

	@AfterEach
	void tearDown() throws CoreException {
		Launches.terminateAllAndDeleteConfigurations();
		project.delete(true, true, null);
	}

	private IFile write(String name, String content) throws CoreException {
		IFile file = project.getFile(name);
		file.create(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
		return file;
	}

	/** Shows the Project Explorer, clicks {@code file}'s row and returns the tree (its context menu is the tree's). */
	private Tree selectInProjectExplorer(IFile file) throws Exception {
		CommonNavigator explorer = (CommonNavigator) page.showView(IPageLayout.ID_PROJECT_EXPLORER);
		explorer.getCommonViewer().expandToLevel(project, 1);
		Tree tree = explorer.getCommonViewer().getTree();
		TreeItem[] row = new TreeItem[1];
		UiWait.until("the Project Explorer lists " + file.getName(), () -> { //$NON-NLS-1$
			row[0] = find(tree.getItems(), file.getName());
			return row[0] != null;
		});
		page.activate(explorer);
		tree.showItem(row[0]);
		// select the row as SWTBotTreeItem.select does (a click's position is not reliable right after the view opens)
		tree.setFocus();
		tree.setSelection(row[0]);
		Event selection = new Event();
		selection.item = row[0];
		tree.notifyListeners(SWT.Selection, selection);
		UiWait.until("the file is selected", //$NON-NLS-1$
				() -> file.equals(explorer.getCommonViewer().getStructuredSelection().getFirstElement()));
		return tree;
	}

	private static TreeItem find(TreeItem[] items, String text) {
		for (TreeItem item : items) {
			if (text.equals(item.getText())) {
				return item;
			}
			TreeItem found = find(item.getItems(), text);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	@Test
	void runAsRoutingExperimentInTheProjectExplorersContextMenuRunsTheFile() throws Exception {
		IFile file = write("explorer.moe.json", TinyExperiment.json("explorer")); //$NON-NLS-1$ //$NON-NLS-2$
		// the Run toolbar button loads the launch histories at startup in the IDE; the test workbench has none
		DebugUITools.getLastLaunch(IDebugUIConstants.ID_RUN_LAUNCH_GROUP);
		Tree tree = selectInProjectExplorer(file);
		// a right-click makes the Project Explorer the active part, whose selection Run As launches: make sure of it
		// (a view of the perspective may have taken the activation meanwhile, e.g. when background work ended)
		org.eclipse.ui.IViewPart explorer = page.findView(IPageLayout.ID_PROJECT_EXPLORER);
		page.activate(explorer);
		tree.setFocus();
		UiWait.until("the Project Explorer is the active part", () -> page.getActivePart() == explorer); //$NON-NLS-1$

		Menu context = tree.getMenu();
		List<String> labels = ContextMenus.labels(context);
		assertTrue(labels.contains("Run As"), "the context menu of an experiment file: " + labels); //$NON-NLS-1$ //$NON-NLS-2$
		Menu runAs = ContextMenus.submenu(context, "Run As"); //$NON-NLS-1$
		ContextMenus.choose(runAs, "Routing Experiment"); //$NON-NLS-1$

		UiWait.until("Run As created the file's configuration", //$NON-NLS-1$
				() -> !configurations(file).isEmpty());
		ILaunchConfiguration configuration = configurations(file).get(0);
		IProcess[] process = new IProcess[1];
		UiWait.until("the run started", () -> { //$NON-NLS-1$
			process[0] = Arrays.stream(DebugPlugin.getDefault().getLaunchManager().getLaunches())
					.filter(l -> configuration.equals(l.getLaunchConfiguration()))
					.flatMap(l -> Arrays.stream(l.getProcesses())).findFirst().orElse(null);
			return process[0] != null;
		}, RUN_TIMEOUT);
		UiWait.until("the run ends", process[0]::isTerminated, RUN_TIMEOUT); //$NON-NLS-1$
		assertEquals(0, process[0].getExitValue());
		assertEquals(ExperimentLaunching.PROCESS_TYPE, process[0].getAttribute(IProcess.ATTR_PROCESS_TYPE));
	}

	@Test
	void otherFilesGetNoRoutingExperimentInTheirRunAsMenu() throws Exception {
		IFile plain = write("plain.json", "{}"); //$NON-NLS-1$ //$NON-NLS-2$
		Tree tree = selectInProjectExplorer(plain);
		Menu runAs = ContextMenus.submenu(tree.getMenu(), "Run As"); //$NON-NLS-1$
		List<String> items = runAs == null ? List.of() : ContextMenus.labels(runAs);
		assertFalse(items.stream().anyMatch(l -> l.endsWith("Routing Experiment")), items.toString()); //$NON-NLS-1$
	}

	@Test
	void theMenuBarHasARunMenu() {
		Shell shell = page.getWorkbenchWindow().getShell();
		Menu bar = shell.getMenuBar();
		List<String> menus = ContextMenus.labels(bar);
		assertTrue(menus.contains("Run"), "the menu bar: " + menus); //$NON-NLS-1$ //$NON-NLS-2$
		List<String> run = ContextMenus.labels(ContextMenus.submenu(bar, "Run")); //$NON-NLS-1$
		assertTrue(run.contains("Run As") && run.contains("Run Configurations..."), run.toString()); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Test
	void theRunConfigurationsDialogHasAnEnvironmentTabThatTheLaunchUses() throws Exception {
		IFile file = write("env.moe.json", TinyExperiment.json("env")); //$NON-NLS-1$ //$NON-NLS-2$
		var wc = RoutingExperimentShortcut.findOrCreate(file).getWorkingCopy();
		wc.setAttribute(ILaunchManager.ATTR_ENVIRONMENT_VARIABLES, Map.of("MOE_TEST_VARIABLE", "42")); //$NON-NLS-1$ //$NON-NLS-2$
		ILaunchConfiguration configuration = wc.doSave();
		Shell workbench = page.getWorkbenchWindow().getShell();
		Display display = Display.getCurrent();
		// the dialog runs its own event loop: look at it from a timer inside that loop, as a user looks at it
		List<String> names = new ArrayList<>();
		boolean[] variableShown = {false};
		Runnable probe = new Runnable() {
			private int tries;

			@Override
			public void run() {
				Shell dialog = Arrays.stream(display.getShells())
						.filter(s -> s != workbench && s.isVisible() && tabsOf(s) != null).findFirst().orElse(null);
				if (dialog != null) {
					CTabFolder tabs = tabsOf(dialog);
					names.clear();
					Arrays.stream(tabs.getItems()).map(CTabItem::getText).forEach(names::add);
					if (names.contains("Environment")) { //$NON-NLS-1$
						tabs.setSelection(names.indexOf("Environment")); //$NON-NLS-1$
						variableShown[0] = Widgets.all(dialog, Table.class).stream()
								.flatMap(t -> Arrays.stream(t.getItems()))
								.anyMatch(i -> "MOE_TEST_VARIABLE".equals(i.getText(0)) && "42".equals(i.getText(1))); //$NON-NLS-1$ //$NON-NLS-2$
					}
				}
				if (dialog != null && (variableShown[0] || tries > 100)) {
					dialog.close();
				} else if (++tries < 600) {
					display.timerExec(50, this);
				} else {
					Arrays.stream(display.getShells()).filter(s -> s != workbench).forEach(Shell::close);
				}
			}
		};
		display.timerExec(50, probe);
		// Run > Run Configurations... with the file's configuration selected; returns when the dialog closes
		DebugUITools.openLaunchConfigurationDialogOnGroup(workbench, new StructuredSelection(configuration),
				IDebugUIConstants.ID_RUN_LAUNCH_GROUP);
		assertTrue(names.contains("Environment"), "the tabs: " + names); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(variableShown[0], "the Environment tab lists MOE_TEST_VARIABLE=42"); //$NON-NLS-1$
		// what the delegate hands to the child process
		String[] environment = DebugPlugin.getDefault().getLaunchManager().getEnvironment(configuration);
		assertNotNull(environment);
		assertTrue(Arrays.asList(environment).contains("MOE_TEST_VARIABLE=42"), Arrays.toString(environment)); //$NON-NLS-1$
	}

	/** The tabs of a Routing Experiment configuration shown in {@code shell}, or null. */
	private static CTabFolder tabsOf(Shell shell) {
		return Widgets.all(shell, CTabFolder.class).stream()
				.filter(f -> Arrays.stream(f.getItems()).anyMatch(i -> "Limits".equals(i.getText()))) //$NON-NLS-1$
				.findFirst().orElse(null);
	}

	private static List<ILaunchConfiguration> configurations(IFile file) {
		try {
			return RoutingExperimentShortcut.configurationsOf(file);
		} catch (CoreException e) {
			throw new AssertionError(e);
		}
	}
}
