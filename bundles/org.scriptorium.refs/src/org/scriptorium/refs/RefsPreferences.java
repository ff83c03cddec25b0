package org.scriptorium.refs;

/**
 * Keys and defaults of the paper-references bundle's preferences, in the instance scope node {@link #QUALIFIER}; the
 * defaults are set by this bundle's own preference initializer.
 *
 * @noinstantiate This class is not intended to be instantiated by clients.
 */
public final class RefsPreferences {

	/** The preference node: the bundle's symbolic name. */
	public static final String QUALIFIER = "org.scriptorium.refs"; //$NON-NLS-1$

	/**
	 * Whether saved files are checked for references that resolve to no paper of the active corpus (markers
	 * {@link ReferenceMarkers#TYPE}); the files are those of {@link ReferenceFiles#isReferenceFile}.
	 */
	public static final String CHECK_REFERENCES = "check.references"; //$NON-NLS-1$
	public static final boolean DEFAULT_CHECK_REFERENCES = true;

	/**
	 * A <em>project</em> preference (project scope, node {@link #QUALIFIER}, so in the project's
	 * {@code .settings/org.scriptorium.refs.prefs}): the references the checks leave out in that project, space
	 * separated, each {@code arxiv:ID}, {@code doi:DOI} or {@code cite:KEY} (the Ignore quick fix adds one; Preferences
	 * &gt; Scriptorium &gt; References removes them). No default: none is ignored.
	 */
	public static final String IGNORED_REFERENCES = "ignored.references"; //$NON-NLS-1$

	private RefsPreferences() {
	}
}
