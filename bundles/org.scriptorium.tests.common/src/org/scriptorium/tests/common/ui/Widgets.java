package org.scriptorium.tests.common.ui;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Widget;

/** Finds widgets in a control tree, by a stable id stored with {@code Widget#setData(key, id)} or by type. */
public final class Widgets {

	private Widgets() {
	}

	/** The control under {@code root} whose data at {@code key} equals {@code id}; fails if there is none. */
	public static <T extends Widget> T byId(Composite root, String key, String id, Class<T> type) {
		List<Control> found = new ArrayList<>();
		collect(root, c -> id.equals(c.getData(key)), found);
		if (found.isEmpty()) {
			throw new AssertionError("No widget with id '" + id + "' under " + root); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return type.cast(found.get(0));
	}

	/** All controls of {@code type} under {@code root}, depth first. */
	public static <T extends Control> List<T> all(Composite root, Class<T> type) {
		List<Control> found = new ArrayList<>();
		collect(root, type::isInstance, found);
		return found.stream().map(type::cast).toList();
	}

	private static void collect(Control c, java.util.function.Predicate<Control> match, List<Control> out) {
		if (match.test(c)) {
			out.add(c);
		}
		if (c instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				collect(child, match, out);
			}
		}
	}
}
