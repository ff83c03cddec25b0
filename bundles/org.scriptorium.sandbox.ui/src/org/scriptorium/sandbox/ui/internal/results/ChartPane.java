package org.scriptorium.sandbox.ui.internal.results;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.jfree.chart.JFreeChart;

/**
 * A chart of the Results view drawn at the size its label has in the layout: the label takes its share of the view
 * (at least the minimum size given), and the chart is drawn again whenever the label is resized, so the charts fill
 * the view instead of keeping a fixed size that the view must scroll.
 */
final class ChartPane {

	private final Label label;
	private JFreeChart chart;
	private Image image;

	ChartPane(Composite parent) {
		label = new Label(parent, SWT.NONE);
		label.addListener(SWT.Resize, e -> draw());
		label.addListener(SWT.Dispose, e -> disposeImage());
	}

	Label label() {
		return label;
	}

	JFreeChart chart() {
		return chart;
	}

	/** Shows {@code shown} (null: nothing) drawn at the label's current size. */
	void show(JFreeChart shown) {
		chart = shown;
		draw();
	}

	private void draw() {
		if (label.isDisposed()) {
			return;
		}
		disposeImage();
		Point size = label.getSize();
		if (chart != null && size.x > 0 && size.y > 0) {
			image = new Image(label.getDisplay(), Charts.toImageData(Charts.draw(chart, size.x, size.y)));
		}
		label.setImage(image);
	}

	private void disposeImage() {
		if (image != null) {
			label.setImage(null);
			image.dispose();
			image = null;
		}
	}
}
