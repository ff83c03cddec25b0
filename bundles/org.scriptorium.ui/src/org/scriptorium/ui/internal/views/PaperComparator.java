package org.scriptorium.ui.internal.views;

import java.util.Comparator;

import org.eclipse.swt.SWT;
import org.scriptorium.core.model.Paper;

/** The sort order of the Papers table: one column, up or down; unsorted keeps corpus order. */
final class PaperComparator {

	private Comparator<Paper> order;
	private int direction = SWT.NONE;

	void sortBy(Comparator<Paper> column, int swtDirection) {
		order = column;
		direction = swtDirection;
	}

	int direction() {
		return direction;
	}

	/** The comparator for the current order, or {@code null} for corpus order. */
	Comparator<Paper> comparator() {
		if (order == null || direction == SWT.NONE) {
			return null;
		}
		return direction == SWT.UP ? order : order.reversed();
	}
}
