package org.scriptorium.ui.internal.papers;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.scriptorium.core.io.ExportFields;
import org.scriptorium.core.io.ExportFields.Carried;
import org.scriptorium.core.io.ExportFields.Row;
import org.scriptorium.core.io.Exporter;
import org.scriptorium.core.io.Format;
import org.scriptorium.core.model.Paper;
import org.scriptorium.ui.ScriptoriumUI;
import org.scriptorium.ui.internal.JobFamilies;
import org.scriptorium.ui.internal.jobs.JobUtil;

/**
 * The export wizard's preview of what Finish writes: the fields of the papers with how many have each and what the
 * chosen format writes each as (or that it cannot carry it), and the first lines of the file exactly as the real
 * writer writes them. Computed in a job ({@link JobFamilies#EXPORT_PREVIEW}); a new choice cancels the previous one.
 */
final class ExportPreview {

	/** Lines of the file shown. */
	static final int LINES = 80;
	/** A formatted bibliography's preview formats at most this many papers (the style formats and sorts them all). */
	static final int FORMATTED_PAPERS = 500;

	/**
	 * What is shown.
	 *
	 * @param format    the format's name as the wizard lists it
	 * @param rows      the field list
	 * @param head      the first lines of the file
	 * @param formatted whether it is a formatted bibliography (which keeps only what the style prints)
	 * @param papers    how many papers are written
	 * @param previewed how many papers the head was made from (all, except for a large formatted bibliography)
	 */
	record Shown(String format, List<Row> rows, String head, boolean formatted, int papers, int previewed) {
	}

	private final Label summary;
	private final Table fields;
	private final Text text;
	private Job job;
	private volatile Shown shown;

