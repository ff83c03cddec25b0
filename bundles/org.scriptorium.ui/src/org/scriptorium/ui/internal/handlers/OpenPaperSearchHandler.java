package org.scriptorium.ui.internal.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.search.ui.NewSearchUI;
import org.eclipse.ui.handlers.HandlerUtil;
import org.scriptorium.ui.internal.search.PaperSearchPage;

/** Opens the Search dialog on the Paper Search page. */
public class OpenPaperSearchHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		NewSearchUI.openSearchDialog(HandlerUtil.getActiveWorkbenchWindow(event), PaperSearchPage.ID);
		return null;
	}
}
