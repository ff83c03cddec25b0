package org.scriptorium.sandbox.ui.internal.launching;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.scriptorium.launching.ExperimentLaunching;
import org.scriptorium.sandbox.ui.SandboxUI;

/**
 * The Cluster tab: where the runs go, this machine or a Slurm cluster as one job array, and the Slurm options
 * (partition, time limit, CPUs, memory, further sbatch arguments). Empty fields leave the cluster's defaults.
 */
public final class ClusterTab extends AbstractLaunchConfigurationTab {

	private Button local;
	private Button slurm;
	private Text partition;
	private Text time;
	private Text cpus;
	private Text memory;
	private Text args;

	@Override
	public void createControl(Composite parent) {
		Composite top = new Composite(parent, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(top);
		setControl(top);
		local = new Button(top, SWT.RADIO);
		local.setText(Messages.ClusterTab_local);
		local.setData(SandboxUI.WIDGET_ID_KEY, "cluster.local"); //$NON-NLS-1$
		GridDataFactory.fillDefaults().span(2, 1).applyTo(local);
		slurm = new Button(top, SWT.RADIO);
		slurm.setText(Messages.ClusterTab_slurm);
		slurm.setData(SandboxUI.WIDGET_ID_KEY, "cluster.slurm"); //$NON-NLS-1$
		GridDataFactory.fillDefaults().span(2, 1).applyTo(slurm);
		partition = field(top, Messages.ClusterTab_partition, "cluster.partition", Messages.ClusterTab_default); //$NON-NLS-1$
		time = field(top, Messages.ClusterTab_time, "cluster.time", Messages.ClusterTab_timeHint); //$NON-NLS-1$
		cpus = field(top, Messages.ClusterTab_cpus, "cluster.cpus", Messages.ClusterTab_default); //$NON-NLS-1$
		memory = field(top, Messages.ClusterTab_memory, "cluster.memory", Messages.ClusterTab_memoryHint); //$NON-NLS-1$
		Label l = new Label(top, SWT.NONE);
		l.setText(Messages.ClusterTab_args);
		GridDataFactory.fillDefaults().span(2, 1).applyTo(l);
		args = new Text(top, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL);
		args.setData(SandboxUI.WIDGET_ID_KEY, "cluster.sbatchArgs"); //$NON-NLS-1$
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(400, 60).applyTo(args);
		args.addModifyListener(e -> updateLaunchConfigurationDialog());
		Label hint = new Label(top, SWT.WRAP);
		hint.setText(Messages.ClusterTab_hint);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(400, SWT.DEFAULT).applyTo(hint);
		local.addListener(SWT.Selection, e -> changed());
		slurm.addListener(SWT.Selection, e -> changed());
	}

	private Text field(Composite top, String label, String id, String message) {
		new Label(top, SWT.NONE).setText(label);
		Text text = new Text(top, SWT.BORDER | SWT.SINGLE);
		text.setData(SandboxUI.WIDGET_ID_KEY, id);
		text.setMessage(message);
		GridDataFactory.fillDefaults().hint(200, SWT.DEFAULT).applyTo(text);
		text.addModifyListener(e -> updateLaunchConfigurationDialog());
		return text;
	}

	private void changed() {
		boolean on = slurm.getSelection();
		for (Text t : new Text[]{partition, time, cpus, memory, args}) {
			t.setEnabled(on);
		}
		updateLaunchConfigurationDialog();
	}

	@Override
	public String getName() {
		return Messages.ClusterTab_name;
	}

	@Override
	public String getId() {
		return SandboxUI.PLUGIN_ID + ".clusterTab"; //$NON-NLS-1$
	}

	@Override
	public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
		// absent: this machine
	}

	@Override
	public void initializeFrom(ILaunchConfiguration configuration) {
		try {
			boolean onSlurm = ExperimentLaunching.EXECUTOR_SLURM.equals(configuration
					.getAttribute(ExperimentLaunching.ATTR_EXECUTOR, ExperimentLaunching.EXECUTOR_LOCAL));
			slurm.setSelection(onSlurm);
			local.setSelection(!onSlurm);
			partition.setText(configuration.getAttribute(ExperimentLaunching.ATTR_SLURM_PARTITION, "")); //$NON-NLS-1$
			time.setText(configuration.getAttribute(ExperimentLaunching.ATTR_SLURM_TIME, "")); //$NON-NLS-1$
			cpus.setText(configuration.hasAttribute(ExperimentLaunching.ATTR_SLURM_CPUS)
					? Integer.toString(configuration.getAttribute(ExperimentLaunching.ATTR_SLURM_CPUS, 1))
					: ""); //$NON-NLS-1$
			memory.setText(configuration.getAttribute(ExperimentLaunching.ATTR_SLURM_MEMORY, "")); //$NON-NLS-1$
			args.setText(String.join("\n", configuration.getAttribute(ExperimentLaunching.ATTR_SLURM_ARGS, //$NON-NLS-1$
					List.of())));
		} catch (CoreException e) {
			setErrorMessage(e.getMessage());
		}
		changed();
	}

	@Override
	public void performApply(ILaunchConfigurationWorkingCopy configuration) {
		if (slurm.getSelection()) {
			configuration.setAttribute(ExperimentLaunching.ATTR_EXECUTOR, ExperimentLaunching.EXECUTOR_SLURM);
		} else {
			configuration.removeAttribute(ExperimentLaunching.ATTR_EXECUTOR);
		}
		set(configuration, ExperimentLaunching.ATTR_SLURM_PARTITION, partition.getText());
		set(configuration, ExperimentLaunching.ATTR_SLURM_TIME, time.getText());
		set(configuration, ExperimentLaunching.ATTR_SLURM_MEMORY, memory.getText());
		Integer c = cpus();
		if (c == null) {
			configuration.removeAttribute(ExperimentLaunching.ATTR_SLURM_CPUS);
		} else {
			configuration.setAttribute(ExperimentLaunching.ATTR_SLURM_CPUS, c.intValue());
		}
		List<String> lines = Arrays.stream(args.getText().split("\\R")).map(String::strip).filter(s -> !s.isEmpty()) //$NON-NLS-1$
				.toList();
		if (lines.isEmpty()) {
			configuration.removeAttribute(ExperimentLaunching.ATTR_SLURM_ARGS);
		} else {
			configuration.setAttribute(ExperimentLaunching.ATTR_SLURM_ARGS, lines);
		}
	}

	private static void set(ILaunchConfigurationWorkingCopy configuration, String attribute, String text) {
		if (text.isBlank()) {
			configuration.removeAttribute(attribute);
		} else {
			configuration.setAttribute(attribute, text.strip());
		}
	}

	private Integer cpus() {
		try {
			return cpus.getText().isBlank() ? null : Integer.valueOf(cpus.getText().strip());
		} catch (NumberFormatException e) {
			return -1;
		}
	}

	@Override
	public boolean isValid(ILaunchConfiguration launchConfig) {
		setErrorMessage(null);
		Integer c = cpus();
		if (slurm.getSelection() && c != null && c <= 0) {
			setErrorMessage(NLS.bind(Messages.ClusterTab_badCpus, cpus.getText().strip()));
			return false;
		}
		return true;
	}
}
