package org.scriptorium.sandbox.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scriptorium.launching.ExperimentLaunching;
import org.scriptorium.sandbox.ui.SandboxUI;
import org.scriptorium.sandbox.ui.internal.launching.ClusterTab;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.ui.Widgets;

/** The Cluster tab: this machine or Slurm, and the Slurm options, as the user fills them in. */
@ExtendWith(NoErrorLoggedExtension.class)
class ClusterTabTest {

	private Shell shell;

	@AfterEach
	void tearDown() {
		if (shell != null) {
			shell.dispose();
		}
	}

	@Test
	void slurmAndItsOptionsBecomeAttributesAndThisMachineRemovesThem() throws Exception {
		ILaunchConfigurationWorkingCopy wc = DebugPlugin.getDefault().getLaunchManager()
				.getLaunchConfigurationType(ExperimentLaunching.LAUNCH_CONFIGURATION_TYPE_ID).newInstance(null, "c"); //$NON-NLS-1$
		shell = new Shell(Display.getCurrent(), SWT.SHELL_TRIM);
		ClusterTab tab = new ClusterTab();
		tab.createControl(shell);
		shell.open();
		tab.initializeFrom(wc);
		Button local = Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, "cluster.local", Button.class); //$NON-NLS-1$
		Button slurm = Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, "cluster.slurm", Button.class); //$NON-NLS-1$
		Text partition = Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, "cluster.partition", Text.class); //$NON-NLS-1$
		Text cpus = Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, "cluster.cpus", Text.class); //$NON-NLS-1$
		Text args = Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, "cluster.sbatchArgs", Text.class); //$NON-NLS-1$
		assertTrue(local.getSelection(), "a new configuration runs on this machine"); //$NON-NLS-1$
		assertFalse(partition.isEnabled());

		local.setSelection(false);
		slurm.setSelection(true);
		slurm.notifyListeners(SWT.Selection, null);
		assertTrue(partition.isEnabled());
		partition.setText(" cpu "); //$NON-NLS-1$
		Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, "cluster.time", Text.class).setText("30"); //$NON-NLS-1$ //$NON-NLS-2$
		Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, "cluster.memory", Text.class).setText("2G"); //$NON-NLS-1$ //$NON-NLS-2$
		args.setText("--account=lab\n\n --qos=short \n"); //$NON-NLS-1$
		cpus.setText("zero"); //$NON-NLS-1$
		assertFalse(tab.isValid(wc));
		assertTrue(tab.getErrorMessage().contains("zero"), tab.getErrorMessage()); //$NON-NLS-1$
		cpus.setText("2"); //$NON-NLS-1$
		assertTrue(tab.isValid(wc), tab.getErrorMessage());
		tab.performApply(wc);

		assertEquals(ExperimentLaunching.EXECUTOR_SLURM, wc.getAttribute(ExperimentLaunching.ATTR_EXECUTOR, "")); //$NON-NLS-1$
		assertEquals("cpu", wc.getAttribute(ExperimentLaunching.ATTR_SLURM_PARTITION, "")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("30", wc.getAttribute(ExperimentLaunching.ATTR_SLURM_TIME, "")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("2G", wc.getAttribute(ExperimentLaunching.ATTR_SLURM_MEMORY, "")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(2, wc.getAttribute(ExperimentLaunching.ATTR_SLURM_CPUS, 0));
		assertEquals(List.of("--account=lab", "--qos=short"), //$NON-NLS-1$ //$NON-NLS-2$
				wc.getAttribute(ExperimentLaunching.ATTR_SLURM_ARGS, List.of()));

		ClusterTab again = new ClusterTab();
		Shell second = new Shell(Display.getCurrent(), SWT.SHELL_TRIM);
		try {
			again.createControl(second);
			again.initializeFrom(wc);
			assertTrue(Widgets.byId(second, SandboxUI.WIDGET_ID_KEY, "cluster.slurm", Button.class).getSelection()); //$NON-NLS-1$
			assertEquals("2", Widgets.byId(second, SandboxUI.WIDGET_ID_KEY, "cluster.cpus", Text.class).getText()); //$NON-NLS-1$ //$NON-NLS-2$
		} finally {
			second.dispose();
		}

		slurm.setSelection(false);
		local.setSelection(true);
		local.notifyListeners(SWT.Selection, null);
		partition.setText(""); //$NON-NLS-1$
		tab.performApply(wc);
		assertFalse(wc.hasAttribute(ExperimentLaunching.ATTR_EXECUTOR));
		assertFalse(wc.hasAttribute(ExperimentLaunching.ATTR_SLURM_PARTITION));
	}
}
