package org.scriptorium.ui.internal.papers;

import java.lang.reflect.InvocationTargetException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IImportWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.statushandlers.StatusManager;
import org.scriptorium.core.io.Format;
import org.scriptorium.ui.IPapersView;
import org.scriptorium.ui.internal.JobFamilies;
import org.scriptorium.ui.internal.jobs.JobUtil;

/**
 * File &gt; Import &gt; Scriptorium &gt; Papers: bibliography files into a user corpus file of the workspace, with a
 * preview of the new papers, the duplicates that merge and the invalid records; the import itself is a cancellable
 * job that replaces the corpus file atomically, so a cancel or a failure leaves it as it was.
 */
public class ImportPapersWizard extends Wizard implements IImportWizard {

	/** The wizard's id in the import wizards extension. */
	public static final String ID = "org.scriptorium.ui.wizards.importPapers"; //$NON-NLS-1$

	private ImportSourcePage sourcePage;
	private ImportPreviewPage previewPage;
	private final List<Path> initialSources = new ArrayList<>();
	private IFile initialTarget;

	public ImportPapersWizard() {
		setWindowTitle(Messages.Import_title);
		setNeedsProgressMonitor(true);
	}

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {
		if (selection == null) {
			return;
		}
		for (Object o : selection.toList()) {
			IFile file = o instanceof IFile f ? f : null;
			if (file == null && o instanceof org.eclipse.core.runtime.IAdaptable a) {
				IResource r = a.getAdapter(IResource.class);
				file = r instanceof IFile f ? f : null;
			}
			if (file != null && file.getLocation() != null) {
				if (CorpusFiles.EXTENSION.equals(file.getFileExtension()) && initialTarget == null) {
					initialTarget = file;
				} else {
					initialSources.add(file.getLocation().toPath());
				}
			}
		}
	}

	@Override
	public void addPages() {
		sourcePage = new ImportSourcePage(initialSources, initialTarget);
		previewPage = new ImportPreviewPage();
		addPage(sourcePage);
		addPage(previewPage);
	}

	@Override
	public boolean canFinish() {
		return getContainer().getCurrentPage() == previewPage && previewPage.isPageComplete();
	}

	/** Computes the plan in the wizard's container, with its progress bar and Cancel button. */
	ImportPlan computePlan() {
		List<Path> sources = sourcePage.sources();
		Format format = sourcePage.format();
		Path target = sourcePage.targetLocation();
		boolean skip = sourcePage.skipInvalid();
		Charset encoding = sourcePage.encoding();
		ImportPlan[] plan = new ImportPlan[1];
		try {
			getContainer().run(true, true, monitor -> {
				try {
					plan[0] = ImportPlan.compute(sources, format, target, skip, encoding, monitor);
				} catch (OperationCanceledException e) {
					throw new InterruptedException();
				}
			});
		} catch (InvocationTargetException e) {
			previewPage.setErrorMessage(NLS.bind(Messages.Import_failed, e.getCause().getMessage()));
		} catch (InterruptedException e) {
			previewPage.setErrorMessage(Messages.Import_previewCancelled);
		}
		return plan[0];
	}

	@Override
	public boolean performFinish() {
		List<Path> sources = sourcePage.sources();
		Format format = sourcePage.format();
		IFile targetFile = sourcePage.target();
		Path target = sourcePage.targetLocation();
		boolean skip = sourcePage.skipInvalid();
		Charset encoding = sourcePage.encoding();
		JobUtil.scheduleUser(NLS.bind(Messages.Import_job, target.getFileName()), JobFamilies.CORPUS_IMPORT,
				monitor -> {
					try {
						ImportPlan plan = ImportPlan.compute(sources, format, target, skip, encoding, monitor);
						if (plan.refused()) {
							return Status.error(NLS.bind(Messages.Import_refused, target.getFileName(),
									String.join("\n", plan.problems().stream().map(Object::toString).toList()))); //$NON-NLS-1$
						}
						if (monitor.isCanceled()) {
							return Status.CANCEL_STATUS;
						}
						plan.apply();
						// the Papers view then selects (and its details show) the first paper the import added
						String first = plan.added().isEmpty() ? null : plan.added().get(0).id();
						CorpusFiles.changed(target, first);
						PlatformUI.getWorkbench().getDisplay().asyncExec(() -> show(targetFile, target, first));
						return Status.OK_STATUS;
					} catch (OperationCanceledException e) {
						return Status.CANCEL_STATUS;
					} catch (java.io.IOException | RuntimeException e) {
						return Status.error(NLS.bind(Messages.Import_writeFailed, target, e.getMessage()), e);
					}
				});
		return true;
	}

	private static void show(IFile file, Path location, String revealId) {
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		IWorkbenchPage page = window == null ? null : window.getActivePage();
		if (page == null) {
			return;
		}
		try {
			IPapersView view = IPapersView.show(page);
			if (view.corpusFile() == null || !view.corpusFile().equals(location)) {
				view.openCorpusFile(location, revealId);
			}
		} catch (PartInitException e) {
			StatusManager.getManager().handle(e.getStatus(), StatusManager.LOG | StatusManager.SHOW);
		}
	}
}
