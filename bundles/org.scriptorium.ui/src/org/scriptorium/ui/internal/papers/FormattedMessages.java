package org.scriptorium.ui.internal.papers;

import org.eclipse.osgi.util.NLS;

/** User-visible strings of the formatted citations: Copy As &gt; Formatted Citation/Bibliography, the export. */
public final class FormattedMessages extends NLS {

	private static final String BUNDLE_NAME = "org.scriptorium.ui.internal.papers.formattedmessages"; //$NON-NLS-1$

	public static String Copy_job;
	public static String Copy_failed;
	public static String Export_formattedText;
	public static String Export_formattedHtml;
	public static String Export_style;
	public static String Export_locale;

	static {
		NLS.initializeMessages(BUNDLE_NAME, FormattedMessages.class);
	}

	private FormattedMessages() {
	}
}
