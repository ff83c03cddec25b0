package org.scriptorium.ui.internal.views;

import java.util.Comparator;

import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;
import org.eclipse.swt.SWT;
import org.scriptorium.core.model.Paper;

/** Sorts the Papers table by one column, up or down; unsorted keeps corpus order. */
final class PaperComparator extends ViewerComparator {

	private Comparator<Paper> order;
	private int direction = SWT.NONE;

	void sortBy(Comparator<Paper> column, int swtDirection) {
		order = column;
		direction = swtDirection;
	}

	int direction() {
		return direction;
	}

	@Override
	public int compare(Viewer viewer, Object a, Object b) {
		if (order == null || direction == SWT.NONE) {
			return 0;
		}
		int c = order.compare((Paper) a, (Paper) b);
		return direction == SWT.UP ? c : -c;
	}
}
