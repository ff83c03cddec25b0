package org.scriptorium.ui.internal.papers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.AbstractOperation;
import org.eclipse.core.commands.operations.IAdvancedUndoableOperation2;
import org.eclipse.core.commands.operations.IUndoContext;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.osgi.util.NLS;
import org.scriptorium.core.corpus.JsonlCorpus;
import org.scriptorium.core.io.ImportException;
import org.scriptorium.core.io.PaperMerging;
import org.scriptorium.core.model.Paper;

/**
 * An undoable change of a user corpus file: adding, deleting or merging papers. The file is read when the operation
 * runs, changed and written atomically; undo writes back the papers it held, redo the changed ones. Undo and redo
 * refuse (and change nothing) if the file was changed by something else in between.
 */
public final class CorpusEditOperation extends AbstractOperation implements IAdvancedUndoableOperation2 {

	/** A change of the papers of a corpus; throws with a message for the user when it cannot be made. */
	@FunctionalInterface
	public interface Edit {
		List<Paper> apply(List<Paper> papers) throws ExecutionException;
	}

	private final Path file;
	private final Edit edit;
	private final String revealAfter;
	private final String revealBefore;
	private List<Paper> before;
	private List<Paper> after;
	private byte[] digest;

	/**
	 * @param revealAfter  the paper to select once the change is made (may be null)
	 * @param revealBefore the paper to select once it is undone (may be null)
	 */
	public CorpusEditOperation(String label, Path file, Edit edit, String revealAfter, String revealBefore,
			IUndoContext context) {
		super(label);
		this.file = file;
		this.edit = edit;
		this.revealAfter = revealAfter;
		this.revealBefore = revealBefore;
		addContext(context);
	}

	/** Deletes the papers with these ids. */
	public static CorpusEditOperation delete(Path file, List<Paper> papers, IUndoContext context) {
		Set<String> ids = new LinkedHashSet<>(papers.stream().map(Paper::id).toList());
		String label = papers.size() == 1
				? NLS.bind(Messages.Edit_deleteOne, papers.get(0).title())
				: NLS.bind(Messages.Edit_deleteMany, papers.size());
		return new CorpusEditOperation(label, file, all -> {
			List<Paper> kept = all.stream().filter(p -> !ids.contains(p.id())).toList();
			if (kept.size() != all.size() - ids.size()) {
				throw new ExecutionException(NLS.bind(Messages.Edit_notInCorpus, file.getFileName()));
			}
			return kept;
		}, null, papers.get(0).id(), context);
	}

	/**
	 * Merges {@code others} into {@code kept} with the importer's rules (kept's fields win, missing ones are taken
	 * from the others, provenance kept) and removes the others.
	 */
	public static CorpusEditOperation merge(Path file, Paper kept, List<Paper> others, IUndoContext context) {
		Set<String> ids = new LinkedHashSet<>(others.stream().map(Paper::id).toList());
		return new CorpusEditOperation(NLS.bind(Messages.Edit_merge, others.size() + 1, kept.title()), file, all -> {
			Paper merged = all.stream().filter(p -> p.id().equals(kept.id())).findFirst()
					.orElseThrow(() -> new ExecutionException(NLS.bind(Messages.Edit_notInCorpus, file.getFileName())));
			int found = 0;
			for (Paper p : all) {
				if (ids.contains(p.id())) {
					merged = PaperMerging.merge(merged, p);
					found++;
				}
			}
			if (found != ids.size()) {
				throw new ExecutionException(NLS.bind(Messages.Edit_notInCorpus, file.getFileName()));
			}
			List<Paper> out = new ArrayList<>(all.size() - found);
			for (Paper p : all) {
				if (p.id().equals(kept.id())) {
					out.add(merged);
				} else if (!ids.contains(p.id())) {
					out.add(p);
				}
			}
			return out;
		}, kept.id(), kept.id(), context);
	}

	/**
	 * Adds papers (e.g. reference-only ones of the default corpus) to a corpus file; a paper the corpus already holds
	 * (same id, DOI, arXiv id, or title, year and first author) is merged into it instead.
	 */
	public static CorpusEditOperation add(Path file, List<Paper> papers, IUndoContext context) {
		String label = papers.size() == 1
				? NLS.bind(Messages.Edit_addOne, papers.get(0).title(), file.getFileName())
				: NLS.bind(Messages.Edit_addMany, papers.size(), file.getFileName());
		return new CorpusEditOperation(label, file, all -> {
			List<Paper> out = new ArrayList<>(all);
			for (Paper added : papers) {
				int same = -1;
				for (int i = 0; i < out.size() && same < 0; i++) {
					if (PaperMerging.duplicateReason(out.get(i), added).isPresent()) {
						same = i;
					}
				}
				if (same >= 0) {
					out.set(same, PaperMerging.merge(out.get(same), added));
				} else {
					out.add(added);
				}
			}
			return out;
		}, papers.get(0).id(), null, context);
	}

	/** The corpus file this operation changes. */
	public Path file() {
		return file;
	}

	@Override
	public IStatus execute(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
		try {
			byte[] start = CorpusFiles.digest(file);
			List<Paper> papers = JsonlCorpus.load(file).papers();
			if (!CorpusFiles.same(start, CorpusFiles.digest(file))) {
				throw new ExecutionException(NLS.bind(Messages.Edit_changedMeanwhile, file));
			}
			List<Paper> changed = edit.apply(papers);
			if (monitor != null && monitor.isCanceled()) {
				return Status.CANCEL_STATUS;
			}
			before = papers;
			after = changed;
			write(after, revealAfter);
			return Status.OK_STATUS;
		} catch (IOException | ImportException e) {
			throw new ExecutionException(NLS.bind(Messages.Edit_failed, file, e.getMessage()), e);
		}
	}

	@Override
	public boolean canUndo() {
		return before != null;
	}

	@Override
	public boolean canRedo() {
		return after != null;
	}

	@Override
	public IStatus undo(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
		return replace(before, revealBefore);
	}

	@Override
	public IStatus redo(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
		return replace(after, revealAfter);
	}

	/** Undo and redo from the Edit menu read and write the file in the background, not in the UI thread. */
	@Override
	public boolean runInBackground() {
		return true;
	}

	@Override
	public IStatus computeExecutionStatus(IProgressMonitor monitor) {
		return Status.OK_STATUS;
	}

	@Override
	public void setQuietCompute(boolean quiet) {
		// nothing is computed ahead
	}

	/** Writes {@code papers} if the file is still as this operation left it. */
	private IStatus replace(List<Paper> papers, String reveal) throws ExecutionException {
		try {
			if (!CorpusFiles.same(digest, CorpusFiles.digest(file))) {
				throw new ExecutionException(NLS.bind(Messages.Edit_changedSince, file, getLabel()));
			}
			write(papers, reveal);
			return Status.OK_STATUS;
		} catch (IOException e) {
			throw new ExecutionException(NLS.bind(Messages.Edit_failed, file, e.getMessage()), e);
		}
	}

	private void write(List<Paper> papers, String reveal) throws IOException {
		JsonlCorpus.write(file, papers);
		digest = CorpusFiles.digest(file);
		CorpusFiles.changed(file, reveal);
	}
}
