package org.scriptorium.ui.internal.papers;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.Status;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IExportWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.scriptorium.cite.CitationStyle;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.io.AtomicFile;
import org.scriptorium.core.io.Exporter;
import org.scriptorium.core.io.Format;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.core.model.Paper;
import org.scriptorium.ui.IPapersView;
import org.scriptorium.ui.ScriptoriumUI;
import org.scriptorium.ui.internal.JobFamilies;
import org.scriptorium.ui.internal.jobs.JobUtil;

/**
 * File &gt; Export &gt; Scriptorium &gt; Papers: the corpus shown in the Papers view, or the papers selected there, to a
 * file in any format the core {@link Exporter} writes, or as a bibliography formatted in a citation style (text or an
 * HTML page, {@link FormattedExport}); written atomically in a job. Before Finish the page shows what will be written
 * ({@link ExportPreview}): each field with how many papers have it and what the format writes it as or that it cannot
 * carry it, and the start of the file as the real writer writes it.
 */
public class ExportPapersWizard extends Wizard implements IExportWizard {

	/** The wizard's id in the export wizards extension. */
	public static final String ID = "org.scriptorium.ui.wizards.exportPapers"; //$NON-NLS-1$

	/** Widget ids (see {@link ScriptoriumUI#WIDGET_ID_KEY}). */
	public static final String ALL_ID = "export.all", SELECTION_ID = "export.selection", //$NON-NLS-1$ //$NON-NLS-2$
			FORMAT_ID = "export.format", FILE_ID = "export.file", STYLE_ID = "export.style"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	/** Widget ids of the preview: its summary line, the field list and the start of the file. */
	public static final String PREVIEW_SUMMARY_ID = "export.preview.summary", FIELDS_ID = "export.preview.fields", //$NON-NLS-1$ //$NON-NLS-2$
			PREVIEW_ID = "export.preview.text"; //$NON-NLS-1$

	private ICorpus corpus;
	private List<Paper> selected = List.of();
	private final List<Format> formats = Exporter.supportedFormats();
	private Page page;

	public ExportPapersWizard() {
		setWindowTitle(Messages.Export_title);
	}

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {
		IWorkbenchWindow window = workbench.getActiveWorkbenchWindow();
		IWorkbenchPage active = window == null ? null : window.getActivePage();
		IPapersView view = active == null ? null : IPapersView.find(active);
		corpus = view != null && view.corpus() != null ? view.corpus() : DefaultCorpus.get();
		if (selection != null) {
			selected = papers(selection);
		}
		if (selected.isEmpty() && view != null
				&& active.getSelection(ScriptoriumUI.PAPERS_VIEW_ID) instanceof IStructuredSelection shown) {
			selected = papers(shown); // the papers selected in the view's table
		}
	}

	private static List<Paper> papers(IStructuredSelection selection) {
		return selection.toList().stream().filter(Paper.class::isInstance).map(Paper.class::cast).toList();
	}

	@Override
	public void addPages() {
		page = new Page();
		addPage(page);
	}

	@Override
	public boolean performFinish() {
		page.preview.cancel();
		List<Paper> papers = page.papers();
		Format format = page.chosenFormat();
		FormattedExport formatted = page.formatted();
		Path file = Path.of(page.file.getText().strip());
		JobUtil.scheduleUser(NLS.bind(Messages.Export_job, papers.size(), file.getFileName()),
				JobFamilies.CORPUS_EXPORT,
				monitor -> {
					try {
						if (formatted != null) {
							AtomicFile.write(file, out -> formatted.write(papers, out));
						} else {
							AtomicFile.write(file, out -> Exporter.export(papers, format, out));
						}
						CorpusFiles.changed(file, null);
						return Status.OK_STATUS;
					} catch (java.io.IOException | RuntimeException e) {
						return Status.error(NLS.bind(Messages.Export_failed, file, e.getMessage()), e);
					}
				});
		return true;
	}

	private final class Page extends WizardPage {
		Button all;
		Button someSelected;
		Combo format;
		Combo style;
		Text file;
		ExportPreview preview;

		Page() {
			super("export"); //$NON-NLS-1$
			setTitle(Messages.Export_pageTitle);
			setDescription(Messages.Export_pageDescription);
		}

