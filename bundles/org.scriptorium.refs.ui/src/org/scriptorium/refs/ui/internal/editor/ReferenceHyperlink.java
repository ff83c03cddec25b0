package org.scriptorium.refs.ui.internal.editor;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.texteditor.ITextEditor;
import org.scriptorium.refs.Reference;
import org.scriptorium.refs.Resolution;
import org.scriptorium.refs.ui.internal.ActiveCorpus;
import org.scriptorium.refs.ui.internal.Messages;
import org.scriptorium.refs.ui.internal.PaperText;
import org.scriptorium.ui.IPapersView;
import org.scriptorium.ui.internal.jobs.JobUtil;

/**
 * Opens a paper reference: resolves it in a job (the corpus may have to be read) and then, on the UI thread, selects
 * the paper in the Papers view ({@link IPapersView#reveal}); a paper known only from a reference list is selected
 * among the reference-only papers with a message saying how to add it; an unknown reference says how to import it.
 * Messages go to the editor's status line.
 */
final class ReferenceHyperlink implements IHyperlink {

	private final Reference reference;
	private final ITextEditor editor;

	ReferenceHyperlink(Reference reference, ITextEditor editor) {
		this.reference = reference;
		this.editor = editor;
	}

	@Override
	public IRegion getHyperlinkRegion() {
		return new Region(reference.offset(), reference.length());
	}

	@Override
	public String getTypeLabel() {
		return null;
	}

	@Override
	public String getHyperlinkText() {
		return NLS.bind(Messages.Link_show, PaperText.written(reference));
	}

	@Override
	public void open() {
		Display display = Display.getCurrent();
		JobUtil.schedule(NLS.bind(Messages.Link_show, PaperText.written(reference)), ActiveCorpus.JOB_FAMILY, monitor -> {
			ActiveCorpus.Loaded active = ActiveCorpus.get();
			Resolution resolution = active.resolver().resolve(reference);
			if (!resolution.isKnown()) {
				Resolution fromDefault = ActiveCorpus.defaultCorpus().resolver().resolve(reference);
				if (fromDefault.status() == Resolution.Status.REFERENCE_ONLY) {
					resolution = fromDefault;
				}
			}
			Resolution resolved = resolution;
			display.asyncExec(() -> show(resolved, active));
			return Status.OK_STATUS;
		});
	}

	private void show(Resolution resolution, ActiveCorpus.Loaded active) {
		String written = PaperText.written(reference);
		if (!resolution.isKnown()) {
			status(NLS.bind(Messages.Link_unknown, written), true);
			return;
		}
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		if (window == null || window.getActivePage() == null) {
			return;
		}
		IWorkbenchPage page = window.getActivePage();
		try {
			IPapersView view = IPapersView.show(page);
			boolean shown = view.reveal(resolution.paper().id());
			if (!shown) {
				status(NLS.bind(Messages.Link_notInView, written, active.corpus().name()), true);
			} else if (resolution.status() == Resolution.Status.REFERENCE_ONLY) {
				status(NLS.bind(Messages.Link_referenceOnly, written), false);
			}
		} catch (PartInitException e) {
			ILog.of(ReferenceHyperlink.class).log(Status.error(NLS.bind(Messages.Link_failed, written, e.getMessage()), e));
		}
	}

	private void status(String message, boolean error) {
		if (editor == null) {
			ILog.of(ReferenceHyperlink.class).log(Status.info(message));
			return;
		}
		var line = editor.getEditorSite().getActionBars().getStatusLineManager();
		if (error) {
			line.setErrorMessage(message);
		} else {
			line.setMessage(message);
		}
		ILog.of(ReferenceHyperlink.class).log(new Status(IStatus.INFO, ReferenceHyperlink.class, message));
	}
}
