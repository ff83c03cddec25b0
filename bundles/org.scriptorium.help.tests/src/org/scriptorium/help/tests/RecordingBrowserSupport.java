package org.scriptorium.help.tests;

import java.net.URL;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.ui.browser.AbstractWorkbenchBrowserSupport;
import org.eclipse.ui.browser.IWebBrowser;

/**
 * The tests' web browser, contributed to {@code org.eclipse.ui.browserSupport} as org.eclipse.ui.browser contributes
 * the IDE's: it opens nothing and records every address the workbench (here: the help system) asks it to show. The
 * test machine has neither an embedded browser (WebKitGTK) nor a desktop browser.
 */
public class RecordingBrowserSupport extends AbstractWorkbenchBrowserSupport {

	/** The addresses opened, oldest first. */
	static final List<String> OPENED = new CopyOnWriteArrayList<>();

	@Override
	public IWebBrowser createBrowser(int style, String browserId, String name, String tooltip) {
		return browser(browserId);
	}

	@Override
	public IWebBrowser createBrowser(String browserId) {
		return browser(browserId);
	}

	private static IWebBrowser browser(String id) {
		return new IWebBrowser() {
			@Override
			public String getId() {
				return id;
			}

			@Override
			public void openURL(URL url) {
				OPENED.add(url.toString());
			}

			@Override
			public boolean close() {
				return true;
			}
		};
	}
}
