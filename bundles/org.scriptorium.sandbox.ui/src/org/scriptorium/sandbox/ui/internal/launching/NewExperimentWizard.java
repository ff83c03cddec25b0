package org.scriptorium.sandbox.ui.internal.launching;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.statushandlers.StatusManager;
import org.eclipse.ui.dialogs.WizardNewFileCreationPage;
import org.eclipse.ui.wizards.newresource.BasicNewResourceWizard;
import org.scriptorium.launching.ExperimentExamples;
import org.scriptorium.sandbox.Experiment;
import org.scriptorium.sandbox.ui.SandboxUI;

/**
 * File &gt; New &gt; Routing Experiment: a new {@code *.moe.json} file whose content is one of the shipped examples,
 * with its {@code name} set from the file name; the file is revealed and opened in its editor.
 */
public final class NewExperimentWizard extends BasicNewResourceWizard {

	private static final Pattern NAME = Pattern.compile("(\"name\"\\s*:\\s*\")([^\"]*)(\")"); //$NON-NLS-1$
	private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*"); //$NON-NLS-1$

	private Page page;

	@Override
	public void init(IWorkbench workbench, IStructuredSelection currentSelection) {
		super.init(workbench, currentSelection);
		setWindowTitle(Messages.NewWizard_title);
		setNeedsProgressMonitor(true);
	}

	@Override
	public void addPages() {
		page = new Page(getSelection());
		addPage(page);
	}

	@Override
	public boolean performFinish() {
		IFile file = page.createNewFile();
		if (file == null) {
			return false;
		}
		selectAndReveal(file);
		IWorkbenchWindow window = getWorkbench().getActiveWorkbenchWindow();
		IWorkbenchPage page = window == null ? null : window.getActivePage();
		if (page != null) {
			try {
				IDE.openEditor(page, file, true);
			} catch (PartInitException e) {
				StatusManager.getManager().handle(e.getStatus(), StatusManager.LOG | StatusManager.SHOW);
			}
		}
		return true;
	}

	/** The file name without {@code .moe.json}, made a valid experiment name. */
	static String experimentName(String fileName) {
		String base = fileName.endsWith(Experiment.EXTENSION)
				? fileName.substring(0, fileName.length() - Experiment.EXTENSION.length())
				: fileName;
		String name = base.replaceAll("[^A-Za-z0-9._-]", "-").replaceFirst("^[^A-Za-z0-9]+", ""); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		return VALID_NAME.matcher(name).matches() ? name : "experiment"; //$NON-NLS-1$
	}

	/** The template's text with its first {@code "name"} replaced. */
	static String withName(String template, String name) {
		Matcher m = NAME.matcher(template);
		return m.find() ? template.substring(0, m.start(2)) + name + template.substring(m.end(2)) : template;
	}

	private static final class Page extends WizardNewFileCreationPage {

		private final List<URL> templates = ExperimentExamples.examples();
		private Combo templateCombo;

		Page(IStructuredSelection selection) {
			super("experiment", selection); //$NON-NLS-1$
			setTitle(Messages.NewWizard_pageTitle);
			setDescription(Messages.NewWizard_pageDescription);
			setFileName("experiment" + Experiment.EXTENSION); //$NON-NLS-1$
		}

		@Override
		protected void createAdvancedControls(Composite parent) {
			Composite row = new Composite(parent, SWT.NONE);
			GridLayoutFactory.fillDefaults().numColumns(2).applyTo(row);
			GridDataFactory.fillDefaults().grab(true, false).applyTo(row);
			new Label(row, SWT.NONE).setText(Messages.NewWizard_template);
			templateCombo = new Combo(row, SWT.READ_ONLY | SWT.DROP_DOWN);
			templateCombo.setData(SandboxUI.WIDGET_ID_KEY, SandboxUI.ID_TEMPLATE);
			for (URL t : templates) {
				templateCombo.add(ExperimentExamples.fileName(t).replace(Experiment.EXTENSION, "")); //$NON-NLS-1$
			}
			if (!templates.isEmpty()) {
				templateCombo.select(0);
			}
			GridDataFactory.fillDefaults().grab(true, false).applyTo(templateCombo);
			// the platform's linked-resource controls: its validation needs them
			super.createAdvancedControls(parent);
			PlatformUI.getWorkbench().getHelpSystem().setHelp(parent, SandboxUI.HELP_EXPERIMENT_WIZARD);
		}

		@Override
		protected boolean validatePage() {
			if (!super.validatePage()) {
				return false;
			}
			if (!getFileName().endsWith(Experiment.EXTENSION)) {
				setErrorMessage(NLS.bind(Messages.NewWizard_extension, Experiment.EXTENSION));
				return false;
			}
			return true;
		}

		@Override
		protected InputStream getInitialContents() {
			int i = templateCombo == null ? -1 : templateCombo.getSelectionIndex();
			String text = "{\n  \"name\": \"experiment\",\n  \"strategy\": { \"type\": \"top-k\", \"k\": 2 }\n}\n"; //$NON-NLS-1$
			if (i >= 0) {
				try (InputStream in = templates.get(i).openStream()) {
					text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				} catch (IOException e) {
					ILog.of(NewExperimentWizard.class).warn(e.getMessage(), e);
				}
			}
			return new ByteArrayInputStream(
					withName(text, experimentName(getFileName())).getBytes(StandardCharsets.UTF_8));
		}
	}
}
