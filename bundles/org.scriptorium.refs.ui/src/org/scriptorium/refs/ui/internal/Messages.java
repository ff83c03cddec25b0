package org.scriptorium.refs.ui.internal;

import org.eclipse.osgi.util.NLS;

/** The user-visible words of references in editors. */
public final class Messages extends NLS {

	private static final String BUNDLE_NAME = "org.scriptorium.refs.ui.internal.messages"; //$NON-NLS-1$

	public static String ActiveCorpus_unreadable;
	public static String Link_show;
	public static String Link_referenceOnly;
	public static String Link_unknown;
	public static String Link_notInView;
	public static String Link_failed;
	public static String Hover_referenceOnly;
	public static String Hover_unknown;
	public static String Hover_counts;
	public static String Hover_links;
	public static String Completion_arxiv;
	public static String Completion_failed;
	public static String Fix_add;
	public static String Fix_addDescription;
	public static String Fix_addReferenceOnlyDescription;
	public static String Fix_import;
	public static String Fix_importDescription;
	public static String Fix_importFailed;
	public static String Fix_ignore;
	public static String Fix_ignoreDescription;
	public static String Preferences_description;
	public static String Preferences_check;
	public static String Preferences_ignored;
	public static String Preferences_reference;
	public static String Preferences_project;
	public static String Preferences_remove;
	public static String Preferences_saveFailed;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
