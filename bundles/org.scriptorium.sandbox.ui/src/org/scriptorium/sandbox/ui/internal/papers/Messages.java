package org.scriptorium.sandbox.ui.internal.papers;

import org.eclipse.osgi.util.NLS;

/** User-visible strings of the links between papers and experiments. */
public final class Messages extends NLS {

	private static final String BUNDLE_NAME = "org.scriptorium.sandbox.ui.internal.papers.messages"; //$NON-NLS-1$

	public static String RunExample_label;
	public static String RunExample_tooltip;
	public static String RunExample_job;
	public static String RunExample_failed;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
