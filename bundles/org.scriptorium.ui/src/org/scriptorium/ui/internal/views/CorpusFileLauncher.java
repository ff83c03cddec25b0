package org.scriptorium.ui.internal.views;

import org.eclipse.core.runtime.IPath;
import org.eclipse.ui.IEditorLauncher;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.statushandlers.StatusManager;
import org.scriptorium.ui.IPapersView;

/** Opening a corpus file ({@code *.jsonl}) in the workspace shows it in the Papers view. */
public class CorpusFileLauncher implements IEditorLauncher {

	@Override
	public void open(IPath file) {
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		if (window == null || window.getActivePage() == null) {
			return;
		}
		try {
			IPapersView.show(window.getActivePage()).openCorpusFile(file.toPath());
		} catch (PartInitException e) {
			StatusManager.getManager().handle(e.getStatus(), StatusManager.LOG | StatusManager.SHOW);
		}
	}
}
