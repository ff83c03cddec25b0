package org.scriptorium.refs.ui.internal.checks;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.IOperationHistory;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.operations.IWorkbenchOperationSupport;
import org.scriptorium.core.model.Paper;
import org.scriptorium.refs.internal.workspace.ReferenceChecks;
import org.scriptorium.refs.ui.internal.ActiveCorpus;
import org.scriptorium.refs.ui.internal.Messages;
import org.scriptorium.ui.internal.jobs.JobUtil;
import org.scriptorium.ui.internal.papers.CorpusEditOperation;

/**
 * Adds the default corpus' paper a reference names to the active corpus file, with the Papers view's undoable
 * corpus edit (read, changed and written atomically; a paper the file already holds is merged), in a job; then the
 * files with unresolved references are checked again, so the marker goes.
 */
final class AddToCorpusFix extends ReferenceFix {

	private final Paper paper;
	private final Path corpus;

	AddToCorpusFix(Paper paper, Path corpus) {
		super(NLS.bind(Messages.Fix_add, paper.title(), corpus.getFileName()),
				NLS.bind(paper.isReferenceOnly() ? Messages.Fix_addReferenceOnlyDescription
						: Messages.Fix_addDescription, paper.title(), corpus),
				100);
		this.paper = paper;
		this.corpus = corpus;
	}

	@Override
	public void run(IMarker marker) {
		IWorkbenchOperationSupport support = PlatformUI.getWorkbench().getOperationSupport();
		IOperationHistory history = support.getOperationHistory();
		CorpusEditOperation add = CorpusEditOperation.add(corpus, List.of(paper), support.getUndoContext());
		JobUtil.scheduleUser(add.getLabel(), ActiveCorpus.JOB_FAMILY, monitor -> {
			try {
				IStatus status = history.execute(add, monitor, null);
				if (status.isOK()) {
					ReferenceChecks.recheckMarked(); // also when the corpus file is outside the workspace
				}
				return status;
			} catch (ExecutionException e) {
				return Status.error(e.getMessage(), e);
			}
		});
	}
}
