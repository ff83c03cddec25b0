package org.scriptorium.sandbox.ui.internal.launching;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.debug.ui.actions.ILaunchable;
import org.scriptorium.launching.ExperimentLaunching;

/**
 * Makes experiment files launchable for the debug UI: its Run As and Debug As context menus (Project Explorer, Package
 * Explorer, any view showing resources) appear only for objects that adapt to {@link ILaunchable}, which a plain
 * platform (no JDT) registers for no file. Which shortcuts the menu then lists is up to their enablement.
 */
public final class LaunchableAdapterFactory implements IAdapterFactory {

	private static final ILaunchable LAUNCHABLE = new ILaunchable() {
		// a marker
	};

	@Override
	public <T> T getAdapter(Object adaptableObject, Class<T> adapterType) {
		if (adapterType == ILaunchable.class && adaptableObject instanceof IFile file
				&& ExperimentLaunching.isExperimentFile(file)) {
			return adapterType.cast(LAUNCHABLE);
		}
		return null;
	}

	@Override
	public Class<?>[] getAdapterList() {
		return new Class<?>[]{ILaunchable.class};
	}
}
