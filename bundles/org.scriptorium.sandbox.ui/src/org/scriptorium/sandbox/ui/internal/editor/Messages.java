package org.scriptorium.sandbox.ui.internal.editor;

import org.eclipse.osgi.util.NLS;

/** User-visible strings of the experiment editor. */
public final class Messages extends NLS {

	private static final String BUNDLE_NAME = "org.scriptorium.sandbox.ui.internal.editor.messages"; //$NON-NLS-1$

	public static String QuickFix_default;
	public static String QuickFix_value;
	public static String QuickFix_failed;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
