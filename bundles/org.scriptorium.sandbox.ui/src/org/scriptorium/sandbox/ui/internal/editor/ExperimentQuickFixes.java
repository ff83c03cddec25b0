package org.scriptorium.sandbox.ui.internal.editor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolutionGenerator2;
import org.scriptorium.launching.ExperimentMarkers;
import org.scriptorium.sandbox.ExperimentSchema;

/**
 * Quick fixes of the problems of experiment files (Ctrl+1 in the editor, or Quick Fix in the Problems view): a value
 * the engine refuses is replaced by the key's default or by one of the values the schema lists, e.g. {@code "epochs":
 * -3} becomes {@code "epochs": 20}.
 */
public final class ExperimentQuickFixes implements IMarkerResolutionGenerator2 {

	/** At most this many listed values are offered. */
	private static final int MAX_VALUES = 8;

	@Override
	public boolean hasResolutions(IMarker marker) {
		return !values(marker).isEmpty();
	}

	@Override
	public IMarkerResolution[] getResolutions(IMarker marker) {
		return values(marker).stream().map(v -> new SetValue(v[0], v[1])).toArray(IMarkerResolution[]::new);
	}

	/** {label, JSON text} of each value offered for the marker's key. */
	private static List<String[]> values(IMarker marker) {
		String path = marker.getAttribute(ExperimentMarkers.ATTR_JSON_PATH, ""); //$NON-NLS-1$
		if (path.isEmpty() || marker.getAttribute(IMarker.CHAR_START, -1) < 0) {
			return List.of();
		}
		List<String> segments = segments(path);
		String name = segments.remove(segments.size() - 1);
		ExperimentSchema.Key key = ExperimentSchema.get().key(segments, name);
		List<String[]> out = new ArrayList<>();
		if (key == null) {
			return out;
		}
		if (!key.defaultText().isEmpty()) {
			out.add(new String[]{NLS.bind(Messages.QuickFix_default, path, key.defaultText()), key.defaultText()});
		}
		for (String value : key.values().subList(0, Math.min(MAX_VALUES, key.values().size()))) {
			String json = value.matches("-?[0-9][0-9.eE+-]*|true|false|null") ? value : '"' + value + '"'; //$NON-NLS-1$
			if (!json.equals(key.defaultText())) {
				out.add(new String[]{NLS.bind(Messages.QuickFix_value, path, json), json});
			}
		}
		return out;
	}

	/** {@code losses[0].weight} as the schema's path: {@code losses}, {@code []}, {@code weight}. */
	static List<String> segments(String path) {
		List<String> out = new ArrayList<>();
		for (String part : path.split("\\.")) { //$NON-NLS-1$
			int bracket = part.indexOf('[');
			out.add(bracket < 0 ? part : part.substring(0, bracket));
			if (bracket >= 0) {
				Arrays.stream(part.substring(bracket).split("\\]")).filter(s -> !s.isEmpty()) //$NON-NLS-1$
						.forEach(s -> out.add(ExperimentSchema.ITEM));
			}
		}
		return out;
	}

	/** Replaces the marker's value (its character range) in the file, through the file buffer an editor shares. */
	private static final class SetValue implements IMarkerResolution {

		private final String label;
		private final String json;

		SetValue(String label, String json) {
			this.label = label;
			this.json = json;
		}

		@Override
		public String getLabel() {
			return label;
		}

		@Override
		public void run(IMarker marker) {
			IPath path = marker.getResource().getFullPath();
			ITextFileBufferManager manager = FileBuffers.getTextFileBufferManager();
			try {
				manager.connect(path, LocationKind.IFILE, null);
				try {
					ITextFileBuffer buffer = manager.getTextFileBuffer(path, LocationKind.IFILE);
					int start = marker.getAttribute(IMarker.CHAR_START, -1);
					int end = marker.getAttribute(IMarker.CHAR_END, -1);
					buffer.getDocument().replace(start, end - start, json);
					buffer.commit(null, true);
				} finally {
					manager.disconnect(path, LocationKind.IFILE, null);
				}
			} catch (CoreException | BadLocationException e) {
				ILog.of(getClass()).error(NLS.bind(Messages.QuickFix_failed, label, path), e);
			}
		}
	}
}
