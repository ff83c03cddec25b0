package org.scriptorium.ui.tests.pages;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.scriptorium.tests.common.ui.UiWait;

/** Finds and chooses menu items by their labels, as SWTBot's menu finders do. */
public final class Menus {

	private Menus() {
	}

	/** An item's label without mnemonic and accelerator: "Copy &As\tCtrl+X" is "Copy As". */
	public static String label(MenuItem item) {
		String text = item.getText();
		int tab = text.indexOf('\t');
		return (tab >= 0 ? text.substring(0, tab) : text).replace("&", ""); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** The labels of a menu's items once it is shown. */
	public static List<String> labels(Menu menu) {
		show(menu);
		List<String> out = new ArrayList<>();
		for (MenuItem item : menu.getItems()) {
			out.add(label(item));
		}
		return out;
	}

	/**
	 * Shows {@code menu}, follows {@code path} through its submenus and selects the last item.
	 *
	 * @return the labels of the menu holding the chosen item
	 */
	public static List<String> choose(Menu menu, String... path) {
		Menu current = menu;
		for (int i = 0; i < path.length; i++) {
			List<String> labels = labels(current);
			MenuItem item = current.getItems()[index(labels, path[i])];
			if (i == path.length - 1) {
				if (!item.isEnabled()) {
					throw new AssertionError("the menu item " + path[i] + " is disabled"); //$NON-NLS-1$ //$NON-NLS-2$
				}
				item.notifyListeners(SWT.Selection, new Event());
				hide(menu);
				UiWait.flush();
				return labels;
			}
			current = item.getMenu();
		}
		throw new IllegalArgumentException("no path"); //$NON-NLS-1$
	}

	private static int index(List<String> labels, String wanted) {
		int i = labels.indexOf(wanted);
		if (i < 0) {
			throw new AssertionError("no menu item " + wanted + " in " + labels); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return i;
	}

	private static void show(Menu menu) {
		menu.notifyListeners(SWT.Show, new Event());
		UiWait.flush();
	}

	private static void hide(Menu menu) {
		menu.notifyListeners(SWT.Hide, new Event());
	}
}
