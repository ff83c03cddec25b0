package org.scriptorium.sandbox.ui.tests;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.scriptorium.tests.common.ui.UiWait;

/** Opens menus and submenus as they are shown to a user (SWT.Show, which fills dynamic menus) and reads or chooses. */
final class ContextMenus {

	private ContextMenus() {
	}

	/** An item's label without mnemonic and accelerator: "&amp;1 Routing Experiment" is "1 Routing Experiment". */
	static String label(MenuItem item) {
		String text = item.getText();
		int tab = text.indexOf('\t');
		return (tab >= 0 ? text.substring(0, tab) : text).replace("&", ""); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** The labels of {@code menu}'s items once it is shown. */
	static List<String> labels(Menu menu) {
		menu.notifyListeners(SWT.Show, new Event());
		UiWait.flush();
		List<String> out = new ArrayList<>();
		for (MenuItem item : menu.getItems()) {
			out.add(label(item));
		}
		return out;
	}

	/** The submenu of the item labelled {@code label} (shown), or null if {@code menu} has no such item. */
	static Menu submenu(Menu menu, String label) {
		List<String> labels = labels(menu);
		int i = labels.indexOf(label);
		return i < 0 ? null : menu.getItems()[i].getMenu();
	}

	/** Chooses the item of {@code menu} whose label ends with {@code suffix} (the shortcuts' are numbered). */
	static void choose(Menu menu, String suffix) {
		List<String> labels = labels(menu);
		for (int i = 0; i < labels.size(); i++) {
			if (labels.get(i).endsWith(suffix)) {
				MenuItem item = menu.getItems()[i];
				if (!item.isEnabled()) {
					throw new AssertionError("the menu item " + labels.get(i) + " is disabled"); //$NON-NLS-1$ //$NON-NLS-2$
				}
				item.notifyListeners(SWT.Selection, new Event());
				UiWait.flush();
				return;
			}
		}
		throw new AssertionError("no menu item ending with " + suffix + " in " + labels); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
