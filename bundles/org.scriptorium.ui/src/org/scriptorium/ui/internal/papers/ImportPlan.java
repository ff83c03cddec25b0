package org.scriptorium.ui.internal.papers;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.osgi.util.NLS;
import org.scriptorium.core.corpus.JsonlCorpus;
import org.scriptorium.core.io.Format;
import org.scriptorium.core.io.ImportException;
import org.scriptorium.core.io.ImportProblem;
import org.scriptorium.core.io.Importer;
import org.scriptorium.core.io.PaperMerging;
import org.scriptorium.core.model.Paper;

/**
 * What importing some files into a corpus file would do, computed with the core {@link Importer}: the target's
 * papers are read first, so an imported paper that duplicates one of them is merged into it (the target's paper
 * keeps its id), and the papers that are new. An import that is refused lists every problem with its file and line.
 *
 * @param papers   the corpus after the import (the target's papers, completed, then the new ones); empty if refused
 * @param added    the new papers
 * @param merges   every duplicate that will merge
 * @param problems every invalid record or file (with {@code skipInvalid} these are skipped, otherwise the import is
 *                 refused)
 * @param formats  the format recognised in each source file (absent if none)
 * @param refused  whether nothing can be imported
 */
public record ImportPlan(Path target, List<Paper> papers, List<Paper> added, List<Merge> merges,
		List<ImportProblem> problems, Map<Path, Optional<Format>> formats, boolean refused) {

	/**
	 * A duplicate that merges into a paper.
	 *
	 * @param into       the paper it merges into (of the target corpus, or imported earlier)
	 * @param existing   whether {@code into} is a paper of the target corpus
	 * @param file, line where the duplicate was read
	 * @param reason     why they are taken for one paper
	 */
	public record Merge(Paper into, boolean existing, String file, int line, String reason) {
	}

	/**
	 * Computes the plan. Reading runs in another thread so that cancelling returns at once (the reading finishes in
	 * the background and is dropped).
	 *
	 * @param expected    the format the user says the files are in, or null to recognise each file's
	 * @param skipInvalid skip invalid records instead of refusing the whole import (the wizard's default, as the
	 *                    command line's); an import of which not one record can be read is refused all the same
	 * @throws OperationCanceledException if the monitor is cancelled
	 */
	public static ImportPlan compute(List<Path> sources, Format expected, Path target, boolean skipInvalid,
			IProgressMonitor monitor) {
		return compute(sources, expected, target, skipInvalid, null, monitor);
	}

	/**
	 * Computes the plan reading the files in {@code encoding} (null: recognise each file's), as {@code import
	 * --encoding} does; a byte not valid in it is a problem naming its line and column.
	 *
	 * @throws OperationCanceledException if the monitor is cancelled
	 */
	public static ImportPlan compute(List<Path> sources, Format expected, Path target, boolean skipInvalid,
			Charset encoding, IProgressMonitor monitor) {
		monitor.beginTask(NLS.bind(Messages.Import_reading, sources.size()), IProgressMonitor.UNKNOWN);
		CompletableFuture<ImportPlan> reading = CompletableFuture
				.supplyAsync(() -> computeNow(sources, expected, target, skipInvalid, encoding));
		try {
			while (true) {
				if (monitor.isCanceled()) {
					reading.cancel(true);
					throw new OperationCanceledException();
				}
				try {
					return reading.get(100, TimeUnit.MILLISECONDS);
				} catch (TimeoutException e) {
					// poll the monitor again
				}
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new OperationCanceledException();
		} catch (java.util.concurrent.ExecutionException e) {
			throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
		} finally {
			monitor.done();
		}
	}

	static ImportPlan computeNow(List<Path> sources, Format expected, Path target, boolean skipInvalid,
			Charset encoding) {
		String targetName = String.valueOf(target.getFileName());
		Map<Path, Optional<Format>> formats = new LinkedHashMap<>();
		List<ImportProblem> problems = new ArrayList<>();
		for (Path source : sources) {
			String name = String.valueOf(source.getFileName());
			try {
				Optional<Format> format = PaperMerging.detect(source);
				formats.put(source, format);
				if (expected != null && format.isPresent() && format.get() != expected) {
					problems.add(new ImportProblem(name, 0, 0,
							NLS.bind(Messages.Import_notExpectedFormat, format.get().displayName(),
									expected.displayName())));
				}
			} catch (IOException e) {
				formats.put(source, Optional.empty()); // the importer names the problem
			}
		}
		List<Paper> existing = List.of();
		if (Files.exists(target)) {
			try {
				existing = JsonlCorpus.load(target).papers();
			} catch (ImportException e) {
				List<ImportProblem> all = new ArrayList<>(problems);
				all.addAll(e.problems());
				return refused(target, all, formats);
			} catch (IOException e) {
				problems.add(new ImportProblem(targetName, 0, 0,
						NLS.bind(Messages.Import_targetUnreadable, e.getMessage())));
				return refused(target, problems, formats);
			}
		}
		if (!problems.isEmpty()) {
			return refused(target, problems, formats);
		}
		List<Path> files = new ArrayList<>();
		if (Files.exists(target)) {
			files.add(target);
		}
		files.addAll(sources);
		Importer.ImportResult result;
		try {
			// (the corpus file itself is always read as UTF-8: the encoding is the imported files')
			result = Importer.importFiles(files, new Importer.Options(!skipInvalid, encoding));
		} catch (ImportException e) {
			return refused(target, e.problems(), formats);
		}
		if (result.papers().size() == existing.size() && !result.problems().isEmpty()) {
			return refused(target, result.problems(), formats); // not one record could be read, as "import" says too
		}
		Set<String> existingIds = existing.stream().map(Paper::id).collect(Collectors.toSet());
		Map<String, Paper> byId = new HashMap<>();
		for (Paper p : result.papers()) {
			byId.put(p.id(), p);
		}
		List<Merge> merges = new ArrayList<>();
		for (Importer.MergedDuplicate m : result.merged()) {
			merges.add(
					new Merge(byId.get(m.keptId()), existingIds.contains(m.keptId()), m.file(), m.line(), m.reason()));
		}
		List<Paper> added = result.papers().stream().filter(p -> !existingIds.contains(p.id())).toList();
		return new ImportPlan(target, result.papers(), added, merges, result.problems(), formats, false);
	}

	private static ImportPlan refused(Path target, List<ImportProblem> problems, Map<Path, Optional<Format>> formats) {
		return new ImportPlan(target, List.of(), List.of(), List.of(), List.copyOf(problems), formats, true);
	}

	/** Writes the corpus after the import, atomically: the old file or the new one, never a mix. */
	public void apply() throws IOException {
		if (refused) {
			throw new IllegalStateException("a refused import cannot be applied"); //$NON-NLS-1$
		}
		JsonlCorpus.write(target, papers);
	}
}
