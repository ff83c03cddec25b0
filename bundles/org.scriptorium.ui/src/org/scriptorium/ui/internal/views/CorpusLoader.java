package org.scriptorium.ui.internal.views;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.Status;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.corpus.JsonlCorpus;
import org.scriptorium.core.io.ImportException;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.ui.internal.JobFamilies;
import org.scriptorium.ui.internal.Messages;
import org.scriptorium.ui.internal.jobs.JobUtil;

/**
 * The loading part of the Papers view: reads a corpus and builds its citation graph in a job (family
 * {@link JobFamilies#CORPUS_LOAD}), then hands them to the view on the UI thread; the UI thread never reads files.
 * A corpus that cannot be read is reported (the Error Log has the details) and the view keeps what it showed.
 */
public final class CorpusLoader {

	/** What the view does with a loaded corpus, on the UI thread. */
	@FunctionalInterface
	interface Shown {
		/**
		 * @param file     the corpus file it was read from, or null
		 * @param revealId the paper to select once it is listed, or null
		 */
		void show(LoadedCorpus corpus, Path file, String revealId);
	}

	private final Display display;
	private final Shown shown;
	private final Consumer<String> failed;

	/**
	 * @param shown  shows a loaded corpus
	 * @param failed shows why a corpus could not be loaded, on the UI thread
	 */
	CorpusLoader(Display display, Shown shown, Consumer<String> failed) {
		this.display = display;
		this.shown = shown;
		this.failed = failed;
	}

	/** Loads the built-in default corpus. */
	void loadDefault() {
		load(DefaultCorpus::get, Messages.PapersView_defaultCorpus, null, null);
	}

	/** Loads a JSON Lines corpus file (see docs/corpus-format.md), then selects the paper {@code revealId} (or null). */
	void loadFile(Path file, String revealId) {
		load(() -> {
			try {
				return JsonlCorpus.load(file);
			} catch (IOException | ImportException e) {
				throw new IllegalStateException(NLS.bind(Messages.PapersView_corpusFileFailed, file, e.getMessage()),
						e);
			}
		}, file.getFileName().toString(), file, revealId);
	}

	/**
	 * Loads the corpus {@code source} gives (e.g. one held in memory) and its citation graph in a job, then shows it.
	 *
	 * @param name     the corpus' name, for the job
	 * @param file     the corpus file it is read from, or null
	 * @param revealId the paper to select once it is listed, or null
	 */
	public void load(Supplier<ICorpus> source, String name, Path file, String revealId) {
		JobUtil.schedule(NLS.bind(Messages.PapersView_loadJob, name), JobFamilies.CORPUS_LOAD, monitor -> {
			try {
				LoadedCorpus corpus = LoadedCorpus.of(source.get());
				display.asyncExec(() -> shown.show(corpus, file, revealId));
				return Status.OK_STATUS;
			} catch (RuntimeException e) {
				String message = NLS.bind(Messages.PapersView_loadFailed, e.getMessage());
				display.asyncExec(() -> failed.accept(message));
				return Status.error(message, e);
			}
		});
	}
}
