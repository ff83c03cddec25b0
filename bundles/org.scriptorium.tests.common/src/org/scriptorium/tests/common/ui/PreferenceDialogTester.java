package org.scriptorium.tests.common.ui;

import org.eclipse.jface.preference.IPreferencePage;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Widget;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;

/** Drives the Preferences dialog opened on one page, with the mouse and keyboard. */
public final class PreferenceDialogTester {

	private final PreferenceDialog dialog;
	private final String widgetIdKey;

	private PreferenceDialogTester(PreferenceDialog dialog, String widgetIdKey) {
		this.dialog = dialog;
		this.widgetIdKey = widgetIdKey;
	}

	/**
	 * Opens the Preferences dialog on {@code pageId} without blocking.
	 *
	 * @param widgetIdKey the key under which the page's widgets carry their ids ({@code Widget#setData(key, id)})
	 */
	public static PreferenceDialogTester open(String pageId, String widgetIdKey) {
		PreferenceDialog d = PreferencesUtil.createPreferenceDialogOn(
				PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), pageId, null, null);
		d.setBlockOnOpen(false);
		d.open();
		UiWait.flush();
		return new PreferenceDialogTester(d, widgetIdKey);
	}

	/** The dialog, or null once it is closed. */
	public PreferenceDialog dialog() {
		return dialog.getShell() == null || dialog.getShell().isDisposed() ? null : dialog;
	}

	/** The error message of the page on display, or null. */
	public String errorMessage() {
		return ((IPreferencePage) dialog.getSelectedPage()).getErrorMessage();
	}

	/** The widget with this id on the page. */
	public <T extends Widget> T byId(String id, Class<T> type) {
		return Widgets.byId(dialog.getShell(), widgetIdKey, id, type);
	}

	/** Whether the page has a widget with this id. */
	public boolean has(String id) {
		return Widgets.all(dialog.getShell(), Control.class).stream().anyMatch(c -> id.equals(c.getData(widgetIdKey)));
	}

	/** The visible text field that follows the label {@code label} (mnemonics ignored). */
	public Text fieldAfterLabel(String label) {
		for (Label l : Widgets.all(dialog.getShell(), Label.class)) {
			if (l.getText().replace("&", "").equals(label) && l.isVisible()) { //$NON-NLS-1$ //$NON-NLS-2$
				Control[] siblings = l.getParent().getChildren();
				for (int i = 0; i < siblings.length - 1; i++) {
					if (siblings[i] == l && siblings[i + 1] instanceof Text t) {
						return t;
					}
				}
			}
		}
		throw new AssertionError("no text field labelled " + label); //$NON-NLS-1$
	}

	/** The visible button with this label (mnemonics ignored). */
	public Button button(String label) {
		return Widgets.all(dialog.getShell(), Button.class).stream()
				.filter(b -> b.getText().replace("&", "").equals(label) && b.isVisible()).findFirst() //$NON-NLS-1$ //$NON-NLS-2$
				.orElseThrow(() -> new AssertionError("no button " + label)); //$NON-NLS-1$
	}

	/** Clicks a button with the mouse. */
	public static void click(Button b) {
		Input.click(b, new Rectangle(0, 0, b.getSize().x, b.getSize().y));
	}

	/** Clicks the radio or check box with this id and waits until it shows {@code checked}. */
	public void click(String id, boolean checked) {
		Button b = byId(id, Button.class);
		Input.click(b, new Rectangle(0, 0, b.getSize().y, b.getSize().y));
		UiWait.until(id + (checked ? " is checked" : " is unchecked"), () -> b.getSelection() == checked); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** Clicks Apply and Close once the page is valid and waits for the dialog to close. */
	public void applyAndClose() {
		Button apply = button("Apply and Close"); //$NON-NLS-1$
		UiWait.until("the page is valid", apply::isEnabled); //$NON-NLS-1$
		click(apply);
		UiWait.until("the dialog closed", () -> dialog() == null); //$NON-NLS-1$
	}

	/** Closes the dialog if it is still open (clean-up). */
	public void close() {
		if (dialog() != null) {
			dialog.close();
		}
	}
}
