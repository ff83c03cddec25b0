package org.scriptorium.help.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.forms.widgets.FormText;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.ui.Input;
import org.scriptorium.tests.common.ui.Screenshots;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.tests.common.ui.Widgets;
import org.scriptorium.ui.ScriptoriumUI;

/**
 * Issue 16, item 8: the help viewer of the Scriptorium IDE. F1 (Ctrl+F1 on Linux) in the Papers view opens the Help
 * view with the view's
 * context help (its description and the guide's topics), and a topic chosen there, like Help > Help Contents, is
 * served by the help webapp on the embedded Jetty: the test's web browser ({@link RecordingBrowserSupport}, where the
 * IDE's browser support plugs in) records the address it is given, and the test loads that page over HTTP and finds
 * the user guide's table of contents and topics in what the server sends.
 */
@ExtendWith(NoErrorLoggedExtension.class)
class HelpViewerTest {

	/** The help system's Help view (dynamic help, F1). */
	private static final String HELP_VIEW_ID = "org.eclipse.help.ui.HelpView"; //$NON-NLS-1$
	/** The first start of the help webapp compiles its JSPs and indexes the docs: slow on a loaded machine. */
	private static final Duration HELP_TIMEOUT = Duration.ofSeconds(180);

	/** The title and message of a dialog that opened while the test waited (closed at once), or null. */
	private static volatile String unexpectedDialog;
	private static final org.eclipse.swt.widgets.Listener DIALOG_GUARD = e -> {
		if (e.widget instanceof Shell dialog && dialog.getParent() != null && unexpectedDialog == null) {
			// a modal dialog (e.g. "no web browser") would block the test in its event loop: record it, close it
			unexpectedDialog = dialog.getText() + ": " + String.join(" / ", texts(dialog)); //$NON-NLS-1$ //$NON-NLS-2$
			dialog.getDisplay().asyncExec(dialog::close);
		}
	};

	@org.junit.jupiter.api.BeforeEach
	void guardAgainstDialogs() {
		unexpectedDialog = null;
		PlatformUI.getWorkbench().getDisplay().addFilter(SWT.Activate, DIALOG_GUARD);
	}

	@org.junit.jupiter.api.AfterEach
	void removeTheGuard() {
		PlatformUI.getWorkbench().getDisplay().removeFilter(SWT.Activate, DIALOG_GUARD);
		assertEquals(null, unexpectedDialog, "no dialog opens"); //$NON-NLS-1$
	}

	private static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	@Test
	void contextHelpKeyInThePapersViewShowsItsHelpAndItsTopicComesFromTheHelpServer() throws Exception {
		IViewPart papers = page().showView(ScriptoriumUI.PAPERS_VIEW_ID);
		Shell shell = papers.getSite().getShell();
		// the filter box (PapersView.FILTER_ID); the view's context help is set on the view's composite around it
		Text filter = Widgets.byId((Composite) shell, ScriptoriumUI.WIDGET_ID_KEY, "papers.filter", Text.class); //$NON-NLS-1$
		contextHelpKey(filter);
		UiWait.until("Ctrl+F1 opens the Help view", () -> page().findView(HELP_VIEW_ID) != null //$NON-NLS-1$
				&& page().isPartVisible(page().findView(HELP_VIEW_ID)), HELP_TIMEOUT);
		String[] shown = {""};
		UiWait.until("the Help view shows the Papers view's context help", () -> { //$NON-NLS-1$
			shown[0] = String.join("\n", texts(shell)); //$NON-NLS-1$
			return shown[0].contains("The Papers view lists the papers of a corpus"); //$NON-NLS-1$
		}, HELP_TIMEOUT);
		screenshot(shell, "help-f1.png"); //$NON-NLS-1$
		assertTrue(shown[0].contains("Papers") && shown[0].contains("The search language"), //$NON-NLS-1$ //$NON-NLS-2$
				"the context's topics are listed: " + shown[0]); //$NON-NLS-1$

		// the topic, opened from the help, is a page of the help webapp
		PlatformUI.getWorkbench().getHelpSystem().displayHelpResource("/org.scriptorium.help/html/papers.html"); //$NON-NLS-1$
		String url = awaitBrowserOn("papers.html"); //$NON-NLS-1$
		HttpResponse<String> frameset = get(url);
		assertEquals(200, frameset.statusCode(), url);
		URI topicUri = URI.create(url).resolve("/help/topic/org.scriptorium.help/html/papers.html"); //$NON-NLS-1$
		HttpResponse<String> topic = get(topicUri.toString());
		assertEquals(200, topic.statusCode(), topicUri.toString());
		assertTrue(topic.body().contains("<title>Papers</title>"), topic.body()); //$NON-NLS-1$
	}

	@Test
	void helpContentsServesTheUserGuidesTableOfContentsOverHttp() throws Exception {
		PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.eclipse.ui.help.helpContents", //$NON-NLS-1$
				null);
		String url = awaitBrowserOn("/help/index.jsp"); //$NON-NLS-1$
		URI index = URI.create(url);
		assertEquals("127.0.0.1", index.getHost(), "the help server is the embedded one: " + url); //$NON-NLS-1$ //$NON-NLS-2$

		HttpResponse<String> page = get(url);
		assertEquals(200, page.statusCode(), url);
		assertTrue(page.body().toLowerCase(java.util.Locale.ROOT).contains("<html"), page.body()); //$NON-NLS-1$

