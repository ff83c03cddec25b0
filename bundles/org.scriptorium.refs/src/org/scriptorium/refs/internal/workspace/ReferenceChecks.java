package org.scriptorium.refs.internal.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.corpus.JsonlCorpus;
import org.scriptorium.core.io.ImportException;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.core.preferences.CorePreferences;
import org.scriptorium.refs.Reference;
import org.scriptorium.refs.ReferenceFiles;
import org.scriptorium.refs.ReferenceMarkers;
import org.scriptorium.refs.ReferenceResolver;
import org.scriptorium.refs.References;
import org.scriptorium.refs.RefsPreferences;
import org.scriptorium.refs.Resolution;

/**
 * The reference checks: a workspace listener that, after a file of {@link ReferenceFiles#isReferenceFile} is saved
 * (or added), checks it in a job (family {@link #FAMILY}, never on the UI thread) and sets one
 * {@link ReferenceMarkers#TYPE} warning per reference that resolves to no paper of the active corpus (the corpus of
 * the core preference {@link CorePreferences#DEFAULT_CORPUS}: the built-in one or a corpus file). Markers of a file
 * are replaced at each check, so a marker goes when its reference resolves. Switched by
 * {@link RefsPreferences#CHECK_REFERENCES}: off removes every marker, on checks the workspace; a change of the active
 * corpus, or of its file in the workspace, re-checks it too. References a project ignores ({@link IgnoredReferences})
 * get no marker; a change of that project preference re-checks the project.
 */
public final class ReferenceChecks implements IResourceChangeListener {

	/** The job family of the checks (tests join it). */
	public static final Object FAMILY = ReferenceChecks.class;

	private static ReferenceChecks running;

	private final IWorkspace workspace;
	private final Set<IFile> pending = new LinkedHashSet<>();
	private final Job job;
	private final IEclipsePreferences.IPreferenceChangeListener refsListener;
	private final IEclipsePreferences.IPreferenceChangeListener coreListener;
	private CachedCorpus cached;

