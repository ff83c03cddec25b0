package org.scriptorium.sandbox.ui.internal.launching;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Platform;
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
import org.scriptorium.launching.SandboxPreferences;
import org.scriptorium.launching.ExperimentLaunching;
import org.scriptorium.sandbox.ui.SandboxUI;

/**
 * The Limits tab: timeout and heap of each run and the number of parallel runs; an empty field uses the Scriptorium
 * preference, whose value the field shows as its hint.
 */
public final class LimitsTab extends AbstractLaunchConfigurationTab {

	private record Field(String attribute, String widgetId, String label, String preference, int defaultValue) {
	}

	private static final Field[] FIELDS = {
			new Field(ExperimentLaunching.ATTR_TIMEOUT_SECONDS, SandboxUI.ID_TIMEOUT, Messages.LimitsTab_timeout,
					SandboxPreferences.SANDBOX_TIMEOUT, SandboxPreferences.DEFAULT_SANDBOX_TIMEOUT),
			new Field(ExperimentLaunching.ATTR_HEAP_MB, SandboxUI.ID_HEAP, Messages.LimitsTab_heap,
					SandboxPreferences.SANDBOX_HEAP, SandboxPreferences.DEFAULT_SANDBOX_HEAP),
			new Field(ExperimentLaunching.ATTR_PARALLEL_RUNS, SandboxUI.ID_PARALLEL, Messages.LimitsTab_parallel,
					SandboxPreferences.SANDBOX_PARALLEL, SandboxPreferences.DEFAULT_SANDBOX_PARALLEL)};

	private final Text[] texts = new Text[FIELDS.length];

	@Override
	public void createControl(Composite parent) {
		Composite top = new Composite(parent, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(top);
		setControl(top);
		for (int i = 0; i < FIELDS.length; i++) {
			Field f = FIELDS[i];
			new Label(top, SWT.NONE).setText(f.label());
			Text text = new Text(top, SWT.BORDER | SWT.SINGLE);
			text.setData(SandboxUI.WIDGET_ID_KEY, f.widgetId());
			text.setMessage(NLS.bind(Messages.LimitsTab_preference, Integer.toString(
					Platform.getPreferencesService().getInt(SandboxPreferences.QUALIFIER, f.preference(),
							f.defaultValue(), null))));
			GridDataFactory.fillDefaults().hint(160, SWT.DEFAULT).applyTo(text);
			text.addModifyListener(e -> updateLaunchConfigurationDialog());
			texts[i] = text;
		}
		Label hint = new Label(top, SWT.WRAP);
		hint.setText(Messages.LimitsTab_hint);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(400, SWT.DEFAULT).applyTo(hint);
	}

	@Override
	public String getName() {
		return Messages.LimitsTab_name;
	}

	@Override
	public String getId() {
		return SandboxUI.PLUGIN_ID + ".limitsTab"; //$NON-NLS-1$
	}

	@Override
	public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
		// absent attributes mean "use the preferences"
	}

	@Override
	public void initializeFrom(ILaunchConfiguration configuration) {
		for (int i = 0; i < FIELDS.length; i++) {
			try {
				texts[i].setText(configuration.hasAttribute(FIELDS[i].attribute())
						? Integer.toString(configuration.getAttribute(FIELDS[i].attribute(), 0))
						: ""); //$NON-NLS-1$
			} catch (CoreException e) {
				setErrorMessage(e.getMessage());
			}
		}
	}

	@Override
	public void performApply(ILaunchConfigurationWorkingCopy configuration) {
		for (int i = 0; i < FIELDS.length; i++) {
			Integer value = parse(texts[i].getText());
			if (value == null) {
				configuration.removeAttribute(FIELDS[i].attribute());
			} else {
				configuration.setAttribute(FIELDS[i].attribute(), value.intValue());
			}
		}
	}

	@Override
	public boolean isValid(ILaunchConfiguration launchConfig) {
		setErrorMessage(null);
		for (int i = 0; i < FIELDS.length; i++) {
			String text = texts[i].getText().strip();
			if (!text.isEmpty() && (parse(text) == null || parse(text) <= 0)) {
				setErrorMessage(NLS.bind(Messages.LimitsTab_badNumber,
						FIELDS[i].label().replace("&", "").replace(":", ""), text)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				return false;
			}
		}
		return true;
	}

	private static Integer parse(String text) {
		try {
			return text.isBlank() ? null : Integer.valueOf(text.strip());
		} catch (NumberFormatException e) {
			return null;
		}
	}
}
