package org.scriptorium.search.internal.service;

import org.eclipse.osgi.util.NLS;

/** User-visible strings of the search service: index jobs, embedding models and the search preferences. */
public final class Messages extends NLS {

	private static final String BUNDLE_NAME = "org.scriptorium.search.internal.service.messages"; //$NON-NLS-1$

	public static String Encoders_notProvider;
	public static String Encoders_failed;
	public static String CitedIn_notProvider;
	public static String CitedIn_failed;
	public static String Encoders_duplicate;
	public static String Encoders_none;
	public static String Preferences_rankerModelMissing;
	public static String Preferences_rankerInvalid;
	public static String Preferences_notMigrated;
	public static String Search_modelMissing;
	public static String Search_modelUnusable;
	public static String Search_modelsFailed;
	public static String Search_modelBroken;
	public static String Search_reconfigureJob;
	public static String Search_indexMessage;
	public static String Search_indexFailed;
	public static String Search_warmUpJob;
	public static String Search_rebuildJob;
	public static String Search_rebuilt;
	public static String Search_stateNotMoved;
	public static String Search_vectorJob;
	public static String Search_vectorsPending;
	public static String Search_vectorsCanceled;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
