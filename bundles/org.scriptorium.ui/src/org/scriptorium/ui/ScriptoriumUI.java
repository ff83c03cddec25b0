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
	 * The content type of Scriptorium corpus files: {@code *.jsonl} whose first line is a corpus header; the Papers
	 * view opens them.
	 */
	public static final String CORPUS_CONTENT_TYPE_ID = "org.scriptorium.ui.corpusFile"; //$NON-NLS-1$

	/** F1 help context ids of the views, the search page and the wizards (org.scriptorium.help's contexts_ui.xml). */
	public static final String HELP_PAPERS_VIEW = PLUGIN_ID + ".papers_view", //$NON-NLS-1$
			HELP_NEIGHBOURHOOD_VIEW = PLUGIN_ID + ".neighbourhood_view", //$NON-NLS-1$
			HELP_SEARCH_PAGE = PLUGIN_ID + ".search_page", HELP_IMPORT_WIZARD = PLUGIN_ID + ".import_wizard", //$NON-NLS-1$ //$NON-NLS-2$
			HELP_EXPORT_WIZARD = PLUGIN_ID + ".export_wizard"; //$NON-NLS-1$

	/**
	 * The key under which Scriptorium widgets carry a stable id in {@code Widget#setData(String, Object)}, so that UI
	 * tests find them the way SWTBot finds widgets by id.
	 */
	public static final String WIDGET_ID_KEY = "org.scriptorium.ui.widgetId"; //$NON-NLS-1$

	private ScriptoriumUI() {
	}
}
