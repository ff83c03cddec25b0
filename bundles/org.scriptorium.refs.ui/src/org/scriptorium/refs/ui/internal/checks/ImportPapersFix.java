package org.scriptorium.refs.ui.internal.checks;

import org.eclipse.core.commands.common.CommandException;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.ILog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.scriptorium.refs.ui.internal.Messages;

/**
 * Opens the Papers import wizard (File &gt; Import &gt; Scriptorium &gt; Papers) once the quick fix dialog has closed.
 * Once the import has written the active corpus file, the checks re-check the workspace.
 */
final class ImportPapersFix extends ReferenceFix {

	/** The Papers view menu's Import Papers... command (org.scriptorium.ui). */
	static final String IMPORT_COMMAND_ID = "org.scriptorium.ui.commands.importPapers"; //$NON-NLS-1$

	ImportPapersFix() {
		super(Messages.Fix_import, Messages.Fix_importDescription, 50);
	}

	@Override
	public void run(IMarker marker) {
		Display.getCurrent().asyncExec(() -> {
			IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
			if (window == null) {
				return;
			}
			try {
				window.getService(IHandlerService.class).executeCommand(IMPORT_COMMAND_ID, null);
			} catch (CommandException e) {
				ILog.of(getClass()).error(NLS.bind(Messages.Fix_importFailed, e.getMessage()), e);
			}
		});
	}
}
