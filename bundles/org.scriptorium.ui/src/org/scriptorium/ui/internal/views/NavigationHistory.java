package org.scriptorium.ui.internal.views;

import java.util.ArrayList;
import java.util.List;

/** Back and forward history of the papers a person looked at, like a browser's. */
final class NavigationHistory {

	private static final int LIMIT = 100;

	private final List<String> entries = new ArrayList<>();
	private int current = -1;

	/** Records a visit; drops the forward entries. Revisiting the current entry changes nothing. */
	void visit(String id) {
		if (current >= 0 && entries.get(current).equals(id)) {
			return;
		}
		entries.subList(current + 1, entries.size()).clear();
		entries.add(id);
		if (entries.size() > LIMIT) {
			entries.remove(0);
		}
		current = entries.size() - 1;
	}

	boolean canGoBack() {
		return current > 0;
	}

	boolean canGoForward() {
		return current < entries.size() - 1;
	}

	String back() {
		return entries.get(--current);
	}

	String forward() {
		return entries.get(++current);
	}
}
