package org.scriptorium.refs.ui.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.osgi.util.NLS;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.corpus.JsonlCorpus;
import org.scriptorium.core.graph.CitationGraph;
import org.scriptorium.core.io.ImportException;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.core.preferences.CorePreferences;
import org.scriptorium.refs.ReferenceResolver;

/**
 * The corpus references in editors resolve to: the corpus the Papers view opens (the core preference
 * {@link CorePreferences#DEFAULT_CORPUS}: a corpus file, or the built-in default corpus when empty), with its resolver
 * and citation graph, read once and again when the preference or the file changes. Reads files: call from a job or a
 * hover's or content assist's background thread, never on the UI thread.
 */
public final class ActiveCorpus {

	/** A corpus with what references need of it. */
	public record Loaded(ICorpus corpus, ReferenceResolver resolver, CitationGraph graph) {
	}

	/** The family of the jobs of references in editors (resolving a link), which tests join. */
	public static final Object JOB_FAMILY = ActiveCorpus.class;

	private static Loaded loaded;
	private static String loadedPath;
	private static FileTime loadedTime;
	private static Loaded defaultLoaded;

	private ActiveCorpus() {
	}

	/** The file of the active corpus, or {@code null} when it is the built-in corpus (which cannot be changed). */
	public static Path file() {
		String path = preference();
		return path.isEmpty() ? null : Path.of(path);
	}

	private static String preference() {
		return Platform.getPreferencesService().getString(CorePreferences.QUALIFIER, CorePreferences.DEFAULT_CORPUS,
				CorePreferences.DEFAULT_DEFAULT_CORPUS, null).strip();
	}

	/** The active corpus; the built-in one (and a logged warning naming the file) if its file cannot be read. */
	public static synchronized Loaded get() {
		String path = preference();
		if (path.isEmpty()) {
			return defaultCorpus();
		}
		Path file = Path.of(path);
		try {
			FileTime time = Files.getLastModifiedTime(file);
			if (loaded == null || !path.equals(loadedPath) || !time.equals(loadedTime)) {
				JsonlCorpus corpus = JsonlCorpus.load(file);
				loaded = of(corpus);
				loadedPath = path;
				loadedTime = time;
			}
			return loaded;
		} catch (IOException | ImportException e) {
			ILog.of(ActiveCorpus.class).warn(NLS.bind(Messages.ActiveCorpus_unreadable, file, e.getMessage()), e);
			return defaultCorpus();
		}
	}

	/**
	 * Whether {@link #get()} answers without reading a file (the corpus it returned last is still current, as far as
	 * the preference tells without touching the disk).
	 */
	public static synchronized boolean isRead() {
		String path = preference();
		return path.isEmpty() ? defaultLoaded != null : loaded != null && path.equals(loadedPath);
	}

	/** The built-in default corpus (its reference-only papers are what "add to the corpus" offers). */
	public static synchronized Loaded defaultCorpus() {
		if (defaultLoaded == null) {
			defaultLoaded = of(DefaultCorpus.get());
		}
		return defaultLoaded;
	}

	private static Loaded of(ICorpus corpus) {
		return new Loaded(corpus, new ReferenceResolver(corpus), CitationGraph.of(corpus));
	}
}
