package org.scriptorium.ui.internal.preferences;

import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Composite;
import org.scriptorium.ui.internal.Messages;

/** A field editor for a decimal number within a range. */
final class DoubleFieldEditor extends StringFieldEditor {

	private final double min;
	private final double max;

	DoubleFieldEditor(String name, String label, double min, double max, Composite parent) {
		super(name, label, 10, parent);
		this.min = min;
		this.max = max;
		setEmptyStringAllowed(false);
		setErrorMessage(NLS.bind(Messages.Preferences_badNumber, new Object[]{label.replace("&", ""), min, max})); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Override
	protected boolean checkState() {
		try {
			double v = Double.parseDouble(getStringValue().strip());
			boolean ok = v >= min && v <= max;
			if (ok) {
				clearErrorMessage();
			} else {
				showErrorMessage();
			}
			return ok;
		} catch (NumberFormatException e) {
			showErrorMessage();
			return false;
		}
	}
}
