package org.scriptorium.refs.ui;

/**
 * The public identifiers of the references-in-editors contributions: the content types of the files researchers
 * write, which open in the platform's Generic Editor (the plain text editor where it is not installed).
 *
 * @noinstantiate This class is not intended to be instantiated by clients.
 */
public final class RefsUI {

	/** The bundle's symbolic name. */
	public static final String PLUGIN_ID = "org.scriptorium.refs.ui"; //$NON-NLS-1$

	/** LaTeX sources: {@code *.tex}, {@code *.ltx}, {@code *.sty}, {@code *.cls}. */
	public static final String LATEX_CONTENT_TYPE = PLUGIN_ID + ".latex"; //$NON-NLS-1$
	/** Markdown: {@code *.md}, {@code *.markdown}. */
	public static final String MARKDOWN_CONTENT_TYPE = PLUGIN_ID + ".markdown"; //$NON-NLS-1$
	/** Python sources: {@code *.py}, {@code *.pyw}, {@code *.pyi}. */
	public static final String PYTHON_CONTENT_TYPE = PLUGIN_ID + ".python"; //$NON-NLS-1$
	/** Preferences &gt; Scriptorium &gt; References: the reference checks and the ignored references. */
	public static final String PREFERENCE_PAGE_ID = PLUGIN_ID + ".preferences"; //$NON-NLS-1$
	/** The platform's Generic Editor. */
	public static final String GENERIC_EDITOR_ID = "org.eclipse.ui.genericeditor.GenericEditor"; //$NON-NLS-1$

	private RefsUI() {
	}
}
