package org.scriptorium.ui.tests.pages;

import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Widget;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.scriptorium.tests.common.ui.Input;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.tests.common.ui.Widgets;
import org.scriptorium.ui.ScriptoriumUI;

/** Drives the Preferences dialog opened on one page. */
public final class PreferenceDialogTester {

	private final PreferenceDialog dialog;

	private PreferenceDialogTester(PreferenceDialog dialog) {
		this.dialog = dialog;
	}

	/** Opens the Preferences dialog on {@code pageId} without blocking. */
	public static PreferenceDialogTester open(String pageId) {
		PreferenceDialog d = PreferencesUtil.createPreferenceDialogOn(
				PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), pageId, null, null);
		d.setBlockOnOpen(false);
		d.open();
		UiWait.flush();
		return new PreferenceDialogTester(d);
	}

	/** The widget with this id on the page (see {@link ScriptoriumUI#WIDGET_ID_KEY}). */
	public <T extends Widget> T byId(String id, Class<T> type) {
		return Widgets.byId(dialog.getShell(), ScriptoriumUI.WIDGET_ID_KEY, id, type);
	}

	/** Whether the page has a widget with this id. */
	public boolean has(String id) {
		return Widgets.all(dialog.getShell(), org.eclipse.swt.widgets.Control.class).stream()
				.anyMatch(c -> id.equals(c.getData(ScriptoriumUI.WIDGET_ID_KEY)));
	}

	/** Clicks a radio or check box with the mouse and waits until it shows {@code checked}. */
	public void click(String id, boolean checked) {
		Button b = byId(id, Button.class);
		Input.click(b, new Rectangle(0, 0, b.getSize().y, b.getSize().y));
		UiWait.until(id + (checked ? " is checked" : " is unchecked"), () -> b.getSelection() == checked); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** Clicks Apply and Close and waits for the dialog to close. */
	public void applyAndClose() {
		Button apply = Widgets.all(dialog.getShell(), Button.class).stream()
				.filter(b -> b.getText().replace("&", "").equals("Apply and Close") && b.isVisible()).findFirst() //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				.orElseThrow(() -> new AssertionError("no Apply and Close button")); //$NON-NLS-1$
		UiWait.until("the page is valid", apply::isEnabled); //$NON-NLS-1$
		Input.click(apply, new Rectangle(0, 0, apply.getSize().x, apply.getSize().y));
		UiWait.until("the dialog closed", () -> dialog.getShell() == null || dialog.getShell().isDisposed()); //$NON-NLS-1$
	}

	/** Closes the dialog if it is still open (clean-up). */
	public void close() {
		if (dialog.getShell() != null && !dialog.getShell().isDisposed()) {
			dialog.close();
		}
	}
}
