package org.scriptorium.search.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.IJobFunction;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.osgi.util.NLS;
import org.osgi.framework.FrameworkUtil;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.search.PaperSearchEngine;
import org.scriptorium.search.QueryError;
import org.scriptorium.search.RankingSettings;
import org.scriptorium.search.Retrieval;
import org.scriptorium.search.SearchRequest;
import org.scriptorium.search.SearchResult;
import org.scriptorium.search.TextEncoder;
import org.scriptorium.search.internal.index.IndexStore;
import org.scriptorium.search.internal.service.CitedInExtension;
import org.scriptorium.search.internal.service.Messages;
import org.scriptorium.search.internal.service.Tracing;

/**
 * The search engines of the corpora, shared by the Papers view filter and the Paper Search page. Their Lucene
 * indexes live in this bundle's state location ({@code .metadata/.plugins/org.scriptorium.search/index/default});
 * they are opened (built, checked, repaired) on first use from a job, never on the UI thread, and closed when this
 * bundle stops. They hold the vectors of the installed embedding models ({@link TextEncoders}) the preferences
 * enable, cached in {@code .../org.scriptorium.search/vectors}; when those preferences change, a job reopens the
 * engines with the new models.
 */
public final class SearchService {

	private static final SearchService INSTANCE = new SearchService();
	private static boolean stateMoved;

