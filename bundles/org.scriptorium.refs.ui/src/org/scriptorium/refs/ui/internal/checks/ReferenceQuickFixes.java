package org.scriptorium.refs.ui.internal.checks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IMarker;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolutionGenerator2;
import org.scriptorium.core.model.Paper;
import org.scriptorium.refs.ReferenceKind;
import org.scriptorium.refs.ReferenceMarkers;
import org.scriptorium.refs.internal.workspace.IgnoredReferences;
import org.scriptorium.refs.ui.internal.ActiveCorpus;

/**
 * The quick fixes of a reference the active corpus does not resolve ({@link ReferenceMarkers#TYPE}; Quick Fix in the
 * Problems view, Ctrl+1 and the ruler in the Generic and Java editors): add the paper from the default corpus to the
 * active corpus file when the default corpus knows it (with its metadata or from a reference list), open the import
 * wizard, or ignore the reference in the file's project.
 */
public final class ReferenceQuickFixes implements IMarkerResolutionGenerator2 {

	@Override
	public boolean hasResolutions(IMarker marker) {
		return reference(marker) != null;
	}

	@Override
	public IMarkerResolution[] getResolutions(IMarker marker) {
		String entry = reference(marker);
		if (entry == null) {
			return new IMarkerResolution[0];
		}
		List<IMarkerResolution> out = new ArrayList<>(3);
		Paper paper = defaultCorpusPaper(marker);
		Path corpus = ActiveCorpus.file();
		if (paper != null && corpus != null) {
			out.add(new AddToCorpusFix(paper, corpus));
		}
		out.add(new ImportPapersFix());
		out.add(new IgnoreReferenceFix(entry));
		return out.toArray(IMarkerResolution[]::new);
	}

	/** The marker's reference as an ignore entry ({@code cite:key}); {@code null} if the marker is not one of ours. */
	static String reference(IMarker marker) {
		String kind = marker.getAttribute(ReferenceMarkers.KIND, ""); //$NON-NLS-1$
		String id = marker.getAttribute(ReferenceMarkers.ID, ""); //$NON-NLS-1$
		try {
			return id.isEmpty() ? null : IgnoredReferences.entry(ReferenceKind.valueOf(kind), id);
		} catch (IllegalArgumentException e) {
			return null;
		}
	}

	/**
	 * The default corpus' paper the marker names (known there with its metadata or only from a reference list), or
	 * {@code null}. The built-in corpus is read once and kept (the checks have read it already).
	 */
	private static Paper defaultCorpusPaper(IMarker marker) {
		String resolution = marker.getAttribute(ReferenceMarkers.RESOLUTION, ReferenceMarkers.UNKNOWN);
		String id = marker.getAttribute(ReferenceMarkers.DEFAULT_CORPUS_PAPER, ""); //$NON-NLS-1$
		if (ReferenceMarkers.UNKNOWN.equals(resolution) || id.isEmpty()) {
			return null;
		}
		return ActiveCorpus.defaultCorpus().corpus().find(id).orElse(null);
	}
}
