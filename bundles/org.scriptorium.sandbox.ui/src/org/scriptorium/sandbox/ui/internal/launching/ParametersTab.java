package org.scriptorium.sandbox.ui.internal.launching;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.scriptorium.launching.ExperimentLaunching;
import org.scriptorium.sandbox.ui.SandboxUI;

/**
 * The Parameters tab: values that override the experiment file's, one {@code PATH=VALUE} per line (JSON path, JSON
 * value or a plain word), e.g. {@code training.epochs=2} or {@code seeds=[1,2,3]}; the engine validates the file with
 * them applied.
 */
public final class ParametersTab extends AbstractLaunchConfigurationTab {

	private Text overridesText;

	@Override
	public void createControl(Composite parent) {
		Composite top = new Composite(parent, SWT.NONE);
		GridLayoutFactory.swtDefaults().applyTo(top);
		setControl(top);
		Label label = new Label(top, SWT.WRAP);
		label.setText(Messages.ParametersTab_label);
		GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(label);
		overridesText = new Text(top, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
		overridesText.setData(SandboxUI.WIDGET_ID_KEY, SandboxUI.ID_OVERRIDES);
		GridDataFactory.fillDefaults().grab(true, true).hint(400, 160).applyTo(overridesText);
		overridesText.addModifyListener(e -> updateLaunchConfigurationDialog());
	}

	@Override
	public String getName() {
		return Messages.ParametersTab_name;
	}

	@Override
	public String getId() {
		return SandboxUI.PLUGIN_ID + ".parametersTab"; //$NON-NLS-1$
	}

	@Override
	public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
		// no overrides
	}

	@Override
	public void initializeFrom(ILaunchConfiguration configuration) {
		try {
			StringBuilder b = new StringBuilder();
			for (var e : configuration.getAttribute(ExperimentLaunching.ATTR_OVERRIDES, Map.<String, String>of()).entrySet()) {
				b.append(e.getKey()).append('=').append(e.getValue()).append('\n');
			}
			overridesText.setText(b.toString());
		} catch (CoreException e) {
			setErrorMessage(e.getMessage());
		}
	}

	@Override
	public void performApply(ILaunchConfigurationWorkingCopy configuration) {
		Map<String, String> overrides = parse(overridesText.getText());
		configuration.setAttribute(ExperimentLaunching.ATTR_OVERRIDES, overrides == null || overrides.isEmpty() ? null : overrides);
	}

	@Override
	public boolean isValid(ILaunchConfiguration launchConfig) {
		setErrorMessage(null);
		for (String line : overridesText.getText().split("\\R")) { //$NON-NLS-1$
			if (!line.isBlank() && line.indexOf('=') <= 0) {
				setErrorMessage(NLS.bind(Messages.ParametersTab_badLine, line.strip()));
				return false;
			}
		}
		Map<String, String> overrides = parse(overridesText.getText());
		try {
			IFile file = ExperimentLaunching.experimentFile(launchConfig);
			ExperimentLaunching.validate(file, overrides);
		} catch (CoreException e) {
			if (e.getStatus().getCode() == ExperimentLaunching.INVALID_EXPERIMENT) {
				setErrorMessage(e.getStatus().getMessage());
				return false;
			}
			// a missing file is the Experiment tab's message
		}
		return true;
	}

	/** {@code PATH=VALUE} lines to a map in their order; blank lines are skipped, malformed ones too. */
	static Map<String, String> parse(String text) {
		Map<String, String> out = new LinkedHashMap<>();
		for (String line : text.split("\\R")) { //$NON-NLS-1$
			int eq = line.indexOf('=');
			if (eq > 0) {
				out.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
			}
		}
		return out;
	}
}