		// the table of contents the help window's Contents tab loads (the webapp's tocfragment servlet)
		URI toc = index.resolve("/help/advanced/tocfragment"); //$NON-NLS-1$
		HttpResponse<String> tocs = get(toc.toString());
		assertEquals(200, tocs.statusCode(), toc.toString());
		assertTrue(tocs.body().contains("Scriptorium User Guide"), tocs.body()); //$NON-NLS-1$

		// the help's search (indexed with Lucene on first use) finds the guide's chapter on experiments
		URI search = index.resolve("/help/advanced/searchView.jsp?searchWord=routing+experiments&maxHits=500"); //$NON-NLS-1$
		String hits = untilIndexed(search);
		assertTrue(hits.contains("Routing experiments"), hits); //$NON-NLS-1$

		URI overview = index.resolve("/help/topic/org.scriptorium.help/html/overview.html"); //$NON-NLS-1$
		HttpResponse<String> topic = get(overview.toString());
		assertEquals(200, topic.statusCode(), overview.toString());
		assertTrue(topic.body().contains("Scriptorium"), topic.body()); //$NON-NLS-1$
	}

	/**
	 * Presses the context help key on {@code control} as a user does on Linux: Ctrl+F1 (GTK's "show help" key; F1 on
	 * Windows), real key events through the X server.
	 */
	private static void contextHelpKey(Control control) {
		Input.focus(control);
		org.eclipse.swt.widgets.Display display = control.getDisplay();
		int[][] keys = {{SWT.KeyDown, SWT.CTRL}, {SWT.KeyDown, SWT.F1}, {SWT.KeyUp, SWT.F1}, {SWT.KeyUp, SWT.CTRL}};
		for (int[] key : keys) {
			org.eclipse.swt.widgets.Event e = new org.eclipse.swt.widgets.Event();
			e.type = key[0];
			e.keyCode = key[1];
			assertTrue(display.post(e), "the key is posted"); //$NON-NLS-1$
		}
		UiWait.flush();
	}

	/** Waits until the recording browser was opened on an address containing {@code part}; returns that address. */
	private static String awaitBrowserOn(String part) {
		String[] found = {null};
		UiWait.until("the web browser is opened on " + part, () -> { //$NON-NLS-1$
			if (unexpectedDialog != null) {
				throw new AssertionError("a dialog opened instead: " + unexpectedDialog); //$NON-NLS-1$
			}
			found[0] = browserUrls().stream().filter(u -> u.contains(part)).reduce((a, b) -> b).orElse(null);
			return found[0] != null;
		}, HELP_TIMEOUT);
		return found[0];
	}

	private static List<String> browserUrls() {
		return RecordingBrowserSupport.OPENED;
	}

	/**
	 * The help search's answer to {@code search}: while the help is being indexed the server sends an "Indexing..."
	 * page that a browser reloads (its script); so does this, each time the previous answer has arrived.
	 */
	private static String untilIndexed(URI search) {
		HttpClient client = HttpClient.newHttpClient();
		@SuppressWarnings("unchecked")
		java.util.concurrent.CompletableFuture<HttpResponse<String>>[] pending = new java.util.concurrent.CompletableFuture[1];
		String[] body = {null};
		UiWait.until("the help search answers " + search, () -> { //$NON-NLS-1$
			if (pending[0] == null) {
				pending[0] = client.sendAsync(HttpRequest.newBuilder(search).timeout(Duration.ofSeconds(120)).build(),
						HttpResponse.BodyHandlers.ofString());
			}
			if (!pending[0].isDone()) {
				return false;
			}
			HttpResponse<String> answer = pending[0].join();
			pending[0] = null;
			assertEquals(200, answer.statusCode(), search.toString());
			if (answer.body().contains("divProgress")) { //$NON-NLS-1$
				return false; // the "Indexing..." page: reload
			}
			body[0] = answer.body();
			return true;
		}, HELP_TIMEOUT);
		return body[0];
	}

	/** Loads {@code url} from the help server (off the UI thread, the UI keeps running meanwhile). */
	private static HttpResponse<String> get(String url) throws Exception {
		var future = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create(url))
				.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
		UiWait.until("the help server answers " + url, future::isDone, HELP_TIMEOUT); //$NON-NLS-1$
		return future.get();
	}

	/** The texts a user reads in {@code root}: its labels, texts and forms text (the Help view's related topics). */
	private static List<String> texts(Composite root) {
		List<String> out = new ArrayList<>();
		for (Control c : Widgets.all(root, Control.class)) {
			if (c instanceof org.eclipse.swt.widgets.Label l) {
				out.add(l.getText());
			} else if (c instanceof FormText f) {
				out.add(formText(f));
			} else if (c instanceof org.eclipse.ui.forms.widgets.Hyperlink h) {
				out.add(h.getText());
			}
		}
		return out;
	}

	/** What a FormText shows (its accessible text: the same words a screen reader gets). */
	private static String formText(FormText text) {
		try {
			Field model = FormText.class.getDeclaredField("model"); //$NON-NLS-1$
			model.setAccessible(true);
			Object m = model.get(text);
			return String.valueOf(m.getClass().getMethod("getAccessibleText").invoke(m)); //$NON-NLS-1$
		} catch (ReflectiveOperationException e) {
			throw new AssertionError("cannot read the forms text", e); //$NON-NLS-1$
		}
	}

	private static void screenshot(Shell shell, String name) throws IOException {
		String folder = System.getProperty("scriptorium.screenshots"); //$NON-NLS-1$
		if (folder != null) {
			shell.update();
			Screenshots.capture(shell, Path.of(folder, name));
		}
	}
}
