package org.scriptorium.sandbox.ui.internal.launching;

import org.eclipse.debug.ui.AbstractLaunchConfigurationTabGroup;
import org.eclipse.debug.ui.CommonTab;
import org.eclipse.debug.ui.EnvironmentTab;
import org.eclipse.debug.ui.ILaunchConfigurationDialog;
import org.eclipse.debug.ui.ILaunchConfigurationTab;

/** Tabs of a Routing Experiment configuration: Experiment, Parameters, Limits, Cluster, Environment, Common. */
public final class RoutingExperimentTabGroup extends AbstractLaunchConfigurationTabGroup {

	@Override
	public void createTabs(ILaunchConfigurationDialog dialog, String mode) {
		setTabs(new ILaunchConfigurationTab[]{new ExperimentTab(), new ParametersTab(), new LimitsTab(),
				new ClusterTab(), new EnvironmentTab(), new CommonTab()});
	}
}
