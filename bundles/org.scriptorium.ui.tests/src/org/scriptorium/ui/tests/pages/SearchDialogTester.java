package org.scriptorium.ui.tests.pages;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.eclipse.search.ui.NewSearchUI;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.scriptorium.tests.common.ui.Input;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.tests.common.ui.Widgets;
import org.scriptorium.ui.ScriptoriumUI;
import org.scriptorium.ui.internal.search.PaperSearchPage;

/**
 * Drives the Search dialog's Paper Search page. The dialog is modal: {@link #run(Consumer)} opens it and drives it
 * from inside its event loop, as SWTBot does from its own thread.
 */
public final class SearchDialogTester {

	private final Shell shell;

	private SearchDialogTester(Shell shell) {
		this.shell = shell;
	}

	/** Opens the Search dialog on the Paper Search page, lets {@code steps} drive it, and returns when it closed. */
	public static void run(Consumer<SearchDialogTester> steps) {
		Display display = Display.getCurrent();
		Shell workbench = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		display.asyncExec(() -> {
			Shell dialog = null;
			try {
				UiWait.until("the Search dialog is open", () -> dialogShell(display, workbench) != null); //$NON-NLS-1$
				dialog = dialogShell(display, workbench);
				steps.accept(new SearchDialogTester(dialog));
			} catch (Throwable t) {
				failure.set(t);
				if (dialog != null && !dialog.isDisposed()) {
					dialog.close();
				}
			}
		});
		NewSearchUI.openSearchDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow(), PaperSearchPage.ID);
		if (failure.get() instanceof AssertionError e) {
			throw e;
		}
		if (failure.get() != null) {
			throw new AssertionError(failure.get());
		}
	}

	private static Shell dialogShell(Display display, Shell workbench) {
		for (Shell s : display.getShells()) {
			if (s != workbench && s.isVisible() && !s.isDisposed() && s.getParent() == workbench) {
				return s;
			}
		}
		return null;
	}

	public Combo query() {
		return Widgets.byId(shell, ScriptoriumUI.WIDGET_ID_KEY, PaperSearchPage.QUERY_ID, Combo.class);
	}

	public Text from() {
		return Widgets.byId(shell, ScriptoriumUI.WIDGET_ID_KEY, PaperSearchPage.FROM_ID, Text.class);
	}

	public Text to() {
		return Widgets.byId(shell, ScriptoriumUI.WIDGET_ID_KEY, PaperSearchPage.TO_ID, Text.class);
	}

	/** Checks a radio or check box with a real click. */
	public void check(String id) {
		Button b = Widgets.byId(shell, ScriptoriumUI.WIDGET_ID_KEY, id, Button.class);
		Input.click(b, new Rectangle(0, 0, b.getSize().y, b.getSize().y));
		UiWait.until(id + " is checked", b::getSelection); //$NON-NLS-1$
	}

	/** The first-stage choice (dense and hybrid rankers), or null when no embedding model is installed. */
	public Combo retrieval() {
		var found = Widgets.all(shell, Combo.class).stream()
				.filter(c -> PaperSearchPage.RETRIEVAL_ID.equals(c.getData(ScriptoriumUI.WIDGET_ID_KEY))).toList();
		return found.isEmpty() ? null : found.get(0);
	}

	/** Whether a radio or check box is checked. */
	public boolean isChecked(String id) {
		return Widgets.byId(shell, ScriptoriumUI.WIDGET_ID_KEY, id, Button.class).getSelection();
	}

	/** Types into a text or combo with real key events. */
	public void type(org.eclipse.swt.widgets.Control control, String text) {
		Input.type(control, text);
	}

	/** The dialog's Search button. */
	public Button searchButton() {
		return Widgets.all(shell, Button.class).stream()
				.filter(b -> (b.getStyle() & SWT.PUSH) != 0 && b.getText().replace("&", "").equals("Search")) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				.findFirst().orElseThrow(() -> new AssertionError("no Search button")); //$NON-NLS-1$
	}

	/** Clicks Search with the mouse and waits for the dialog to close. */
	public void search() {
		Button b = searchButton();
		UiWait.until("Search is enabled", b::isEnabled); //$NON-NLS-1$
		Input.click(b, new Rectangle(0, 0, b.getSize().x, b.getSize().y));
		UiWait.until("the Search dialog closed", shell::isDisposed); //$NON-NLS-1$
	}
}
