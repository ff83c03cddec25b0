package org.scriptorium.refs.ui.internal.checks;

import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.IMarkerResolution2;
import org.eclipse.ui.IMarkerResolutionRelevance;

/** A quick fix of an unresolved reference: its label, the description the Quick Fix dialog shows, its rank. */
abstract class ReferenceFix implements IMarkerResolution2, IMarkerResolutionRelevance {

	private final String label;
	private final String description;
	private final int relevance;

	ReferenceFix(String label, String description, int relevance) {
		this.label = label;
		this.description = description;
		this.relevance = relevance;
	}

	@Override
	public final String getLabel() {
		return label;
	}

	@Override
	public final String getDescription() {
		return description;
	}

	@Override
	public final Image getImage() {
		return null;
	}

	@Override
	public final int getRelevanceForResolution() {
		return relevance;
	}
}
