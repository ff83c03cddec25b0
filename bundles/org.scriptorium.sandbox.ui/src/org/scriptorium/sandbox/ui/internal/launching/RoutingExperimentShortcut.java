package org.scriptorium.sandbox.ui.internal.launching;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.ILog;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.ILaunchShortcut2;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PlatformUI;
import org.scriptorium.launching.ExperimentLaunching;
import org.scriptorium.sandbox.Experiment;

/**
 * Run As &gt; Routing Experiment on an experiment file selected in the Project Explorer or open in an editor: reuses the
 * file's Routing Experiment configuration (or creates and saves one named after the file) and launches it, so it
 * also appears in the run history.
 */
public final class RoutingExperimentShortcut implements ILaunchShortcut2 {

	@Override
	public void launch(ISelection selection, String mode) {
		launchOrComplain(fileOf(selection), mode);
	}

	@Override
	public void launch(IEditorPart editor, String mode) {
		launchOrComplain(fileOf(editor), mode);
	}

	private void launchOrComplain(IFile file, String mode) {
		if (file == null) {
			MessageDialog.openInformation(PlatformUI.getWorkbench().getModalDialogShellProvider().getShell(),
					Messages.Shortcut_title, Messages.Shortcut_notExperiment);
			return;
		}
		try {
			launch(file, mode);
		} catch (CoreException e) {
			ILog.of(getClass()).log(e.getStatus());
			ErrorDialog.openError(PlatformUI.getWorkbench().getModalDialogShellProvider().getShell(),
					Messages.Shortcut_title, null, e.getStatus());
		}
	}

	/**
	 * Launches {@code file} in {@code mode} with its configuration (found or created); the launch itself runs in the
	 * background, as {@link DebugUITools#launch(ILaunchConfiguration, String)} does.
	 *
	 * @return the configuration launched
	 */
	public ILaunchConfiguration launch(IFile file, String mode) throws CoreException {
		ILaunchConfiguration configuration = findOrCreate(file);
		DebugUITools.launch(configuration, mode);
		return configuration;
	}

	/** The saved Routing Experiment configuration of {@code file}, created if there is none. */
	public static ILaunchConfiguration findOrCreate(IFile file) throws CoreException {
		List<ILaunchConfiguration> existing = configurationsOf(file);
		if (!existing.isEmpty()) {
			return existing.get(0);
		}
		ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
		ILaunchConfigurationType type = manager
				.getLaunchConfigurationType(ExperimentLaunching.LAUNCH_CONFIGURATION_TYPE_ID);
		String base = file.getName().substring(0, file.getName().length() - Experiment.EXTENSION.length());
		ILaunchConfigurationWorkingCopy wc = type.newInstance(null, manager.generateLaunchConfigurationName(base));
		wc.setAttribute(ExperimentLaunching.ATTR_EXPERIMENT_FILE, file.getFullPath().toPortableString());
		wc.setMappedResources(new IResource[]{file});
		return wc.doSave();
	}

	/** The Routing Experiment configurations that run {@code file}. */
	public static List<ILaunchConfiguration> configurationsOf(IFile file) throws CoreException {
		ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
		ILaunchConfigurationType type = manager
				.getLaunchConfigurationType(ExperimentLaunching.LAUNCH_CONFIGURATION_TYPE_ID);
		String path = file.getFullPath().toPortableString();
		List<ILaunchConfiguration> out = new ArrayList<>();
		for (ILaunchConfiguration c : manager.getLaunchConfigurations(type)) {
			if (path.equals(c.getAttribute(ExperimentLaunching.ATTR_EXPERIMENT_FILE, ""))) { //$NON-NLS-1$
				out.add(c);
			}
		}
		return out;
	}

	@Override
	public ILaunchConfiguration[] getLaunchConfigurations(ISelection selection) {
		return configurations(fileOf(selection));
	}

	@Override
	public ILaunchConfiguration[] getLaunchConfigurations(IEditorPart editor) {
		return configurations(fileOf(editor));
	}

	private ILaunchConfiguration[] configurations(IFile file) {
		if (file == null) {
			return null;
		}
		try {
			List<ILaunchConfiguration> found = configurationsOf(file);
			return found.isEmpty() ? null : found.toArray(ILaunchConfiguration[]::new);
		} catch (CoreException e) {
			ILog.of(getClass()).log(e.getStatus());
			return null;
		}
	}

	@Override
	public IResource getLaunchableResource(ISelection selection) {
		return fileOf(selection);
	}

	@Override
	public IResource getLaunchableResource(IEditorPart editor) {
		return fileOf(editor);
	}

	/** The experiment file of a one-element selection, or null. */
	static IFile fileOf(ISelection selection) {
		if (selection instanceof IStructuredSelection s && s.size() == 1
				&& s.getFirstElement() instanceof IAdaptable a) {
			IFile file = Adapters.adapt(a, IFile.class);
			return ExperimentLaunching.isExperimentFile(file) ? file : null;
		}
		return null;
	}

	/** The experiment file an editor edits, or null. */
	static IFile fileOf(IEditorPart editor) {
		IEditorInput input = editor == null ? null : editor.getEditorInput();
		IFile file = input == null ? null : input.getAdapter(IFile.class);
		return ExperimentLaunching.isExperimentFile(file) ? file : null;
	}
}
