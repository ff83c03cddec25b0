package org.scriptorium.ui.tests.pages;

import java.util.Arrays;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.scriptorium.tests.common.ui.UiWait;

/** Chooses items of read-only combos as SWTBot's {@code SWTBotCombo.setSelection} does. */
public final class Combos {

	private Combos() {
	}

	/** Selects the first item starting with {@code label} and notifies the combo's selection listeners. */
	public static void choose(Combo combo, String label) {
		String[] items = combo.getItems();
		int index = -1;
		for (int i = 0; i < items.length && index < 0; i++) {
			if (items[i].startsWith(label)) {
				index = i;
			}
		}
		if (index < 0) {
			throw new AssertionError("no item '" + label + "' in " + Arrays.toString(items)); //$NON-NLS-1$ //$NON-NLS-2$
		}
		combo.setFocus();
		combo.select(index);
		combo.notifyListeners(SWT.Selection, new Event());
		UiWait.flush();
	}
}
