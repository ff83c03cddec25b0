package org.scriptorium.search.internal.service;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.osgi.util.NLS;
import org.scriptorium.search.CitedIn;

/**
 * The {@link CitedIn} of the workbench's engines: the first working contribution to the extension point
 * {@code org.scriptorium.search.citedIn} (the paper-references bundle contributes workspace paths), read once.
 */
public final class CitedInExtension {

	/** The extension point. */
	public static final String EXTENSION_POINT = "org.scriptorium.search.citedIn"; //$NON-NLS-1$

	private static CitedIn installed;
	private static boolean read;

	private CitedInExtension() {
	}

	/** The contributed {@link CitedIn}, or {@code null} when none is installed (then {@code citedin:} says so). */
	public static synchronized CitedIn installed() {
		if (!read) {
			read = true;
			installed = read(Platform.getExtensionRegistry().getConfigurationElementsFor(EXTENSION_POINT),
					ILog.of(CitedInExtension.class));
		}
		return installed;
	}

	static CitedIn read(IConfigurationElement[] elements, ILog log) {
		for (IConfigurationElement element : elements) {
			if (!"provider".equals(element.getName())) { //$NON-NLS-1$
				continue;
			}
			String type = element.getAttribute("class"); //$NON-NLS-1$
			String contributor = element.getContributor().getName();
			try {
				if (element.createExecutableExtension("class") instanceof CitedIn c) { //$NON-NLS-1$
					return c;
				}
				log.error(NLS.bind(Messages.CitedIn_notProvider, type, contributor));
			} catch (CoreException | RuntimeException | LinkageError e) {
				log.error(NLS.bind(Messages.CitedIn_failed, new Object[] { type, contributor, e.getMessage() }), e);
			}
		}
		return null;
	}
}
