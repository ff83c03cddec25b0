package org.scriptorium.sandbox.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.QualifiedName;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scriptorium.launching.SandboxPreferences;
import org.scriptorium.sandbox.LaunchDirectory;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.tests.common.ui.Widgets;

/**
 * Run As on an experiment that names an external command, with external commands off in the preferences: the user is
 * asked, with the command named; "Always for This File" runs it (with the shipped Python package) and the next launch
 * of the same file does not ask again.
 */
class ExternalTrustTest {

	private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);
	private static final String TITLE = "Run an External Command?"; //$NON-NLS-1$

	private IProject project;

	@BeforeEach
	void setUp() throws Exception {
		// external commands off, as in a fresh workspace
		var node = InstanceScope.INSTANCE.getNode(SandboxPreferences.QUALIFIER);
		node.remove(SandboxPreferences.SANDBOX_ALLOW_EXTERNAL);
		node.flush();
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("trust-tests"); //$NON-NLS-1$
		if (!project.exists()) {
			project.create(null);
		}
		project.open(null);
		if (project.getFolder("runs").exists()) { //$NON-NLS-1$
			project.getFolder("runs").delete(true, null); //$NON-NLS-1$
		}
	}

	@AfterEach
	void tearDown() throws CoreException {
		Launches.terminateAllAndDeleteConfigurations();
	}

	private IFile write(String name, String content) throws CoreException {
		IFile file = project.getFile(name);
		ByteArrayInputStream in = new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
		if (file.exists()) {
			file.setContents(in, true, false, null);
		} else {
			file.create(in, true, null);
		}
		return file;
	}

	/** Answers the question when it shows (it shows inside the launch's own wait), recording its text. */
	private static void answer(Display display, String button, List<String> asked, int tries) {
		display.timerExec(100, () -> {
			for (Shell shell : display.getShells()) {
				if (!shell.isDisposed() && TITLE.equals(shell.getText())) {
					asked.add(String.join("\n", Widgets.all(shell, org.eclipse.swt.widgets.Label.class).stream() //$NON-NLS-1$
							.map(org.eclipse.swt.widgets.Label::getText).toList()));
					for (Button b : Widgets.all(shell, Button.class)) {
						if (b.getText().replace("&", "").equals(button)) { //$NON-NLS-1$ //$NON-NLS-2$
							b.notifyListeners(SWT.Selection, new Event());
							return;
						}
					}
				}
			}
			if (tries > 0) {
				answer(display, button, asked, tries - 1);
			}
		});
	}

	@Test
	void anExternalCommandIsConfirmedOnceAndAlwaysForThisFile() throws Exception {
		Path python = Path.of("/usr/bin/python3"); //$NON-NLS-1$
		Assumptions.assumeTrue(Files.isExecutable(python), "skipped: no " + python); //$NON-NLS-1$
		IFile script = write("child.py", "from scriptorium_sandbox import Run\nwith Run() as run:\n" //$NON-NLS-1$ //$NON-NLS-2$
				+ "    run.metric(\"train.ce\", 1, 0.5)\n    run.result({\"test.accuracy\": 1.0})\n"); //$NON-NLS-1$
		String command = python + " " + script.getLocation().toOSString(); //$NON-NLS-1$
		IFile file = write("py.moe.json", "{\"name\": \"py\", \"external\": {\"command\": [\"" + python + "\", \"" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				+ script.getLocation().toOSString() + "\"]}, \"seeds\": [1]}"); //$NON-NLS-1$
		file.setPersistentProperty(new QualifiedName("org.scriptorium.launching", "trustedCommand"), null); //$NON-NLS-1$ //$NON-NLS-2$
		Display display = Display.getCurrent();
		List<String> asked = new CopyOnWriteArrayList<>();

		answer(display, "Always for This File", asked, 600); //$NON-NLS-1$
		IProcess first = Launches.runAs(file);
		UiWait.until("the experiment's process terminates", first::isTerminated, RUN_TIMEOUT); //$NON-NLS-1$

		assertEquals(1, asked.size(), "asked once"); //$NON-NLS-1$
		assertTrue(asked.get(0).contains(command) && asked.get(0).contains("/trust-tests/py.moe.json"), asked.get(0)); //$NON-NLS-1$
		assertEquals(0, first.getExitValue());
		assertEquals(List.of("SUCCEEDED"), statuses(), "the command ran"); //$NON-NLS-1$

		// Launches.runAs finds the launch of the configuration: let it find the new one
		org.eclipse.debug.core.DebugPlugin.getDefault().getLaunchManager().removeLaunch(first.getLaunch());
		answer(display, "Cancel", asked, 100); //$NON-NLS-1$ // would record a second question
		IProcess second = Launches.runAs(file);
		UiWait.until("the experiment's process terminates", second::isTerminated, RUN_TIMEOUT); //$NON-NLS-1$
		assertEquals(1, asked.size(), "not asked again for the same file and command"); //$NON-NLS-1$
		assertEquals(0, second.getExitValue());
		assertEquals(List.of("SUCCEEDED", "SUCCEEDED"), statuses()); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** The status of every run of every launch recorded in the project's runs folder, oldest launch first. */
	private List<String> statuses() throws Exception {
		Path runs = project.getLocation().toPath().resolve("runs"); //$NON-NLS-1$
		return LaunchDirectory.recorded(runs, e -> {
		}).stream().sorted(java.util.Comparator.comparing(l -> l.path().getFileName().toString())).flatMap(l -> {
			try {
				return l.summary().runs().stream().map(LaunchDirectory.RunEntry::status);
			} catch (java.io.IOException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}
}
