package org.scriptorium.ui.internal.handlers;

import java.util.Map;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.NotEnabledException;
import org.eclipse.core.commands.NotHandledException;
import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.commands.common.NotDefinedException;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.handlers.IHandlerService;

/**
 * Import Papers... and Export Papers...: opens the Papers import or export wizard through the platform's File &gt;
 * Import and Export commands (which pass on the selection), under labels of their own.
 */
public class OpenPapersWizardHandler extends AbstractHandler {

	/** The commands this handler serves. */
	public static final String IMPORT_COMMAND_ID = "org.scriptorium.ui.commands.importPapers", //$NON-NLS-1$
			EXPORT_COMMAND_ID = "org.scriptorium.ui.commands.exportPapers"; //$NON-NLS-1$

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
		boolean export = EXPORT_COMMAND_ID.equals(event.getCommand().getId());
		ICommandService commands = window.getService(ICommandService.class);
		ParameterizedCommand command = export
				? ParameterizedCommand.generateCommand(commands.getCommand("org.eclipse.ui.file.export"), //$NON-NLS-1$
						Map.of("exportWizardId", "org.scriptorium.ui.wizards.exportPapers")) //$NON-NLS-1$ //$NON-NLS-2$
				: ParameterizedCommand.generateCommand(commands.getCommand("org.eclipse.ui.file.import"), //$NON-NLS-1$
						Map.of("importWizardId", "org.scriptorium.ui.wizards.importPapers")); //$NON-NLS-1$ //$NON-NLS-2$
		try {
			return window.getService(IHandlerService.class).executeCommand(command, null);
		} catch (NotDefinedException | NotEnabledException | NotHandledException e) {
			throw new ExecutionException(e.getMessage(), e);
		}
	}
}