	ExportPreview(Composite parent, int span) {
		summary = new Label(parent, SWT.WRAP);
		summary.setData(ScriptoriumUI.WIDGET_ID_KEY, ExportPapersWizard.PREVIEW_SUMMARY_ID);
		GridDataFactory.fillDefaults().span(span, 1).grab(true, false).hint(600, SWT.DEFAULT).applyTo(summary);
		SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
		GridDataFactory.fillDefaults().span(span, 1).grab(true, true).hint(760, 260).applyTo(sash);
		fields = new Table(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
		fields.setData(ScriptoriumUI.WIDGET_ID_KEY, ExportPapersWizard.FIELDS_ID);
		fields.setHeaderVisible(true);
		fields.setLinesVisible(true);
		String[] titles = {Messages.Export_columnField, Messages.Export_columnPapers, Messages.Export_columnWrittenAs};
		int[] widths = {130, 60, 150};
		for (int i = 0; i < titles.length; i++) {
			TableColumn column = new TableColumn(fields, i == 1 ? SWT.RIGHT : SWT.NONE);
			column.setText(titles[i]);
			column.setWidth(widths[i]);
		}
		Composite right = new Composite(sash, SWT.NONE);
		GridLayoutFactory.fillDefaults().applyTo(right);
		new Label(right, SWT.NONE).setText(Messages.Export_previewLabel);
		text = new Text(right, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
		text.setData(ScriptoriumUI.WIDGET_ID_KEY, ExportPapersWizard.PREVIEW_ID);
		text.setFont(JFaceResources.getTextFont());
		GridDataFactory.fillDefaults().grab(true, true).applyTo(text);
		sash.setWeights(45, 55);
		summary.addDisposeListener(e -> cancel());
	}

	/** What is shown, or null while it is computed. */
	Shown shown() {
		return shown;
	}

	/** Cancels the computation under way, if any. */
	void cancel() {
		Job running = job;
		if (running != null) {
			running.cancel();
		}
	}

	/**
	 * Computes the preview of {@code papers} written in {@code format}, or formatted by {@code formatted} when it is
	 * not null, replacing the one shown.
	 */
	void update(List<Paper> papers, String formatName, Format format, FormattedExport formatted) {
		cancel();
		shown = null;
		summary.setText(Messages.Export_previewComputing);
		fields.removeAll();
		text.setText(""); //$NON-NLS-1$
		Job[] self = new Job[1];
		self[0] = JobUtil.create(NLS.bind(Messages.Export_previewJob, formatName), JobFamilies.EXPORT_PREVIEW,
				monitor -> {
					Shown result;
					try {
						if (formatted == null) {
							List<Row> rows = ExportFields.of(papers, format, monitor::isCanceled);
							result = new Shown(formatName, rows, Exporter.head(papers, format, LINES), false,
									papers.size(), papers.size());
						} else {
							// the style is given the CSL-JSON items: it can print what they carry as variables
							List<Row> rows = new ArrayList<>();
							for (Row r : ExportFields.of(papers, Format.CSL_JSON, monitor::isCanceled)) {
								rows.add(r.carried() == Carried.EXTRA
										? new Row(r.field(), r.papers(), "", Carried.NOT_WRITTEN) //$NON-NLS-1$
										: r);
							}
							List<Paper> some = papers.size() > FORMATTED_PAPERS ? papers.subList(0, FORMATTED_PAPERS)
									: papers;
							String all = formatted.text(some);
							result = new Shown(formatName, rows, head(all), true, papers.size(), some.size());
						}
					} catch (CancellationException e) {
						return Status.CANCEL_STATUS;
					} catch (RuntimeException e) {
						return Status.error(NLS.bind(Messages.Export_previewFailed, e.getMessage()), e);
					}
					if (monitor.isCanceled()) {
						return Status.CANCEL_STATUS;
					}
					summary.getDisplay().asyncExec(() -> {
						if (!summary.isDisposed() && job == self[0]) {
							show(result);
						}
					});
					return Status.OK_STATUS;
				});
		job = self[0];
		job.setSystem(true);
		job.schedule();
	}

	private static String head(String all) {
		return all.lines().limit(LINES).map(l -> l + '\n').collect(Collectors.joining());
	}

	private void show(Shown result) {
		fields.setRedraw(false);
		try {
			fields.removeAll();
			for (Row r : result.rows()) {
				TableItem item = new TableItem(fields, SWT.NONE);
				item.setText(new String[]{r.field(), String.valueOf(r.papers()), writtenAs(r, result.formatted())});
				if (r.carried() != Carried.STANDARD) {
					item.setForeground(fields.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
				}
			}
		} finally {
			fields.setRedraw(true);
		}
		text.setText(result.head());
		summary.setText(summary(result));
		summary.getParent().layout(true, true);
		shown = result;
	}

	private static String writtenAs(Row r, boolean formatted) {
		return switch (r.carried()) {
			case STANDARD -> formatted ? NLS.bind(Messages.Export_givenToStyle, r.writtenAs()) : r.writtenAs();
			case EXTRA -> NLS.bind(Messages.Export_writtenAsExtra, r.writtenAs());
			case NOT_WRITTEN -> Messages.Export_notWritten;
		};
	}

	/** The summary line: what the format cannot carry, named, so that nothing is lost silently. */
	static String summary(Shown s) {
		List<String> extra = names(s.rows(), Carried.EXTRA);
		List<String> lost = names(s.rows(), Carried.NOT_WRITTEN);
		StringBuilder b = new StringBuilder();
		if (s.formatted()) {
			b.append(NLS.bind(Messages.Export_summaryFormatted, s.format()));
			if (s.previewed() < s.papers()) {
				b.append(' ').append(NLS.bind(Messages.Export_summaryFormattedSome, s.previewed(), s.papers()));
			}
			return b.toString();
		}
		if (extra.isEmpty() && lost.isEmpty()) {
			return NLS.bind(Messages.Export_summaryAll, new Object[]{s.format(), names(s.rows(), Carried.STANDARD).size(),
					s.papers()});
		}
		if (!lost.isEmpty()) {
			b.append(NLS.bind(Messages.Export_summaryLost, new Object[]{lost.size(), s.format(), String.join(", ", lost)})); //$NON-NLS-1$
		}
		if (!extra.isEmpty()) {
			if (b.length() > 0) {
				b.append(' ');
			}
			b.append(NLS.bind(Messages.Export_summaryExtra,
					new Object[]{extra.size(), s.format(), String.join(", ", extra)})); //$NON-NLS-1$
		}
		return b.toString();
	}

	private static List<String> names(List<Row> rows, Carried carried) {
		return rows.stream().filter(r -> r.carried() == carried).map(Row::field).distinct().toList();
	}
}
