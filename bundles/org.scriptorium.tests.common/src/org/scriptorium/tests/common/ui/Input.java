package org.scriptorium.tests.common.ui;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;

/**
 * Real keyboard and mouse input through {@link Display#post(Event)}: the events go through the X server (XTEST under
 * Xvfb), so widgets see exactly what a person's typing and clicking produce.
 */
public final class Input {

	private Input() {
	}

	/** Gives {@code control} the keyboard focus, its shell first. */
	public static void focus(Control control) {
		// a part that was just shown, maximized or re-laid out may refuse focus once: ask again while waiting
		UiWait.until("focus is on " + control, () -> { //$NON-NLS-1$
			if (!control.isFocusControl()) {
				control.getShell().forceActive();
				control.setFocus();
			}
			return control.isFocusControl();
		});
	}

	/** Types {@code text} into the focused control, one key press and release per character. */
	public static void type(Control control, String text) {
		focus(control);
		Display display = control.getDisplay();
		for (char c : text.toCharArray()) {
			key(display, SWT.KeyDown, c);
			key(display, SWT.KeyUp, c);
			UiWait.flush();
		}
	}

	/** Presses {@code keyCode} (an SWT key code, e.g. {@link SWT#BS}) {@code times} times. */
	public static void press(Control control, int keyCode, int times) {
		focus(control);
		Display display = control.getDisplay();
		for (int i = 0; i < times; i++) {
			Event e = new Event();
			e.type = SWT.KeyDown;
			e.keyCode = keyCode;
			post(display, e);
			e = new Event();
			e.type = SWT.KeyUp;
			e.keyCode = keyCode;
			post(display, e);
			UiWait.flush();
		}
	}

	/** Clicks the left mouse button at {@code bounds}' centre, given in {@code control}'s coordinates. */
	public static void click(Control control, Rectangle bounds) {
		control.getShell().forceActive();
		Display display = control.getDisplay();
		Point p = control.toDisplay(bounds.x + bounds.width / 2, bounds.y + bounds.height / 2);
		Event move = new Event();
		move.type = SWT.MouseMove;
		move.x = p.x;
		move.y = p.y;
		post(display, move);
		for (int type : new int[]{SWT.MouseDown, SWT.MouseUp}) {
			Event e = new Event();
			e.type = type;
			e.button = 1;
			post(display, e);
		}
		UiWait.flush();
	}

	private static void key(Display display, int type, char c) {
		Event e = new Event();
		e.type = type;
		e.character = c;
		e.keyCode = Character.toLowerCase(c);
		post(display, e);
	}

	private static void post(Display display, Event e) {
		if (!display.post(e)) {
			throw new AssertionError("The display did not accept the event " + e); //$NON-NLS-1$
		}
	}
}
