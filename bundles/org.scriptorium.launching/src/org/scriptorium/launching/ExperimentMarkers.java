package org.scriptorium.launching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.osgi.util.NLS;
import org.scriptorium.launching.internal.Messages;
import org.scriptorium.sandbox.Experiment;
import org.scriptorium.sandbox.ExperimentException;
import org.scriptorium.sandbox.Problem;

/**
 * Problem markers ({@link #MARKER_TYPE}) on experiment files: every problem the engine's validator finds, with its
 * line, shown in the Problems view. Once {@link #install() installed} (the sandbox UI does it at startup), files are
 * validated whenever they are added or saved.
 *
 * @noinstantiate This class is not intended to be instantiated by clients.
 */
public final class ExperimentMarkers {

	/** The marker type: a problem marker and a text marker. */
	public static final String MARKER_TYPE = ExperimentLaunching.PLUGIN_ID + ".problem"; //$NON-NLS-1$

	/** Marker attribute: the JSON path of the offending value. */
	public static final String ATTR_JSON_PATH = ExperimentLaunching.PLUGIN_ID + ".jsonPath"; //$NON-NLS-1$

	/** Family of the jobs that validate saved files. */
	public static final Object JOB_FAMILY = ExperimentLaunching.PLUGIN_ID + ".markers"; //$NON-NLS-1$

	private static final IResourceChangeListener LISTENER = ExperimentMarkers::resourceChanged;
	private static boolean installed;

	private ExperimentMarkers() {
	}

	/**
	 * Starts validating experiment files on every change, and validates the experiment files already in the workspace
	 * in a job; idempotent.
	 */
	public static synchronized void install() {
		if (!installed) {
			ResourcesPlugin.getWorkspace().addResourceChangeListener(LISTENER, IResourceChangeEvent.POST_CHANGE);
			installed = true;
			List<IFile> files = new ArrayList<>();
			try {
				ResourcesPlugin.getWorkspace().getRoot().accept(r -> {
					if (r instanceof IFile f && ExperimentLaunching.isExperimentFile(f)) {
						files.add(f);
					}
					return r.getType() != IResource.FILE && (r.getType() != IResource.PROJECT || r.isAccessible());
				});
			} catch (CoreException e) {
				ILog.of(ExperimentMarkers.class).log(e.getStatus());
			}
			schedule(files);
		}
	}

	/** Stops validating on changes. */
	public static synchronized void uninstall() {
		ResourcesPlugin.getWorkspace().removeResourceChangeListener(LISTENER);
		installed = false;
	}

	/**
	 * Validates {@code file} now and replaces its markers in one workspace operation on the file; returns the number
	 * of problems.
	 */
	public static int update(IFile file) throws CoreException {
		int[] problems = {0};
		ResourcesPlugin.getWorkspace().run(monitor -> problems[0] = replaceMarkers(file), file, IWorkspace.AVOID_UPDATE,
				null);
		return problems[0];
	}

	private static int replaceMarkers(IFile file) throws CoreException {
		if (!file.exists()) {
			return 0;
		}
		file.deleteMarkers(MARKER_TYPE, false, IResource.DEPTH_ZERO);
		if (file.getLocation() == null) {
			return 0;
		}
		try {
			Experiment.load(file.getLocation().toPath());
			return 0;
		} catch (ExperimentException e) {
			String text = text(file);
			for (Problem p : e.problems()) {
				Map<String, Object> attributes = new HashMap<>();
				attributes.put(IMarker.SEVERITY, IMarker.SEVERITY_ERROR);
				attributes.put(IMarker.MESSAGE, p.message());
				attributes.put(ATTR_JSON_PATH, p.path());
				if (p.line() > 0) {
					attributes.put(IMarker.LINE_NUMBER, p.line());
					attributes.put(IMarker.LOCATION, NLS.bind(Messages.Markers_location, p.line(), p.column()));
					int[] value = valueRange(text, p.line(), p.column());
					if (value != null) {
						attributes.put(IMarker.CHAR_START, value[0]);
						attributes.put(IMarker.CHAR_END, value[1]);
					}
				}
				file.createMarker(MARKER_TYPE, attributes);
			}
			return e.problems().size();
		}
	}

	private static String text(IFile file) {
		try {
			return java.nio.file.Files.readString(file.getLocation().toPath());
		} catch (java.io.IOException | RuntimeException e) {
			return ""; //$NON-NLS-1$ the markers then have their line only
		}
	}

	/**
	 * The character range {start, end} of the JSON value starting at {@code line}:{@code column} (1-based) of
	 * {@code text}: a string with its quotes, a number or a literal, or an object or array's first character; null if
	 * the position is outside the text.
	 */
	static int[] valueRange(String text, int line, int column) {
		int offset = 0;
		for (int l = 1; l < line; l++) {
			offset = text.indexOf('\n', offset);
			if (offset < 0) {
				return null;
			}
			offset++;
		}
		int start = offset + column - 1;
		if (column < 1 || start >= text.length()) {
			return null;
		}
		int end = start + 1;
		if (text.charAt(start) == '"') {
			while (end < text.length() && text.charAt(end) != '"' && text.charAt(end) != '\n') {
				end += text.charAt(end) == '\\' ? 2 : 1;
			}
			end = Math.min(end + 1, text.length());
		} else if (text.charAt(start) != '{' && text.charAt(start) != '[') {
			while (end < text.length() && ",}] \t\r\n".indexOf(text.charAt(end)) < 0) {
				end++;
			}
		}
		return new int[]{start, end};
	}

	private static void resourceChanged(IResourceChangeEvent event) {
		IResourceDelta delta = event.getDelta();
		if (delta == null) {
			return;
		}
		List<IFile> files = new ArrayList<>();
		try {
			delta.accept(d -> {
				if (d.getResource() instanceof IFile f) {
					if (ExperimentLaunching.isExperimentFile(f) && (d.getKind() == IResourceDelta.ADDED
							|| (d.getKind() == IResourceDelta.CHANGED
									&& (d.getFlags() & (IResourceDelta.CONTENT | IResourceDelta.REPLACED)) != 0))) {
						files.add(f);
					}
					return false;
				}
				return true;
			});
		} catch (CoreException e) {
			ILog.of(ExperimentMarkers.class).log(e.getStatus());
			return;
		}
		schedule(files);
	}

	private static void schedule(List<IFile> files) {
		if (files.isEmpty()) {
			return;
		}
		WorkspaceJob job = new WorkspaceJob(Messages.Markers_job) {
			@Override
			public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
				for (IFile f : files) {
					update(f);
				}
				return Status.OK_STATUS;
			}

			@Override
			public boolean belongsTo(Object family) {
				return JOB_FAMILY.equals(family);
			}
		};
		job.setSystem(true);
		job.schedule();
	}
}
