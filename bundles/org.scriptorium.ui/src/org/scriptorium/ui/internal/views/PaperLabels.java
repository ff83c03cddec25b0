package org.scriptorium.ui.internal.views;

import org.eclipse.jface.preference.JFacePreferences;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.scriptorium.core.model.Paper;

/** How a paper is labelled in lists: "Title (year)", reference-only papers in grey italics. */
class PaperLabels extends ColumnLabelProvider {

	@Override
	public String getText(Object element) {
		Paper p = (Paper) element;
		return p.title() + p.year().map(y -> " (" + y + ")").orElse(""); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	@Override
	public Font getFont(Object element) {
		return ((Paper) element).isReferenceOnly()
				? JFaceResources.getFontRegistry().getItalic(JFaceResources.DEFAULT_FONT)
				: null;
	}

	@Override
	public Color getForeground(Object element) {
		return ((Paper) element).isReferenceOnly()
				? JFaceResources.getColorRegistry().get(JFacePreferences.QUALIFIER_COLOR)
				: null;
	}
}
