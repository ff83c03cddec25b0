package org.scriptorium.refs.ui.internal.jdt;

import org.eclipse.jdt.ui.text.java.hover.IJavaEditorTextHover;
import org.eclipse.ui.IEditorPart;
import org.scriptorium.refs.ui.internal.editor.ReferenceHover;

/**
 * The paper reference hover in JDT's Java editor (contributed to {@code org.eclipse.jdt.ui.javaEditorTextHovers}; JDT's
 * "Combined Hover" asks it like its own hovers): an arXiv id, DOI or cite key in a comment or string shows the paper.
 * Loaded only where JDT is installed (the bundle's dependency on it is optional).
 */
public final class JavaReferenceHover extends ReferenceHover implements IJavaEditorTextHover {

	@Override
	public void setEditor(IEditorPart editor) {
		// the text viewer passed to each call is all it needs
	}
}
