package org.scriptorium.ui.internal.views;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.ui.views.properties.IPropertySource;
import org.scriptorium.core.model.Paper;

/** Adapts papers to what workbench views ask of a selection, e.g. the Properties view. */
public class PaperAdapterFactory implements IAdapterFactory {

	@Override
	public <T> T getAdapter(Object adaptable, Class<T> type) {
		if (adaptable instanceof Paper paper && type == IPropertySource.class) {
			return type.cast(new PaperPropertySource(paper));
		}
		return null;
	}

	@Override
	public Class<?>[] getAdapterList() {
		return new Class<?>[]{IPropertySource.class};
	}
}
