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

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The Parameters tab: values that override the experiment file's, one {@code PATH=VALUE} per line (JSON path, JSON
 * value or a plain word), e.g. {@code training.epochs=2} or {@code seeds=[1,2,3]}; the engine validates the file with
 * them applied; and a sweep, one {@code FIELD = VALUE, VALUE, ...} per line, which replaces the file's (one run per
 * value and seed; several fields make a grid).
 */
public final class ParametersTab extends AbstractLaunchConfigurationTab {

	private Text overridesText;
	private Text sweepText;

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
		Label sweepLabel = new Label(top, SWT.WRAP);
		sweepLabel.setText(Messages.ParametersTab_sweep);
		GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(sweepLabel);
		sweepText = new Text(top, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
		sweepText.setData(SandboxUI.WIDGET_ID_KEY, SandboxUI.ID_SWEEP);
		GridDataFactory.fillDefaults().grab(true, true).hint(400, 80).applyTo(sweepText);
		sweepText.addModifyListener(e -> updateLaunchConfigurationDialog());
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
			String sweep = ""; //$NON-NLS-1$
			for (var e : configuration.getAttribute(ExperimentLaunching.ATTR_OVERRIDES, Map.<String, String>of())
					.entrySet()) {
				String lines = SWEEP.equals(e.getKey()) ? formatSweep(e.getValue()) : null;
				if (lines != null) {
					sweep = lines;
				} else {
					b.append(e.getKey()).append('=').append(e.getValue()).append('\n');
				}
			}
			overridesText.setText(b.toString());
			sweepText.setText(sweep);
		} catch (CoreException e) {
			setErrorMessage(e.getMessage());
		}
	}

	@Override
	public void performApply(ILaunchConfigurationWorkingCopy configuration) {
		Map<String, String> overrides = overrides();
		configuration.setAttribute(ExperimentLaunching.ATTR_OVERRIDES, overrides.isEmpty() ? null : overrides);
	}

	/** The overrides of the text, plus the sweep (if it parses) as the override {@code sweep}. */
	private Map<String, String> overrides() {
		Map<String, String> overrides = parse(overridesText.getText());
		try {
			JsonObject sweep = parseSweep(sweepText.getText());
			if (!sweep.isEmpty()) {
				overrides.put(SWEEP, sweep.toString());
			}
		} catch (IllegalArgumentException e) {
			// isValid reports it
		}
		return overrides;
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
		try {
			if (!parseSweep(sweepText.getText()).isEmpty() && parse(overridesText.getText()).containsKey(SWEEP)) {
				setErrorMessage(Messages.ParametersTab_sweepInOverrides);
				return false;
			}
		} catch (IllegalArgumentException e) {
			setErrorMessage(NLS.bind(Messages.ParametersTab_badSweep, e.getMessage()));
			return false;
		}
		Map<String, String> overrides = overrides();
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

	/** The override that replaces the file's sweep. */
	static final String SWEEP = "sweep"; //$NON-NLS-1$

	/**
	 * {@code FIELD = VALUE, VALUE, ...} lines to a sweep object (field to the array of its values; each value JSON or a
	 * plain word); blank lines are skipped.
	 *
	 * @throws IllegalArgumentException naming the first malformed line
	 */
	static JsonObject parseSweep(String text) {
		JsonObject sweep = new JsonObject();
		for (String line : text.split("\\R")) { //$NON-NLS-1$
			if (line.isBlank()) {
				continue;
			}
			int eq = line.indexOf('=');
			String field = eq > 0 ? line.substring(0, eq).strip() : ""; //$NON-NLS-1$
			JsonElement values = null;
			if (!field.isEmpty() && !line.substring(eq + 1).isBlank()) {
				try {
					values = JsonParser.parseString('[' + line.substring(eq + 1) + ']');
				} catch (JsonParseException e) {
					values = null;
				}
			}
			if (values == null || !values.isJsonArray() || values.getAsJsonArray().isEmpty()
					|| values.getAsJsonArray().asList().stream().anyMatch(JsonElement::isJsonNull)) {
				throw new IllegalArgumentException(line.strip());
			}
			sweep.add(field, values);
		}
		return sweep;
	}

	/** A sweep override's JSON as {@code FIELD = VALUE, VALUE} lines, or null if it is not a sweep object. */
	static String formatSweep(String json) {
		try {
			JsonElement e = JsonParser.parseString(json);
			if (!e.isJsonObject()) {
				return null;
			}
			StringBuilder b = new StringBuilder();
			for (var field : e.getAsJsonObject().entrySet()) {
				if (!field.getValue().isJsonArray()) {
					return null;
				}
				b.append(field.getKey()).append(" = ").append(String.join(", ", //$NON-NLS-1$ //$NON-NLS-2$
						field.getValue().getAsJsonArray().asList().stream().map(JsonElement::toString).toList()))
						.append('\n');
			}
			return b.toString();
		} catch (JsonParseException e) {
			return null;
		}
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
