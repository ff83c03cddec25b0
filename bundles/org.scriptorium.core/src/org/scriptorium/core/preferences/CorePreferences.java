package org.scriptorium.core.preferences;

/**
 * Keys and default values of the core's preferences: the corpus the Papers view opens. They live in the instance
 * scope node {@link #QUALIFIER}; the defaults are set by the core's preference initializer. Each layer keeps its own
 * preferences in its own node: the search ranking and the index folder in {@code org.scriptorium.search}
 * ({@code org.scriptorium.search.service.SearchPreferences}), the limits of sandbox runs in
 * {@code org.scriptorium.launching} ({@code org.scriptorium.launching.SandboxPreferences}). Workspaces of earlier
 * versions kept those in this node; each layer moves them to its own node once, when its defaults are first read.
 *
 * @noinstantiate This class is not intended to be instantiated by clients.
 */
public final class CorePreferences {

	/** The preference node: the core bundle's symbolic name. */
	public static final String QUALIFIER = "org.scriptorium.core"; //$NON-NLS-1$

	/** The corpus the Papers view opens: empty for the built-in default corpus, else a corpus file path. */
	public static final String DEFAULT_CORPUS = "corpus.default"; //$NON-NLS-1$
	public static final String DEFAULT_DEFAULT_CORPUS = ""; //$NON-NLS-1$

	private CorePreferences() {
	}
}
