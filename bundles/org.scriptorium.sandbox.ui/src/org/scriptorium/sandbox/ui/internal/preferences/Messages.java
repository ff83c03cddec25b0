package org.scriptorium.sandbox.ui.internal.preferences;

import org.eclipse.osgi.util.NLS;

/** User-visible strings of the sandbox preference page. */
public final class Messages extends NLS {

	private static final String BUNDLE_NAME = "org.scriptorium.sandbox.ui.internal.preferences.messages"; //$NON-NLS-1$

	public static String Preferences_sandboxDescription;
	public static String Preferences_timeout;
	public static String Preferences_heap;
	public static String Preferences_parallel;
	public static String Preferences_allowExternal;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
