package org.scriptorium.sandbox.ui.internal.launching;

import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.ElementTreeSelectionDialog;
import org.eclipse.ui.model.BaseWorkbenchContentProvider;
import org.eclipse.ui.model.WorkbenchLabelProvider;
import org.scriptorium.launching.ExperimentLaunching;
import org.scriptorium.sandbox.Experiment;
import org.scriptorium.sandbox.Methods;
import org.scriptorium.sandbox.ui.internal.widgets.MethodLinks;
import org.scriptorium.sandbox.ui.SandboxUI;

/**
 * The Experiment tab: the experiment file (workspace path, with Browse...), its validation state as the engine
 * reports it (the first problem with its line and column, or the number of runs), and an optional single seed.
 */
public final class ExperimentTab extends AbstractLaunchConfigurationTab {

	private Text fileText;
	private Label validationLabel;
	private Link methodsLink;
	private List<Methods.Method> checkedMethods = List.of();
	private Text seedText;
	private Map<String, String> overrides = Map.of();

	/** Validation result of the last checked file version, so {@link #isValid} does not re-read unchanged files. */
	private String checkedKey;
	private IStatus checked;

	@Override
	public void createControl(Composite parent) {
		Composite top = new Composite(parent, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(3).applyTo(top);
		setControl(top);

		new Label(top, SWT.NONE).setText(Messages.ExperimentTab_file);
		fileText = new Text(top, SWT.BORDER | SWT.SINGLE);
		fileText.setData(SandboxUI.WIDGET_ID_KEY, SandboxUI.ID_FILE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(fileText);
		fileText.addModifyListener(e -> updateLaunchConfigurationDialog());
		Button browse = createPushButton(top, Messages.ExperimentTab_browse, null);
		browse.addListener(SWT.Selection, e -> browse());

		validationLabel = new Label(top, SWT.WRAP);
		validationLabel.setData(SandboxUI.WIDGET_ID_KEY, SandboxUI.ID_VALIDATION);
		GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(400, SWT.DEFAULT).applyTo(validationLabel);

		methodsLink = MethodLinks.create(top, SandboxUI.ID_METHODS);
		GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(400, SWT.DEFAULT).applyTo(methodsLink);

		new Label(top, SWT.NONE).setText(Messages.ExperimentTab_seed);
		seedText = new Text(top, SWT.BORDER | SWT.SINGLE);
		seedText.setData(SandboxUI.WIDGET_ID_KEY, SandboxUI.ID_SEED);
		seedText.setMessage(Messages.ExperimentTab_seedHint);
		GridDataFactory.fillDefaults().hint(120, SWT.DEFAULT).applyTo(seedText);
		seedText.addModifyListener(e -> updateLaunchConfigurationDialog());
	}

	@Override
	public String getName() {
		return Messages.ExperimentTab_name;
	}

	@Override
	public String getId() {
		return SandboxUI.PLUGIN_ID + ".experimentTab"; //$NON-NLS-1$
	}

	@Override
	public Image getImage() {
		return DebugUITools.getImage(ExperimentLaunching.LAUNCH_CONFIGURATION_TYPE_ID);
	}

	@Override
	public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
		IFile file = selectedExperimentFile();
		if (file != null) {
			configuration.setAttribute(ExperimentLaunching.ATTR_EXPERIMENT_FILE, file.getFullPath().toPortableString());
			configuration.setMappedResources(new IResource[]{file});
		}
	}

	@Override
	public void initializeFrom(ILaunchConfiguration configuration) {
		try {
			fileText.setText(configuration.getAttribute(ExperimentLaunching.ATTR_EXPERIMENT_FILE, "")); //$NON-NLS-1$
			seedText.setText(configuration.hasAttribute(ExperimentLaunching.ATTR_SEED)
					? Integer.toString(configuration.getAttribute(ExperimentLaunching.ATTR_SEED, 0))
					: ""); //$NON-NLS-1$
			overrides = configuration.getAttribute(ExperimentLaunching.ATTR_OVERRIDES, Map.of());
		} catch (CoreException e) {
			setErrorMessage(e.getMessage());
		}
		checkedKey = null;
	}

	@Override
	public void activated(ILaunchConfigurationWorkingCopy workingCopy) {
		// the Parameters tab may have changed the overrides the file is validated with
		try {
			overrides = workingCopy.getAttribute(ExperimentLaunching.ATTR_OVERRIDES, Map.of());
		} catch (CoreException e) {
			setErrorMessage(e.getMessage());
		}
	}

	@Override
	public void performApply(ILaunchConfigurationWorkingCopy configuration) {
		String path = fileText.getText().strip();
		configuration.setAttribute(ExperimentLaunching.ATTR_EXPERIMENT_FILE, path.isEmpty() ? null : path);
		IFile file = file(path);
		configuration.setMappedResources(file != null && file.exists() ? new IResource[]{file} : null);
		String seed = seedText.getText().strip();
		if (seed.isEmpty()) {
			configuration.removeAttribute(ExperimentLaunching.ATTR_SEED);
		} else {
			try {
				configuration.setAttribute(ExperimentLaunching.ATTR_SEED, Integer.parseInt(seed));
			} catch (NumberFormatException e) {
				// isValid reports it
			}
		}
	}

	@Override
	public boolean isValid(ILaunchConfiguration launchConfig) {
		setErrorMessage(null);
		setMessage(null);
		IStatus status = validate(fileText.getText().strip());
		validationLabel.setText(status.getMessage());
		methodsLink.setText(status.isOK() && !checkedMethods.isEmpty()
				? NLS.bind(Messages.ExperimentTab_methods, MethodLinks.markup(checkedMethods))
				: ""); //$NON-NLS-1$
		validationLabel.getParent().layout(true);
		if (!status.isOK()) {
			setErrorMessage(status.getMessage());
			return false;
		}
		String seed = seedText.getText().strip();
		if (!seed.isEmpty()) {
			try {
				Integer.parseInt(seed);
			} catch (NumberFormatException e) {
				setErrorMessage(NLS.bind(Messages.ExperimentTab_badSeed, seed));
				return false;
			}
		}
		return true;
	}

	/** The text of the strategies and losses line, with its link markup (for tests). */
	public String methodsText() {
		return methodsLink.getText();
	}

	/** The text of the validation state label (for tests and accessibility). */
	public String validationText() {
		return validationLabel.getText();
	}

	/** Validates the file as the launch will: OK with the run count, or the engine's first problem. */
	private IStatus validate(String path) {
		if (path.isEmpty()) {
			return Status.error(Messages.ExperimentTab_noFile);
		}
		IFile file = file(path);
		if (file == null || !file.exists()) {
			try {
				ExperimentLaunching.experimentFile(configurationFor(path));
			} catch (CoreException e) {
				return e.getStatus();
			}
			return Status.error(Messages.ExperimentTab_noFile);
		}
		String key = file.getFullPath() + "@" + file.getModificationStamp() + overrides; //$NON-NLS-1$
		if (key.equals(checkedKey)) {
			return checked;
		}
		IStatus status;
		checkedMethods = List.of();
		try {
			Experiment experiment = ExperimentLaunching.validate(file, overrides);
			checkedMethods = Methods.of(experiment.json());
			int runs = experiment.runs().size();
			status = new Status(IStatus.OK, SandboxUI.PLUGIN_ID, NLS.bind(
					experiment.isExternal() ? Messages.ExperimentTab_validExternal : Messages.ExperimentTab_valid,
					experiment.name(), runs));
		} catch (CoreException e) {
			status = e.getStatus();
		}
		checkedKey = key;
		checked = status;
		return status;
	}

	/** A throw-away configuration naming {@code path}, to get the launch's own message for a missing file. */
	private static ILaunchConfiguration configurationFor(String path) throws CoreException {
		ILaunchConfigurationWorkingCopy wc = org.eclipse.debug.core.DebugPlugin.getDefault().getLaunchManager()
				.getLaunchConfigurationType(ExperimentLaunching.LAUNCH_CONFIGURATION_TYPE_ID)
				.newInstance(null, "check"); //$NON-NLS-1$
		wc.setAttribute(ExperimentLaunching.ATTR_EXPERIMENT_FILE, path);
		return wc;
	}

	private static IFile file(String path) {
		if (path.isEmpty()) {
			return null;
		}
		IPath p = IPath.fromPortableString(path);
		return p.segmentCount() < 2 ? null : ResourcesPlugin.getWorkspace().getRoot().getFile(p);
	}

	private void browse() {
		ElementTreeSelectionDialog dialog = new ElementTreeSelectionDialog(getShell(), new WorkbenchLabelProvider(),
				new BaseWorkbenchContentProvider());
		dialog.setTitle(Messages.ExperimentTab_browseTitle);
		dialog.setMessage(Messages.ExperimentTab_browseMessage);
		dialog.setInput(ResourcesPlugin.getWorkspace().getRoot());
		dialog.addFilter(new ViewerFilter() {
			@Override
			public boolean select(Viewer viewer, Object parentElement, Object element) {
				return element instanceof IContainer c
						? c.isAccessible()
						: element instanceof IFile f && ExperimentLaunching.isExperimentFile(f);
			}
		});
		dialog.setAllowMultiple(false);
		dialog.setValidator(selection -> selection.length == 1 && selection[0] instanceof IFile
				? Status.OK_STATUS
				: Status.error(Messages.ExperimentTab_noFile));
		IFile current = file(fileText.getText().strip());
		if (current != null && current.exists()) {
			dialog.setInitialSelection(current);
		}
		if (dialog.open() == Window.OK && dialog.getFirstResult() instanceof IFile f) {
			fileText.setText(f.getFullPath().toPortableString());
		}
	}

	/** The experiment file selected in the active part or edited in the active editor, if any. */
	static IFile selectedExperimentFile() {
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		IWorkbenchPage page = window == null ? null : window.getActivePage();
		if (page == null) {
			return null;
		}
		ISelection selection = page.getSelection();
		if (selection instanceof IStructuredSelection s && s.getFirstElement() instanceof IAdaptable a) {
			IFile file = Adapters.adapt(a, IFile.class);
			if (ExperimentLaunching.isExperimentFile(file)) {
				return file;
			}
		}
		IEditorPart editor = page.getActiveEditor();
		IEditorInput input = editor == null ? null : editor.getEditorInput();
		IFile file = input == null ? null : input.getAdapter(IFile.class);
		return ExperimentLaunching.isExperimentFile(file) ? file : null;
	}
}
