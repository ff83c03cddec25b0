package org.scriptorium.sandbox.ui.internal.editor;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.scriptorium.sandbox.Experiment;

/**
 * Gives a text editor of an experiment file (the Generic Editor, or the text editor where it is not installed) its
 * Outline page: the editors ask the platform's adapter manager for an {@link IContentOutlinePage}.
 */
public final class ExperimentOutlineAdapterFactory implements IAdapterFactory {

	@Override
	public <T> T getAdapter(Object adaptable, Class<T> adapterType) {
		if (adapterType == IContentOutlinePage.class && adaptable instanceof ITextEditor editor
				&& isExperiment(editor.getEditorInput())) {
			return adapterType.cast(new ExperimentOutlinePage(editor));
		}
		return null;
	}

	private static boolean isExperiment(IEditorInput input) {
		return input != null && input.getName().endsWith(Experiment.EXTENSION);
	}

	@Override
	public Class<?>[] getAdapterList() {
		return new Class<?>[]{IContentOutlinePage.class};
	}
}
