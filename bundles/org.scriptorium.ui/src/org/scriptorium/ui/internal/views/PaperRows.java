package org.scriptorium.ui.internal.views;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.scriptorium.core.model.Paper;

/** Computes the rows of the Papers table: the papers that pass a filter, in a sort order. Runs in a job. */
final class PaperRows {

	private static final int CHECK_EVERY = 4096;

	private PaperRows() {
	}

	/** The papers of {@code all} that pass {@code filter}, sorted by {@code order} (corpus order if null). */
	static List<Paper> compute(List<Paper> all, Predicate<Paper> filter, Comparator<Paper> order,
			IProgressMonitor monitor) {
		List<Paper> rows = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			if (i % CHECK_EVERY == 0 && monitor.isCanceled()) {
				throw new OperationCanceledException();
			}
			Paper p = all.get(i);
			if (filter.test(p)) {
				rows.add(p);
			}
		}
		if (order != null) {
			rows.sort(order);
		}
		return rows;
	}
}