		@Override
		public void createControl(Composite parent) {
			Composite c = new Composite(parent, SWT.NONE);
			GridLayoutFactory.swtDefaults().numColumns(3).applyTo(c);
			all = new Button(c, SWT.RADIO);
			all.setText(NLS.bind(Messages.Export_all, corpus.size(), corpus.name()));
			all.setData(ScriptoriumUI.WIDGET_ID_KEY, ALL_ID);
			GridDataFactory.fillDefaults().span(3, 1).applyTo(all);
			someSelected = new Button(c, SWT.RADIO);
			someSelected.setText(NLS.bind(Messages.Export_selection, selected.size()));
			someSelected.setData(ScriptoriumUI.WIDGET_ID_KEY, SELECTION_ID);
			someSelected.setEnabled(!selected.isEmpty());
			GridDataFactory.fillDefaults().span(3, 1).applyTo(someSelected);
			(selected.isEmpty() ? all : someSelected).setSelection(true);

			new Label(c, SWT.NONE).setText(Messages.Export_format);
			format = new Combo(c, SWT.READ_ONLY);
			format.setData(ScriptoriumUI.WIDGET_ID_KEY, FORMAT_ID);
			formats.forEach(f -> format.add(f.displayName()));
			FormattedExport.FORMATS.forEach(f -> format.add(FormattedExport.label(f)));
			format.select(0);
			GridDataFactory.fillDefaults().span(2, 1).applyTo(format);

			new Label(c, SWT.NONE).setText(FormattedMessages.Export_style);
			style = new Combo(c, SWT.READ_ONLY);
			style.setData(ScriptoriumUI.WIDGET_ID_KEY, STYLE_ID);
			for (CitationStyle s : CitationStyle.values()) {
				style.add(s.label());
			}
			style.select(FormattedCitations.lastStyle().ordinal());
			GridDataFactory.fillDefaults().span(2, 1).applyTo(style);

			new Label(c, SWT.NONE).setText(Messages.Export_file);
			file = new Text(c, SWT.BORDER);
			file.setData(ScriptoriumUI.WIDGET_ID_KEY, FILE_ID);
			GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(file);
			Button browse = new Button(c, SWT.PUSH);
			browse.setText(Messages.Export_browse);
			browse.addListener(SWT.Selection, e -> {
				FileDialog dialog = new FileDialog(getShell(), SWT.SAVE);
				dialog.setOverwrite(true);
				dialog.setFilterExtensions(new String[]{"*." + extension(), "*.*"}); //$NON-NLS-1$ //$NON-NLS-2$
				String chosen = dialog.open();
				if (chosen != null) {
					file.setText(chosen);
				}
			});
			file.addModifyListener(e -> validate());
			format.addListener(SWT.Selection, e -> {
				validate();
				updatePreview();
			});
			style.addListener(SWT.Selection, e -> updatePreview());
			all.addListener(SWT.Selection, e -> {
				if (all.getSelection()) {
					updatePreview();
				}
			});
			someSelected.addListener(SWT.Selection, e -> {
				if (someSelected.getSelection()) {
					updatePreview();
				}
			});
			preview = new ExportPreview(c, 3);
			setControl(c);
			PlatformUI.getWorkbench().getHelpSystem().setHelp(c, ScriptoriumUI.HELP_EXPORT_WIZARD);
			validate();
			updatePreview();
		}

		@Override
		public void setVisible(boolean visible) {
			super.setVisible(visible);
			if (!visible) {
				preview.cancel();
			}
		}

		List<Paper> papers() {
			return all.getSelection() ? corpus.papers() : selected;
		}

		/** The exporter's format chosen, or null for a formatted bibliography. */
		Format chosenFormat() {
			int chosen = format.getSelectionIndex();
			return chosen < formats.size() ? formats.get(chosen) : null;
		}

		/** The formatted bibliography chosen, or null for one of the exporter's formats. */
		FormattedExport formatted() {
			int chosen = format.getSelectionIndex();
			return chosen < formats.size() ? null
					: new FormattedExport(FormattedExport.FORMATS.get(chosen - formats.size()),
							CitationStyle.values()[style.getSelectionIndex()]);
		}

		private void updatePreview() {
			FormattedExport f = formatted();
			String name = f == null ? format.getText() : format.getText() + " (" + style.getText() + ')'; //$NON-NLS-1$
			preview.update(papers(), name, chosenFormat(), f);
		}

		private String extension() {
			int i = format.getSelectionIndex();
			return i < formats.size()
					? formats.get(i).extension()
					: FormattedExport.extension(FormattedExport.FORMATS.get(i - formats.size()));
		}

		private void validate() {
			style.setEnabled(format.getSelectionIndex() >= formats.size());
			String text = file.getText().strip();
			String error = null;
			if (text.isEmpty()) {
				setMessage(Messages.Export_noFile, INFORMATION);
			} else {
				setMessage(null);
				Path p = Path.of(text);
				if (!p.isAbsolute() || p.getParent() == null || !p.getParent().toFile().isDirectory()) {
					error = NLS.bind(Messages.Export_badFile, text);
				} else if (p.toFile().isDirectory()) {
					error = NLS.bind(Messages.Export_isFolder, text);
				}
			}
			setErrorMessage(error);
			setPageComplete(!text.isEmpty() && error == null);
		}
	}
}
