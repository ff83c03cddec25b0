package org.scriptorium.ui.internal.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchListener;
import org.eclipse.ui.PlatformUI;
import org.osgi.framework.FrameworkUtil;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.core.preferences.CorePreferences;
import org.scriptorium.search.PaperSearchEngine;
import org.scriptorium.ui.internal.JobFamilies;
import org.scriptorium.ui.internal.Messages;
import org.scriptorium.ui.internal.Tracing;

/**
 * The search engine of the default corpus, shared by the Papers view filter and the Paper Search page. Its Lucene
 * index lives in this bundle's state location ({@code .metadata/.plugins/org.scriptorium.ui/index/default}); it is
 * opened (built, checked, repaired) on first use from a job, never on the UI thread, and closed when the workbench
 * shuts down.
 */
public final class SearchService {

	private static final SearchService INSTANCE = new SearchService();

	/** Open engines by the name of their index folder; the default corpus' is {@code default}. */
	private final java.util.Map<String, PaperSearchEngine> engines = new java.util.HashMap<>();
	/** The corpus each open engine was last brought up to date with. */
	private final java.util.Map<String, ICorpus> indexed = new java.util.HashMap<>();
	private boolean listening;

	private SearchService() {
	}

	public static SearchService get() {
		return INSTANCE;
	}

	/** Where the index of the default corpus is kept: the preference, else the workspace metadata area. */
	public static Path indexLocation() {
		return indexRoot().resolve("default"); //$NON-NLS-1$
	}

	/** Where the index of {@code corpus} is kept: one folder per corpus name under the index root. */
	public static Path indexLocation(ICorpus corpus) {
		return indexRoot().resolve(key(corpus));
	}

	private static Path indexRoot() {
		String preferred = SearchPreferences.indexLocation();
		if (preferred != null) {
			return Path.of(preferred);
		}
		return Platform.getStateLocation(FrameworkUtil.getBundle(SearchService.class)).append("index").toPath(); //$NON-NLS-1$
	}

	private static String key(ICorpus corpus) {
		if (corpus instanceof DefaultCorpus) {
			return "default"; //$NON-NLS-1$
		}
		String safe = corpus.name().replaceAll("[^A-Za-z0-9._-]+", "_"); //$NON-NLS-1$ //$NON-NLS-2$
		return "corpus-" + safe + "-" + Integer.toHexString(corpus.name().hashCode()); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/**
	 * The engine of the default corpus, opened on first use; call from a job.
	 *
	 * @throws CoreException               if the index cannot be opened or rebuilt
	 * @throws OperationCanceledException if the monitor was cancelled while the index was built
	 */
	public PaperSearchEngine engine(IProgressMonitor monitor) throws CoreException {
		return engine(DefaultCorpus.get(), monitor);
	}

	/**
	 * The engine of {@code corpus}, opened on first use (its index is built, or brought up to date when the corpus
	 * changed); call from a job.
	 */
	public synchronized PaperSearchEngine engine(ICorpus corpus, IProgressMonitor monitor) throws CoreException {
		String key = key(corpus);
		PaperSearchEngine engine = engines.get(key);
		if (engine != null && indexed.get(key) != corpus) {
			try {
				engine.update(corpus, Monitors.of(monitor));
				indexed.put(key, corpus);
			} catch (CancellationException e) {
				throw new OperationCanceledException();
			} catch (IOException e) {
				throw new CoreException(Status.error(NLS.bind(Messages.Search_indexFailed, indexLocation(corpus),
						e.getMessage()), e));
			}
		}
		if (engine == null) {
			Path location = indexLocation(corpus);
			ILog log = ILog.of(SearchService.class);
			try {
				engine = PaperSearchEngine.open(corpus, location,
						message -> log.info(NLS.bind(Messages.Search_indexMessage, message)), Monitors.of(monitor));
			} catch (CancellationException e) {
				throw new OperationCanceledException();
			} catch (IOException e) {
				throw new CoreException(Status.error(NLS.bind(Messages.Search_indexFailed, location, e.getMessage()), e));
			}
			engines.put(key, engine);
			indexed.put(key, corpus);
			closeOnShutdown();
		}
		return engine;
	}

	/** Rebuilds the index of the default corpus from the corpus in a job (the Rebuild Index button). */
	public Job rebuild() {
		Job job = new Job(Messages.Search_rebuildJob) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				try {
					PaperSearchEngine e = engine(monitor);
					e.rebuild(DefaultCorpus.get(), Monitors.of(monitor));
					return Status.info(NLS.bind(Messages.Search_rebuilt, e.documentCount()));
				} catch (CancellationException e) {
					return Status.CANCEL_STATUS;
				} catch (CoreException e) {
					return e.getStatus();
				} catch (IOException e) {
					return Status.error(NLS.bind(Messages.Search_indexFailed, indexLocation(), e.getMessage()), e);
				}
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == JobFamilies.INDEX;
			}
		};
		job.setUser(true);
		job.schedule();
		return job;
	}

	private void closeOnShutdown() {
		if (listening || !PlatformUI.isWorkbenchRunning()) {
			return;
		}
		listening = true;
		// a new index location takes effect at the next use
		InstanceScope.INSTANCE.getNode(CorePreferences.QUALIFIER).addPreferenceChangeListener(event -> {
			if (CorePreferences.INDEX_LOCATION.equals(event.getKey())) {
				close();
			}
		});
		PlatformUI.getWorkbench().addWorkbenchListener(new IWorkbenchListener() {
			@Override
			public boolean preShutdown(IWorkbench workbench, boolean forced) {
				return true;
			}

			@Override
			public void postShutdown(IWorkbench workbench) {
				close();
			}
		});
	}

	/**
	 * Opens the index in a background job so that the first search does not wait for it (after a start on a new
	 * workspace the index is built then).
	 */
	public void warmUp() {
		Job job = new Job(Messages.Search_warmUpJob) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				try {
					PaperSearchEngine e = engine(monitor);
					Tracing.trace(Tracing.VIEWS, "Paper index ready: " + e.documentCount() + " papers"); //$NON-NLS-1$ //$NON-NLS-2$
					return Status.OK_STATUS;
				} catch (CoreException e) {
					return e.getStatus();
				} catch (IOException e) {
					return Status.error(e.getMessage(), e);
				}
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == JobFamilies.INDEX;
			}
		};
		job.schedule();
	}

	/** Closes the engines; the next use opens them again. */
	public synchronized void close() {
		for (PaperSearchEngine engine : engines.values()) {
			try {
				engine.close();
			} catch (IOException e) {
				ILog.of(SearchService.class).warn(e.getMessage(), e);
			}
		}
		engines.clear();
		indexed.clear();
	}
}