	private ReferenceChecks(IWorkspace workspace) {
		this.workspace = workspace;
		this.job = new Job("Checking paper references") { //$NON-NLS-1$
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				return checkPending(monitor);
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == FAMILY;
			}
		};
		job.setSystem(true);
		refsListener = e -> {
			if (RefsPreferences.CHECK_REFERENCES.equals(e.getKey())) {
				checkWorkspace();
			}
		};
		coreListener = e -> {
			if (CorePreferences.DEFAULT_CORPUS.equals(e.getKey())) {
				checkWorkspace();
			}
		};
	}

	/**
	 * Starts the checks of this workspace, once (the bundle's activator calls it; the editor bundle may call it early
	 * too). Without a workspace (a plain command line) it does nothing.
	 */
	public static synchronized void start() {
		if (running != null) {
			return;
		}
		IWorkspace ws;
		try {
			ws = ResourcesPlugin.getWorkspace();
		} catch (IllegalStateException e) {
			return; // no workspace in this runtime
		}
		running = new ReferenceChecks(ws);
		ws.addResourceChangeListener(running, IResourceChangeEvent.POST_CHANGE);
		InstanceScope.INSTANCE.getNode(RefsPreferences.QUALIFIER).addPreferenceChangeListener(running.refsListener);
		InstanceScope.INSTANCE.getNode(CorePreferences.QUALIFIER).addPreferenceChangeListener(running.coreListener);
	}

	/** Stops the checks (the bundle's activator at shutdown). */
	public static synchronized void stop() {
		if (running != null) {
			running.workspace.removeResourceChangeListener(running);
			InstanceScope.INSTANCE.getNode(RefsPreferences.QUALIFIER)
					.removePreferenceChangeListener(running.refsListener);
			InstanceScope.INSTANCE.getNode(CorePreferences.QUALIFIER)
					.removePreferenceChangeListener(running.coreListener);
			running.job.cancel();
			running = null;
		}
	}

	/**
	 * Checks these files again in the job, e.g. after a quick fix added the paper to the corpus (whether the checks
	 * are on is asked when the job runs).
	 */
	public static void recheck(Collection<IFile> files) {
		ReferenceChecks r;
		synchronized (ReferenceChecks.class) {
			r = running;
		}
		if (r != null) {
			r.schedule(files);
		}
	}

	/**
	 * Checks again the files that have markers, e.g. after papers were added to the active corpus file (outside the
	 * workspace, where no change of it is seen).
	 */
	public static void recheckMarked() {
		List<IFile> files = new ArrayList<>();
		try {
			for (IMarker m : ResourcesPlugin.getWorkspace().getRoot().findMarkers(ReferenceMarkers.TYPE, false,
					IResource.DEPTH_INFINITE)) {
				if (m.getResource() instanceof IFile f && !files.contains(f)) {
					files.add(f);
				}
			}
		} catch (CoreException | IllegalStateException e) {
			ILog.of(ReferenceChecks.class).warn(e.getMessage(), e);
		}
		recheck(files);
	}

	/** Whether the preference switches the checks on. */
	public static boolean enabled() {
		return Platform.getPreferencesService().getBoolean(RefsPreferences.QUALIFIER,
				RefsPreferences.CHECK_REFERENCES, RefsPreferences.DEFAULT_CHECK_REFERENCES, null);
	}

	@Override
	public void resourceChanged(IResourceChangeEvent event) {
		IResourceDelta delta = event.getDelta();
		if (delta == null) {
			return;
		}
		List<IFile> files = new ArrayList<>();
		Set<IProject> settingsChanged = new LinkedHashSet<>();
		boolean[] corpusChanged = {false};
		Path corpus = activeCorpusFile();
		try {
			delta.accept(d -> {
				IResource r = d.getResource();
				if (r.getType() != IResource.FILE) {
					return !r.isDerived() && !(r.getType() == IResource.FOLDER && r.getName().startsWith(".") //$NON-NLS-1$
							&& !isSettingsFolder(r));
				}
				boolean changed = d.getKind() == IResourceDelta.ADDED
						|| d.getKind() == IResourceDelta.CHANGED && (d.getFlags() & IResourceDelta.CONTENT) != 0;
				if (isSettingsFolder(r.getParent())) {
					if (PROJECT_SETTINGS.equals(r.getName())) {
						settingsChanged.add(r.getProject()); // the ignored references may have changed
					}
				} else if (changed && corpus != null && r.getLocation() != null
						&& corpus.equals(r.getLocation().toPath())) {
					corpusChanged[0] = true; // e.g. a quick fix or an import added papers to it
				} else if (changed && ReferenceFiles.isReferenceFile(r.getName()) && !r.isDerived()) {
					files.add((IFile) r);
				}
				return false;
			});
		} catch (CoreException e) {
			ILog.of(ReferenceChecks.class).warn(e.getMessage(), e);
		}
		if (corpusChanged[0]) {
			checkWorkspace();
			return;
		}
		for (IProject project : settingsChanged) {
			if (!project.isAccessible()) {
				continue; // deleted or closed with its settings
			}
			try {
				files.addAll(WorkspaceCitedIn.files(project));
			} catch (CoreException e) {
				ILog.of(ReferenceChecks.class).warn(e.getMessage(), e);
			}
		}
		if (!files.isEmpty()) {
			schedule(files);
		}
	}

	/** The project preferences of this bundle, where a project's ignored references are. */
	private static final String PROJECT_SETTINGS = RefsPreferences.QUALIFIER + ".prefs"; //$NON-NLS-1$

	private static boolean isSettingsFolder(IResource r) {
		return r != null && r.getType() == IResource.FOLDER && ".settings".equals(r.getName()) //$NON-NLS-1$
				&& r.getParent().getType() == IResource.PROJECT;
	}

	/** The file of the active corpus, or {@code null} for the built-in corpus. */
	private static Path activeCorpusFile() {
		String spec = Platform.getPreferencesService().getString(CorePreferences.QUALIFIER,
				CorePreferences.DEFAULT_CORPUS, CorePreferences.DEFAULT_DEFAULT_CORPUS, null);
		try {
			return spec == null || spec.isBlank() ? null : Path.of(spec.strip());
		} catch (java.nio.file.InvalidPathException e) {
			return null;
		}
	}

	private void schedule(Collection<IFile> files) {
		synchronized (pending) {
			pending.addAll(files);
		}
		job.schedule(100); // a burst of saves is one check
	}

	/** All reference files of the workspace (checks on), or only those with markers, to clear them (checks off). */
	private void checkWorkspace() {
		List<IFile> files = new ArrayList<>();
		try {
			IWorkspaceRoot root = workspace.getRoot();
			if (enabled()) {
				files.addAll(WorkspaceCitedIn.files(root));
			} else {
				for (IMarker m : root.findMarkers(ReferenceMarkers.TYPE, false, IResource.DEPTH_INFINITE)) {
					if (m.getResource() instanceof IFile f) {
						files.add(f);
					}
				}
			}
		} catch (CoreException e) {
			ILog.of(ReferenceChecks.class).warn(e.getMessage(), e);
		}
		schedule(files);
	}

	private IStatus checkPending(IProgressMonitor monitor) {
		List<IFile> files;
		synchronized (pending) {
			files = new ArrayList<>(pending);
			pending.clear();
		}
		boolean on = enabled();
		SubMonitor sub = SubMonitor.convert(monitor, files.size() + 1);
		Resolvers resolvers = on ? resolvers() : null;
		if (on && resolvers == null) {
			return Status.OK_STATUS; // the active corpus could not be read: logged, no markers from guesses
		}
		sub.worked(1);
		for (IFile file : files) {
			if (sub.isCanceled()) {
				schedule(files); // not lost: checked at the next run
				return Status.CANCEL_STATUS;
			}
			try {
				check(file, on ? resolvers : null);
			} catch (CoreException | IOException e) {
				ILog.of(ReferenceChecks.class).warn("The paper references of " + file.getFullPath() //$NON-NLS-1$
						+ " could not be checked: " + e.getMessage(), e); //$NON-NLS-1$
			}
			sub.worked(1);
		}
		return Status.OK_STATUS;
	}

	/** The resolvers of the active corpus and of the default corpus (for what the markers tell). */
	record Resolvers(ReferenceResolver active, ReferenceResolver defaultCorpus) {
	}

	private record CachedCorpus(Path file, FileTime time, Resolvers resolvers) {
	}

	private Resolvers resolvers() {
		String spec = Platform.getPreferencesService().getString(CorePreferences.QUALIFIER,
				CorePreferences.DEFAULT_CORPUS, CorePreferences.DEFAULT_DEFAULT_CORPUS, null);
		ReferenceResolver defaults = defaultResolver();
		if (spec == null || spec.isBlank()) {
			return new Resolvers(defaults, defaults);
		}
		Path file = Path.of(spec);
		try {
			FileTime time = Files.getLastModifiedTime(file);
			CachedCorpus c = cached;
			if (c != null && c.file().equals(file) && c.time().equals(time)) {
				return c.resolvers();
			}
			ICorpus corpus = JsonlCorpus.load(file);
			Resolvers r = new Resolvers(new ReferenceResolver(corpus), defaults);
			cached = new CachedCorpus(file, time, r);
			return r;
		} catch (IOException | ImportException | RuntimeException e) {
			ILog.of(ReferenceChecks.class).warn("The paper references were not checked: the active corpus " + file //$NON-NLS-1$
					+ " cannot be read (" + e.getMessage() + ")", e); //$NON-NLS-1$ //$NON-NLS-2$
			return null;
		}
	}

	private static ReferenceResolver defaultResolver;

	private static synchronized ReferenceResolver defaultResolver() {
		if (defaultResolver == null) {
			defaultResolver = new ReferenceResolver(DefaultCorpus.get());
		}
		return defaultResolver;
	}

	/**
	 * Replaces the markers of one file: none when {@code resolvers} is {@code null} (checks off) or the file is gone,
	 * else one per reference the active corpus does not resolve.
	 */
	static void check(IFile file, Resolvers resolvers) throws CoreException, IOException {
		if (!file.exists()) {
			return;
		}
		List<Map<String, Object>> markers = new ArrayList<>();
		if (resolvers != null) {
			String text = WorkspaceCitedIn.text(file);
			if (text != null) {
				Set<String> ignored = IgnoredReferences.of(file.getProject());
				org.scriptorium.refs.internal.Lines lines = new org.scriptorium.refs.internal.Lines(text);
				for (Reference r : References.find(text)) {
					if (resolvers.active().resolve(r).isKnown() || ignored.contains(IgnoredReferences.entry(r))) {
						continue;
					}
					markers.add(attributes(r, lines, resolvers.active() == resolvers.defaultCorpus()
							? Resolution.UNKNOWN
							: resolvers.defaultCorpus().resolve(r)));
				}
			}
		}
		file.getWorkspace().run(m -> {
			file.deleteMarkers(ReferenceMarkers.TYPE, false, IResource.DEPTH_ZERO);
			for (Map<String, Object> a : markers) {
				file.createMarker(ReferenceMarkers.TYPE, a);
			}
		}, file.getWorkspace().getRuleFactory().markerRule(file), IWorkspace.AVOID_UPDATE, null);
	}

	static Map<String, Object> attributes(Reference r, org.scriptorium.refs.internal.Lines lines, Resolution inDefault) {
		Map<String, Object> a = new HashMap<>();
		a.put(IMarker.SEVERITY, IMarker.SEVERITY_WARNING);
		a.put(IMarker.CHAR_START, r.offset());
		a.put(IMarker.CHAR_END, r.end());
		a.put(IMarker.LINE_NUMBER, lines.line(r.offset()));
		a.put(ReferenceMarkers.KIND, r.kind().name());
		a.put(ReferenceMarkers.ID, r.id());
		if (r.version() != null) {
			a.put(ReferenceMarkers.VERSION, r.version());
		}
		String what = switch (r.kind()) {
			case ARXIV -> "arXiv " + r.idWithVersion(); //$NON-NLS-1$
			case DOI -> "DOI " + r.id(); //$NON-NLS-1$
			case CITE_KEY -> "Cite key " + r.id(); //$NON-NLS-1$
		};
		String message;
		switch (inDefault.status()) {
			case RESOLVED -> {
				a.put(ReferenceMarkers.RESOLUTION, ReferenceMarkers.IN_DEFAULT_CORPUS);
				a.put(ReferenceMarkers.DEFAULT_CORPUS_PAPER, inDefault.paper().id());
				message = what + " is no paper of the active corpus; the default corpus has it: \"" //$NON-NLS-1$
						+ inDefault.paper().title() + "\""; //$NON-NLS-1$
			}
			case REFERENCE_ONLY -> {
				a.put(ReferenceMarkers.RESOLUTION, ReferenceMarkers.REFERENCE_ONLY);
				a.put(ReferenceMarkers.DEFAULT_CORPUS_PAPER, inDefault.paper().id());
				message = what + " is no paper of the active corpus; the default corpus knows it from a reference list: \"" //$NON-NLS-1$
						+ inDefault.paper().title() + "\""; //$NON-NLS-1$
			}
			default -> {
				a.put(ReferenceMarkers.RESOLUTION, ReferenceMarkers.UNKNOWN);
				message = what + " is no paper of the active corpus"; //$NON-NLS-1$
			}
		}
		a.put(IMarker.MESSAGE, message);
		return a;
	}
}
