package org.scriptorium.launching.internal;

import org.eclipse.osgi.util.NLS;

/** User-visible strings of the launching bundle. */
public final class Messages extends NLS {

	private static final String BUNDLE_NAME = "org.scriptorium.launching.internal.messages"; //$NON-NLS-1$

	public static String Launch_noFile;
	public static String Preferences_notMigrated;
	public static String Launch_fileMissing;
	public static String Launch_invalid;
	public static String Launch_invalidMore;
	public static String Launch_position;
	public static String Launch_unsupportedMode;
	public static String Launch_noBundle;
	public static String Launch_noJava;
	public static String Launch_badNumber;
	public static String Launch_task;
	public static String Launch_processLabel;
	public static String Launch_refreshJob;
	public static String Job_name;
	public static String Job_run;
	public static String Markers_location;
	public static String Markers_job;
	public static String Examples_task;
	public static String Process_recorded;
	public static String Process_cancelled;
	public static String Process_killed;
	public static String Process_recordFailed;
	public static String Launch_attachName;
	public static String Launch_attachMissing;
	public static String Launch_trustTitle;
	public static String Launch_notTrusted;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
