package org.scriptorium.sandbox.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.scriptorium.sandbox.ui.SandboxUI;
import org.scriptorium.sandbox.ui.internal.results.ResultsView;
import org.scriptorium.tests.common.ui.Widgets;

/**
 * What the Experiment Results view draws, as a user sees it: whether a cell, a column or a chart is cut at the edge of
 * the view.
 */
final class ResultsDrawn {

	/** The ids of the view's charts, in layout order. */
	static final List<String> CHARTS = List.of(ResultsView.ID_CURVES, ResultsView.ID_PARETO,
			ResultsView.ID_DIFFICULTY, ResultsView.ID_LOAD, ResultsView.ID_HEATMAP);

	private ResultsDrawn() {
	}

	/** Every cell's text of {@code table} fits the text bounds of its cell. */
	static void assertNoCellCut(Table table) {
		GC gc = new GC(table);
		try {
			gc.setFont(table.getFont());
			for (TableItem item : table.getItems()) {
				for (int c = 0; c < table.getColumnCount(); c++) {
					int needed = gc.textExtent(item.getText(c)).x;
					int shown = item.getTextBounds(c).width;
					assertTrue(needed <= shown, table.getColumn(c).getText() + ": \"" + item.getText(c) //$NON-NLS-1$
							+ "\" needs " + needed + " px, its cell shows " + shown); //$NON-NLS-1$ //$NON-NLS-2$
				}
			}
		} finally {
			gc.dispose();
		}
	}

	/** Every column of {@code table} ends inside the table's visible width (none is cut at its right edge). */
	static void assertColumnsInView(Table table) {
		int right = 0;
		for (TableColumn column : table.getColumns()) {
			right += column.getWidth();
			assertTrue(right <= table.getClientArea().width, "the column " + column.getText() + " ends at " + right //$NON-NLS-1$ //$NON-NLS-2$
					+ " px, the table shows " + table.getClientArea().width); //$NON-NLS-1$
		}
	}

	/** The scrolled area below the launches (details, variants table and charts). */
	static ScrolledComposite area(Shell shell) {
		return (ScrolledComposite) Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, ResultsView.ID_CURVES, Label.class)
				.getParent().getParent();
	}

	/**
	 * No chart is cut at the view's right edge: the area below the launches needs no sideways scrolling, every chart
	 * lies inside its visible width and is drawn at the size it is shown; the details text is wrapped whole.
	 */
	static void assertNothingCutAtTheRight(Shell shell) {
		ScrolledComposite scrolled = area(shell);
		assertTrue(scrolled.getMinWidth() <= scrolled.getClientArea().width, "the details area needs " //$NON-NLS-1$
				+ scrolled.getMinWidth() + " px, the view shows " + scrolled.getClientArea().width); //$NON-NLS-1$
		Rectangle visible = scrolled.getDisplay().map(scrolled, null, scrolled.getClientArea());
		for (String id : CHARTS) {
			Label chart = Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, id, Label.class);
			Rectangle bounds = chart.getDisplay().map(chart.getParent(), null, chart.getBounds());
			assertTrue(bounds.x >= visible.x && bounds.x + bounds.width <= visible.x + visible.width,
					id + " at " + bounds + " is cut by the view's " + visible); //$NON-NLS-1$ //$NON-NLS-2$
			assertNotNull(chart.getImage(), id);
			assertEquals(new Point(bounds.width, bounds.height),
					new Point(chart.getImage().getBounds().width, chart.getImage().getBounds().height),
					id + ": the chart is drawn at the size it is shown"); //$NON-NLS-1$
		}
		Label details = Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, ResultsView.ID_DETAILS, Label.class);
		Rectangle text = details.getDisplay().map(details.getParent(), null, details.getBounds());
		assertTrue(text.x + text.width <= visible.x + visible.width, "the details at " + text + " are cut by " //$NON-NLS-1$ //$NON-NLS-2$
				+ visible);
		assertTrue(details.computeSize(text.width, SWT.DEFAULT).y <= text.height,
				"the details text is wrapped whole: " + details.getText()); //$NON-NLS-1$
	}
}