	/** Open engines by the name of their index folder; the default corpus' is {@code default}. */
	private final Map<String, PaperSearchEngine> engines = new HashMap<>();
	/** The corpus each open engine was last brought up to date with. */
	private final Map<String, ICorpus> indexed = new HashMap<>();
	/** The engines not closed (read without the lock by {@link #withEngine}). */
	private final Set<PaperSearchEngine> open = ConcurrentHashMap.newKeySet();
	/** Work with an engine holds the read lock; closing an engine takes the write lock. */
	private final ReentrantReadWriteLock use = new ReentrantReadWriteLock();
	/** Models that loaded, and models that failed to load or embed (left out of the engines). */
	private final Set<String> loaded = ConcurrentHashMap.newKeySet(), unusable = ConcurrentHashMap.newKeySet();
	/** The jobs computing the vectors an engine lacks, by engine key. */
	private final Map<String, VectorJob> vectorJobs = new ConcurrentHashMap<>();
	/** Engines whose vector job the user canceled: not started again until the preferences change or a rebuild. */
	private final Set<String> canceledVectors = ConcurrentHashMap.newKeySet();
	private boolean listening;
	private final Object reconfigureLock = new Object();
	private Job reconfigureJob;
	private Reconfigure pending;

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
		return stateLocation().resolve("index"); //$NON-NLS-1$
	}

	private static String key(ICorpus corpus) {
		if (corpus instanceof DefaultCorpus) {
			return "default"; //$NON-NLS-1$
		}
		String safe = corpus.name().replaceAll("[^A-Za-z0-9._-]+", "_"); //$NON-NLS-1$ //$NON-NLS-2$
		return "corpus-" + safe + "-" + Integer.toHexString(corpus.name().hashCode()); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** Where the vectors of embedded papers are cached: this bundle's state location, {@code vectors}. */
	public static Path vectorLocation() {
		return stateLocation().resolve("vectors"); //$NON-NLS-1$
	}

	/**
	 * This bundle's state location. On first use the index and vector folders that earlier versions kept in the UI
	 * bundle's state location are moved here, so that an existing workspace keeps its index and embedded vectors.
	 */
	private static synchronized Path stateLocation() {
		Path state = Platform.getStateLocation(FrameworkUtil.getBundle(SearchService.class)).toPath();
		if (!stateMoved) {
			stateMoved = true;
			moveEarlierState(state.resolveSibling("org.scriptorium.ui"), state); //$NON-NLS-1$
		}
		return state;
	}

	/**
	 * Moves the {@code index} and {@code vectors} folders of {@code earlier} into {@code state} where {@code state}
	 * has none yet; a folder that cannot be moved is left (and built again in {@code state}) with a warning.
	 */
	static void moveEarlierState(Path earlier, Path state) {
		for (String folder : List.of("index", "vectors")) { //$NON-NLS-1$ //$NON-NLS-2$
			Path from = earlier.resolve(folder);
			Path to = state.resolve(folder);
			if (Files.isDirectory(from) && !Files.exists(to)) {
				try {
					Files.createDirectories(state);
					Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
				} catch (IOException e) {
					ILog.of(SearchService.class).warn(NLS.bind(Messages.Search_stateNotMoved,
							new Object[]{from, to, e.getMessage()}), e);
				}
			}
		}
	}

	/**
	 * The installed encoders an engine indexes: those the preferences enable, the model of the preferred ranker, and
	 * {@code extra} (models a search asks for).
	 */
	static List<TextEncoder> wanted(Set<String> extra) {
		Set<String> ids = new LinkedHashSet<>(SearchPreferences.denseModels());
		RankingSettings preferred = SearchPreferences.ranking();
		ids.addAll(preferred.retrieval().models());
		ids.addAll(extra);
		return TextEncoders.installed().stream().filter(e -> ids.contains(e.id())).toList();
	}

	private static Set<String> ids(List<TextEncoder> encoders) {
		return encoders.stream().map(TextEncoder::id).collect(Collectors.toSet());
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
	public PaperSearchEngine engine(ICorpus corpus, IProgressMonitor monitor) throws CoreException {
		return engine(corpus, Set.of(), monitor);
	}

	/**
	 * The engine of {@code corpus}, answering at once: it is opened with the vectors its index already holds (none on
	 * a fresh workspace), and a background job ({@link JobFamilies#INDEX}, with progress and cancel) computes the
	 * vectors of the wanted encoders ({@link #wanted}) the engine lacks and then swaps in an engine that holds them.
	 * Until then {@link #search} ranks dense and hybrid requests lexically and says so.
	 */
	public synchronized PaperSearchEngine engine(ICorpus corpus, Set<String> models, IProgressMonitor monitor)
			throws CoreException {
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
			List<TextEncoder> held = held(location, ids(wanted(models)));
			ILog log = ILog.of(SearchService.class);
			try {
				engine = open(corpus, location, held, monitor);
			} catch (OperationCanceledException e) {
				throw e;
			} catch (IOException | RuntimeException | LinkageError e) {
				if (held.isEmpty()) {
					throw new CoreException(
							Status.error(NLS.bind(Messages.Search_indexFailed, location, e.getMessage()), e));
				}
				// a model failed on the changed papers: keep lexical search working without the models
				held.forEach(m -> unusable.add(m.id()));
				log.error(NLS.bind(Messages.Search_modelsFailed, ids(held), e.getMessage()), e);
				try {
					engine = open(corpus, location, List.of(), monitor);
				} catch (IOException again) {
					throw new CoreException(Status.error(
							NLS.bind(Messages.Search_indexFailed, location, again.getMessage()), again));
				}
			}
			engines.put(key, engine);
			indexed.put(key, corpus);
			open.add(engine);
			listen();
		}
		scheduleVectors(key, models);
		return engine;
	}

	/**
	 * The installed encoders whose vectors the index in {@code location} holds, if they are all installed, not known
	 * to fail, and among {@code wanted}: opening with them needs no embedding (only of papers changed since). Else
	 * none: the engine opens lexically and the vector job adds the vectors.
	 */
	private List<TextEncoder> held(Path location, Set<String> wanted) {
		String signature = IndexStore.vectorSignature(location);
		if (signature.isEmpty()) {
			return List.of();
		}
		List<TextEncoder> out = new ArrayList<>();
		for (String field : signature.split(",")) { //$NON-NLS-1$
			String id = field.substring(0, Math.max(0, field.lastIndexOf('/')));
			TextEncoder e = TextEncoders.get(id).orElse(null);
			if (e == null || unusable.contains(id) || !wanted.contains(id)
					|| !field.equals(id + "/" + e.dimension())) { //$NON-NLS-1$
				return List.of();
			}
			out.add(e);
		}
		return out;
	}

	/**
	 * Schedules the vector job of engine {@code key} if it lacks a wanted encoder and no job is computing those
	 * vectors (nor was canceled by the user since the preferences last changed).
	 */
	private synchronized void scheduleVectors(String key, Set<String> models) {
		PaperSearchEngine engine = engines.get(key);
		if (engine == null || canceledVectors.contains(key)) {
			return;
		}
		Set<String> target = new LinkedHashSet<>(ids(wanted(models)));
		target.removeAll(unusable);
		Set<String> has = ids(engine.encoders());
		if (has.containsAll(target)) {
			return;
		}
		VectorJob running = vectorJobs.get(key);
		if (running != null) {
			if (running.models.containsAll(target)) {
				return;
			}
			running.cancel();
		}
		VectorJob job = new VectorJob(key, target);
		vectorJobs.put(key, job);
		job.schedule();
	}

	/** The models whose vectors a job is computing for engine {@code key} (no lock: searches call it). */
	private Set<String> pendingModels(String key) {
		VectorJob job = vectorJobs.get(key);
		return job == null ? Set.of() : job.models;
	}

	/**
	 * Computes the vectors of {@code models} for the corpus of engine {@code key} in the background: the models are
	 * loaded and the papers embedded (into the vector cache; what it holds is not embedded again) while the engine
	 * keeps answering lexically, an index with the vectors is built in a folder next to the engine's, and the engine
	 * is then swapped for one on that index. Canceled, the engine stays lexical until the preferences change or the
	 * index is rebuilt; what was embedded stays in the cache.
	 */
	private final class VectorJob extends Job {
		final String key;
		final Set<String> models;

		VectorJob(String key, Set<String> models) {
			super(NLS.bind(Messages.Search_vectorJob, String.join(", ", models))); //$NON-NLS-1$
			this.key = key;
			this.models = Set.copyOf(models);
		}

		@Override
		public boolean belongsTo(Object family) {
			return family == JobFamilies.INDEX;
		}

		@Override
		protected IStatus run(IProgressMonitor monitor) {
			SubMonitor progress = SubMonitor.convert(monitor, 100);
			ICorpus corpus;
			synchronized (SearchService.this) {
				corpus = indexed.get(key);
			}
			List<TextEncoder> encoders = usable(
					TextEncoders.installed().stream().filter(e -> models.contains(e.id())).toList());
			if (corpus == null || encoders.isEmpty() || progress.isCanceled()) {
				return finish(progress.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS);
			}
			Path location = indexLocation(corpus);
			Path staging = location.resolveSibling(location.getFileName() + ".vectors"); //$NON-NLS-1$
			try {
				open(corpus, staging, encoders, progress.split(95)).close();
			} catch (OperationCanceledException e) {
				return canceled();
			} catch (IOException | RuntimeException | LinkageError e) {
				encoders.forEach(m -> unusable.add(m.id()));
				ILog.of(SearchService.class).error(NLS.bind(Messages.Search_modelsFailed, ids(encoders),
						e.getMessage()), e);
				deleteQuietly(staging);
				return finish(Status.OK_STATUS);
			}
			try {
				swap(this, staging, location, encoders, progress.split(5));
			} catch (OperationCanceledException e) {
				return canceled();
			} catch (CoreException e) {
				finish(Status.OK_STATUS);
				return e.getStatus();
			}
			return finish(Status.OK_STATUS);
		}

		private IStatus canceled() {
			synchronized (SearchService.this) {
				if (vectorJobs.get(key) == this) {
					canceledVectors.add(key);
				}
			}
			return finish(Status.CANCEL_STATUS);
		}

		private IStatus finish(IStatus status) {
			synchronized (SearchService.this) {
				vectorJobs.remove(key, this);
			}
			return status;
		}
	}

	/**
	 * Replaces the engine of {@code job}'s key by one on the index built in {@code staging} (moved to
	 * {@code location}); searches running on the old engine finish first. Brings it to the latest corpus, embedding
	 * only papers changed meanwhile.
	 */
	private synchronized void swap(VectorJob job, Path staging, Path location, List<TextEncoder> encoders,
			IProgressMonitor monitor) throws CoreException {
		ICorpus corpus = indexed.get(job.key);
		if (vectorJobs.get(job.key) != job || corpus == null || !indexLocation(corpus).equals(location)) {
			deleteQuietly(staging); // outdated: the engine was closed, reconfigured or moved meanwhile
			return;
		}
		closeEngine(job.key);
		try {
			deleteQuietly(location);
			Files.move(staging, location, StandardCopyOption.ATOMIC_MOVE);
		} catch (IOException e) {
			ILog.of(SearchService.class).warn(e.getMessage(), e);
		}
		PaperSearchEngine engine;
		try {
			engine = open(corpus, location, encoders, monitor);
		} catch (IOException | RuntimeException | LinkageError e) {
			encoders.forEach(m -> unusable.add(m.id()));
			ILog.of(SearchService.class).error(NLS.bind(Messages.Search_modelsFailed, ids(encoders),
					e.getMessage()), e);
			try {
				engine = open(corpus, location, List.of(), monitor);
			} catch (IOException again) {
				throw new CoreException(Status.error(
						NLS.bind(Messages.Search_indexFailed, location, again.getMessage()), again));
			}
		}
		engines.put(job.key, engine);
		indexed.put(job.key, corpus);
		open.add(engine);
		Tracing.index("Paper index of " + job.key + " now holds the vectors of " + ids(engine.encoders())); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static void deleteQuietly(Path folder) {
		if (!Files.isDirectory(folder)) {
			return;
		}
		try (var files = Files.walk(folder)) {
			for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(f);
			}
		} catch (IOException | java.io.UncheckedIOException e) {
			ILog.of(SearchService.class).warn(e.getMessage(), e);
		}
	}

	private static PaperSearchEngine open(ICorpus corpus, Path location, List<TextEncoder> encoders,
			IProgressMonitor monitor) throws IOException {
		ILog log = ILog.of(SearchService.class);
		try {
			PaperSearchEngine engine = PaperSearchEngine.open(corpus, location,
					message -> log.info(NLS.bind(Messages.Search_indexMessage, message)), encoders, vectorLocation(),
					Monitors.of(monitor));
			engine.setCitedIn(CitedInExtension.installed());
			return engine;
		} catch (CancellationException e) {
			throw new OperationCanceledException();
		}
	}

	/**
	 * The encoders of {@code wanted} that work: each is asked once for the vector of a word (which loads its model);
	 * one that fails is logged with the reason and left out until the preferences of the models change, so that a
	 * model that cannot load (e.g. a native library missing on this platform) never stops lexical search.
	 */
	private List<TextEncoder> usable(List<TextEncoder> wanted) {
		List<TextEncoder> out = new ArrayList<>();
		for (TextEncoder e : wanted) {
			if (unusable.contains(e.id())) {
				continue;
			}
			if (!loaded.contains(e.id())) {
				try {
					e.encodeQuery("probe"); //$NON-NLS-1$
					loaded.add(e.id());
				} catch (IOException | RuntimeException | LinkageError ex) {
					unusable.add(e.id());
					ILog.of(SearchService.class).error(NLS.bind(Messages.Search_modelUnusable, e.id(), ex.getMessage()),
							ex);
					continue;
				}
			}
			out.add(e);
		}
		return out;
	}

	/** Work done with an open engine. */
	@FunctionalInterface
	public interface EngineWork<T> {
		T run(PaperSearchEngine engine) throws IOException;
	}

	/**
	 * Runs {@code work} with the engine of {@code corpus} that holds the vectors of {@code models} (opened or
	 * reopened first); the engine is not closed while the work runs. Call from a job.
	 */
	public <T> T withEngine(ICorpus corpus, Set<String> models, IProgressMonitor monitor, EngineWork<T> work)
			throws CoreException, IOException {
		while (true) {
			PaperSearchEngine engine = engine(corpus, models, monitor);
			use.readLock().lock();
			try {
				if (open.contains(engine)) {
					return work.run(engine);
				}
			} finally {
				use.readLock().unlock();
			}
			if (monitor.isCanceled()) {
				throw new OperationCanceledException();
			}
		}
	}

	/**
	 * Searches {@code corpus}; call from a job. A dense or hybrid ranking whose model is not installed gives a
	 * {@link QueryError} saying so (nothing is reindexed); an installed model the index does not hold yet is added.
	 */
	public SearchResult search(ICorpus corpus, SearchRequest request, IProgressMonitor monitor)
			throws CoreException, IOException {
		Retrieval retrieval = request.ranking().retrieval();
		List<String> missing = TextEncoders.missing(retrieval.models());
		if (!missing.isEmpty()) {
			return SearchResult.failed(new QueryError(NLS.bind(Messages.Search_modelMissing, new Object[]{
					String.join("', '", missing), request.ranking().rankerSpec(), SearchPreferences.installedIds()}), //$NON-NLS-1$
					-1));
		}
		for (String model : retrieval.models()) {
			if (unusable.contains(model)) {
				return SearchResult.failed(new QueryError(NLS.bind(Messages.Search_modelBroken, model), -1));
			}
		}
		Set<String> models = Set.copyOf(retrieval.models());
		return withEngine(corpus, models, monitor, e -> {
			Set<String> has = ids(e.encoders());
			if (has.containsAll(models)) {
				return e.search(request);
			}
			// the vectors are not computed yet (or their job was canceled): rank lexically meanwhile and say so
			List<String> waiting = models.stream().filter(m -> !has.contains(m)).sorted().toList();
			RankingSettings lexical = request.ranking().withRetrieval(Retrieval.LEXICAL);
			boolean computing = pendingModels(key(corpus)).containsAll(waiting);
			String notice = NLS.bind(computing ? Messages.Search_vectorsPending : Messages.Search_vectorsCanceled,
					new Object[]{String.join(", ", waiting), request.ranking().rankerSpec(), lexical.rankerSpec()}); //$NON-NLS-1$
			return e.search(request.withRanking(lexical)).withNotice(notice);
		});
	}

	/** Rebuilds the index of the default corpus from the corpus in a job (the Rebuild Index button). */
	public Job rebuild() {
		canceledVectors.clear();
		Job job = indexJob(Messages.Search_rebuildJob, monitor -> {
			try {
				int count = withEngine(DefaultCorpus.get(), Set.of(), monitor, e -> {
					e.rebuild(DefaultCorpus.get(), Monitors.of(monitor));
					return e.documentCount();
				});
				return Status.info(NLS.bind(Messages.Search_rebuilt, count));
			} catch (CancellationException e) {
				return Status.CANCEL_STATUS;
			} catch (CoreException e) {
				return e.getStatus();
			} catch (IOException e) {
				return Status.error(NLS.bind(Messages.Search_indexFailed, indexLocation(), e.getMessage()), e);
			}
		});
		job.setUser(true);
		job.schedule();
		return job;
	}

	private void listen() {
		if (listening) {
			return;
		}
		listening = true;
		// a new index location takes effect at the next use; other models or rankers reopen the engines in a job
		InstanceScope.INSTANCE.getNode(SearchPreferences.QUALIFIER).addPreferenceChangeListener(event -> {
			if (SearchPreferences.INDEX_LOCATION.equals(event.getKey())) {
				reconfigure(Reconfigure.CLOSE);
			} else if (SearchPreferences.DENSE_MODELS.equals(event.getKey())) {
				unusable.clear(); // try models that failed again
				canceledVectors.clear();
				reconfigure(Reconfigure.EXACT);
			} else if (SearchPreferences.RANKER.equals(event.getKey())) {
				canceledVectors.clear();
				reconfigure(Reconfigure.MISSING);
			}
		});
	}

	/**
	 * Opens the index in a background job so that the first search does not wait for it (after a start on a new
	 * workspace the index is built then).
	 */
	public void warmUp() {
		indexJob(Messages.Search_warmUpJob, monitor -> {
			try {
				PaperSearchEngine e = engine(monitor);
				Tracing.index("Paper index ready: " + e.documentCount() + " papers"); //$NON-NLS-1$ //$NON-NLS-2$
				return Status.OK_STATUS;
			} catch (CoreException e) {
				return e.getStatus();
			} catch (IOException e) {
				return Status.error(e.getMessage(), e);
			}
		}).schedule();
	}

	/** Closes the engines; the next use opens them again. */
	public synchronized void close() {
		vectorJobs.values().forEach(Job::cancel);
		for (String key : List.copyOf(engines.keySet())) {
			closeEngine(key);
		}
	}

	/** Closes one engine once the searches running on it are done. */
	private synchronized void closeEngine(String key) {
		PaperSearchEngine engine = engines.remove(key);
		indexed.remove(key);
		if (engine == null) {
			return;
		}
		open.remove(engine);
		use.writeLock().lock();
		try {
			engine.close();
		} catch (IOException e) {
			ILog.of(SearchService.class).warn(e.getMessage(), e);
		} finally {
			use.writeLock().unlock();
		}
	}

	/** What a preference change does to the open engines. */
	private enum Reconfigure {
		/** Reopen those that lack a wanted model (the ranker changed). */
		MISSING,
		/** Reopen those whose models differ from the wanted ones (the models to index changed). */
		EXACT,
		/** Close them all (the index location changed; the next use opens them). */
		CLOSE
	}

	/**
	 * Brings the open engines to changed preferences in a job (family {@link JobFamilies#INDEX}, with progress and
	 * cancel): closing an engine and opening it with other encoders rebuilds its index and embeds what the vector
	 * cache lacks. Canceled, the engines stay closed and the next use opens them.
	 */
	private void reconfigure(Reconfigure how) {
		synchronized (reconfigureLock) { // not the engines' lock: this runs on the UI thread
			pending = pending == null || how.ordinal() > pending.ordinal() ? how : pending;
			if (reconfigureJob == null) {
				reconfigureJob = reconfigureJob();
			}
		}
		reconfigureJob.schedule();
	}

	private Job reconfigureJob() {
		return indexJob(Messages.Search_reconfigureJob, monitor -> {
			Reconfigure what;
			Map<String, ICorpus> corpora;
			synchronized (reconfigureLock) {
				what = pending;
				pending = null;
			}
			synchronized (SearchService.this) {
				corpora = new LinkedHashMap<>(indexed);
			}
			if (what == null) {
				return Status.OK_STATUS;
			}
			SubMonitor progress = SubMonitor.convert(monitor, corpora.size());
			try {
				for (Map.Entry<String, ICorpus> c : corpora.entrySet()) {
					SubMonitor step = progress.split(1);
					if (what == Reconfigure.CLOSE) {
						closeEngine(c.getKey());
					} else if (stale(c.getKey(), what == Reconfigure.EXACT)) {
						engine(c.getValue(), step);
					}
				}
				return Status.OK_STATUS;
			} catch (OperationCanceledException e) {
				return Status.CANCEL_STATUS;
			} catch (CoreException e) {
				return e.getStatus();
			}
		});
	}

	/** A job of the service: family {@link JobFamilies#INDEX}, not scheduled. */
	private static Job indexJob(String name, IJobFunction work) {
		return new Job(name) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				return work.run(monitor);
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == JobFamilies.INDEX;
			}
		};
	}

	/** Whether the engine of {@code key} lacks a wanted model (or, {@code exact}, holds others); closes it if so. */
	private synchronized boolean stale(String key, boolean exact) {
		PaperSearchEngine engine = engines.get(key);
		if (engine == null) {
			return false;
		}
		Set<String> has = ids(engine.encoders());
		Set<String> wanted = ids(usable(wanted(Set.of())));
		if (exact ? has.equals(wanted) : has.containsAll(wanted)) {
			return false;
		}
		closeEngine(key);
		return true;
	}
}
