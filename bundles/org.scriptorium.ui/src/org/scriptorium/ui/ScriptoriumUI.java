package org.scriptorium.ui;

/**
 * Public identifiers of the Scriptorium workbench contributions.
 *
 * @noinstantiate This class is not intended to be instantiated by clients.
 */
public final class ScriptoriumUI {

	/** The symbolic name of this bundle. */
	public static final String PLUGIN_ID = "org.scriptorium.ui"; //$NON-NLS-1$

	/** The Papers view. */
	public static final String PAPERS_VIEW_ID = "org.scriptorium.ui.views.papers"; //$NON-NLS-1$

	/** The Scriptorium perspective, the default one of the Scriptorium IDE product. */
	public static final String PERSPECTIVE_ID = "org.scriptorium.ui.perspective"; //$NON-NLS-1$

	/**
	 * The key under which Scriptorium widgets carry a stable id in {@code Widget#setData(String, Object)}, so that UI
	 * tests find them the way SWTBot finds widgets by id.
	 */
	public static final String WIDGET_ID_KEY = "org.scriptorium.ui.widgetId"; //$NON-NLS-1$

	private ScriptoriumUI() {
	}
}
