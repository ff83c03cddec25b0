package org.scriptorium.ui.internal.papers;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.PlatformUI;
import org.scriptorium.core.io.Format;
import org.scriptorium.core.io.ImportProblem;
import org.scriptorium.core.model.Paper;
import org.scriptorium.ui.ScriptoriumUI;

/**
 * The import wizard's preview: every invalid record with its file and line, every duplicate that will merge (and
 * with which paper), every new paper. Computed with the core importer when the page is shown, in the wizard's
 * container (progress and Cancel).
 */
public final class ImportPreviewPage extends WizardPage {

	/** Widget ids (see {@link ScriptoriumUI#WIDGET_ID_KEY}). */
	public static final String TABLE_ID = "import.preview", SUMMARY_ID = "import.summary"; //$NON-NLS-1$ //$NON-NLS-2$

	private Label summary;
	private Table table;
	private ImportPlan plan;

	ImportPreviewPage() {
		super("preview"); //$NON-NLS-1$
		setTitle(Messages.Import_previewTitle);
		setDescription(Messages.Import_previewDescription);
		setPageComplete(false);
	}

	@Override
	public void createControl(Composite parent) {
		Composite c = new Composite(parent, SWT.NONE);
		GridLayoutFactory.swtDefaults().applyTo(c);
		summary = new Label(c, SWT.WRAP);
		summary.setData(ScriptoriumUI.WIDGET_ID_KEY, SUMMARY_ID);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(summary);
		table = new Table(c, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
		table.setData(ScriptoriumUI.WIDGET_ID_KEY, TABLE_ID);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		GridDataFactory.fillDefaults().grab(true, true).hint(600, 260).applyTo(table);
		String[] titles = {Messages.Import_columnWhat, Messages.Import_columnPaper, Messages.Import_columnWhere};
		for (int i = 0; i < titles.length; i++) {
			TableColumn column = new TableColumn(table, SWT.NONE);
			column.setText(titles[i]);
			column.setWidth(i == 0 ? 110 : 260);
		}
		setControl(c);
		PlatformUI.getWorkbench().getHelpSystem().setHelp(c, ScriptoriumUI.HELP_IMPORT_WIZARD);
	}

	@Override
	public void setVisible(boolean visible) {
		super.setVisible(visible);
		if (visible) {
			plan = null;
			table.removeAll();
			summary.setText(""); //$NON-NLS-1$
			setErrorMessage(null);
			setPageComplete(false);
			getShell().getDisplay().asyncExec(() -> {
				if (!table.isDisposed() && isCurrentPage()) {
					show(((ImportPapersWizard) getWizard()).computePlan());
				}
			});
		}
	}

	private void show(ImportPlan computed) {
		plan = computed;
		if (computed == null) {
			summary.setText(Messages.Import_noPreview);
			return;
		}
		for (ImportProblem p : computed.problems()) {
			row(computed.refused() ? Messages.Import_kindError
					: p.warning() ? Messages.Import_kindWarning : Messages.Import_kindSkipped, "", p.toString()); //$NON-NLS-1$
		}
		for (ImportPlan.Merge m : computed.merges()) {
			row(Messages.Import_kindMerge, m.into() == null ? "" : m.into().title(), //$NON-NLS-1$
					NLS.bind(m.existing() ? Messages.Import_mergeExisting : Messages.Import_mergeImported,
							new Object[]{m.file(), m.line(), m.reason()}));
		}
		for (Paper p : computed.added()) {
			row(Messages.Import_kindNew, p.title(), p.provenance().values().stream().findFirst()
					.map(v -> v.source()).orElse("")); //$NON-NLS-1$
		}
		StringBuilder formats = new StringBuilder();
		computed.formats().forEach((file, format) -> formats.append('\n').append(NLS.bind(Messages.Import_detected,
				file.getFileName(), format.map(Format::displayName).orElse(Messages.Import_formatUnknown))));
		if (computed.refused()) {
			summary.setText(NLS.bind(Messages.Import_summaryRefused, computed.problems().size(),
					computed.target().getFileName()) + formats);
			setErrorMessage(NLS.bind(Messages.Import_refusedShort, computed.problems().get(0)));
			setPageComplete(false);
		} else {
			long warnings = computed.problems().stream().filter(ImportProblem::warning).count();
			summary.setText(NLS.bind(Messages.Import_summary,
					new Object[]{computed.added().size(), computed.merges().size(),
							computed.problems().size() - warnings, warnings, computed.target().getFileName()})
					+ formats);
			setPageComplete(true);
		}
		summary.getParent().layout(true);
		getContainer().updateButtons();
	}

	private void row(String what, String paper, String where) {
		TableItem item = new TableItem(table, SWT.NONE);
		item.setText(new String[]{what, paper, where});
	}

	/** The plan shown, or null while it is computed (or if it could not be). */
	public ImportPlan plan() {
		return plan;
	}
}
