package org.scriptorium.sandbox.ui.internal.results;

import java.util.List;
import java.util.Locale;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.scriptorium.sandbox.LaunchComparison;
import org.scriptorium.sandbox.ui.SandboxUI;

/**
 * Two launches (or two runs of one launch) side by side: their configurations ({@code experiment.json}, or the runs'
 * resolved {@code config.json}) as flat fields, the changed ones highlighted, and their final metrics (mean over the
 * runs of a launch) with the absolute and relative difference.
 */
public final class CompareDialog extends Dialog {

	/** Widget ids for tests. */
	public static final String ID_CONFIGURATION = "compare.configuration"; //$NON-NLS-1$
	public static final String ID_METRICS = "compare.metrics"; //$NON-NLS-1$

	private final String a;
	private final String b;
	private final List<LaunchComparison.Field> fields;
	private final List<LaunchComparison.Delta> deltas;
	private Font bold;

	/**
	 * @param a      the name of the first launch or run (the reference of the differences)
	 * @param b      the name of the second
	 * @param fields their configuration fields
	 * @param deltas their final metrics
	 */
	public CompareDialog(Shell parent, String a, String b, List<LaunchComparison.Field> fields,
			List<LaunchComparison.Delta> deltas) {
		super(parent);
		this.a = a;
		this.b = b;
		this.fields = fields;
		this.deltas = deltas;
		setShellStyle(getShellStyle() | SWT.RESIZE | SWT.MAX);
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(NLS.bind(Messages.Compare_title, a, b));
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		long changed = fields.stream().filter(LaunchComparison.Field::changed).count();
		Label header = new Label(area, SWT.WRAP);
		header.setText(NLS.bind(Messages.Compare_header, new Object[]{a, b, changed, fields.size()}));
		GridDataFactory.fillDefaults().grab(true, false).hint(800, SWT.DEFAULT).applyTo(header);
		SashForm sash = new SashForm(area, SWT.HORIZONTAL);
		GridDataFactory.fillDefaults().grab(true, true).hint(1000, 500).applyTo(sash);
		FontData[] data = parent.getFont().getFontData();
		for (FontData d : data) {
			d.setStyle(SWT.BOLD);
		}
		bold = new Font(parent.getDisplay(), data);
		parent.addDisposeListener(e -> bold.dispose());
		Color highlight = parent.getDisplay().getSystemColor(SWT.COLOR_INFO_BACKGROUND);

		Table config = table(sash, ID_CONFIGURATION, Messages.Compare_field, 200, a, 170, b, 170);
		for (LaunchComparison.Field f : fields) {
			TableItem item = new TableItem(config, SWT.NONE);
			item.setText(new String[]{f.path(), f.a() == null ? Messages.Compare_absent : f.a(),
					f.b() == null ? Messages.Compare_absent : f.b()});
			if (f.changed()) {
				item.setBackground(highlight);
				item.setFont(bold);
			}
			item.setData(f);
		}
		Table metrics = table(sash, ID_METRICS, Messages.Compare_metric, 200, a, 90, b, 90);
		column(metrics, Messages.Compare_delta, 90);
		column(metrics, Messages.Compare_relative, 80);
		for (LaunchComparison.Delta d : deltas) {
			TableItem item = new TableItem(metrics, SWT.NONE);
			item.setText(
					new String[]{d.name(), number(d.a()), number(d.b()), signed(d.absolute()), percent(d.relative())});
			item.setData(d);
		}
		sash.setWeights(55, 45);
		return area;
	}

	private static Table table(Composite parent, String id, String first, int w1, String second, int w2, String third,
			int w3) {
		Composite box = new Composite(parent, SWT.NONE);
		box.setLayout(new GridLayout());
		Table table = new Table(box, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		table.setData(SandboxUI.WIDGET_ID_KEY, id);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
		column(table, first, w1);
		column(table, second, w2);
		column(table, third, w3);
		return table;
	}

	private static void column(Table table, String title, int width) {
		TableColumn c = new TableColumn(table, SWT.NONE);
		c.setText(title);
		c.setWidth(width);
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
	}

	@Override
	protected void buttonPressed(int buttonId) {
		if (buttonId == IDialogConstants.CLOSE_ID) {
			close();
		} else {
			super.buttonPressed(buttonId);
		}
	}

	/** {@code e1 (20261128-100000)}. */
	static String name(LaunchRecord launch) {
		return launch.experiment() + " (" + launch.date() + ')'; //$NON-NLS-1$
	}

	/** {@code p0001-s1 of e1 (20261128-100000)}. */
	static String name(LaunchRecord launch, LaunchRecord.Run run) {
		return run.id() + " of " + name(launch); //$NON-NLS-1$
	}

	static String number(double v) {
		return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v); //$NON-NLS-1$ //$NON-NLS-2$
	}

	static String signed(double v) {
		return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%+.4f", v); //$NON-NLS-1$ //$NON-NLS-2$
	}

	static String percent(double v) {
		return Double.isNaN(v) || Double.isInfinite(v) ? "" : String.format(Locale.ROOT, "%+.2f%%", 100 * v); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
