package org.scriptorium.ui.tests.pages;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Widget;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.scriptorium.tests.common.ui.Input;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.tests.common.ui.Widgets;
import org.scriptorium.ui.ScriptoriumUI;

/**
 * Drives a wizard opened the way File &gt; Import and File &gt; Export open one (their commands with the wizard's
 * id). The dialog is modal: {@link #run} opens it and drives it from inside its event loop, as SWTBot does from its
 * own thread.
 */
public final class WizardTester {

	private final Shell shell;

	private WizardTester(Shell shell) {
		this.shell = shell;
	}

	/** Opens File &gt; Import &gt; {@code wizardId}, lets {@code steps} drive it, returns when it closed. */
	public static void runImport(String wizardId, Consumer<WizardTester> steps) {
		run("org.eclipse.ui.file.import", "importWizardId", wizardId, steps); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** Opens File &gt; Export &gt; {@code wizardId}, lets {@code steps} drive it, returns when it closed. */
	public static void runExport(String wizardId, Consumer<WizardTester> steps) {
		run("org.eclipse.ui.file.export", "exportWizardId", wizardId, steps); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static void run(String commandId, String parameter, String wizardId, Consumer<WizardTester> steps) {
		Display display = Display.getCurrent();
		Shell workbench = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		display.asyncExec(() -> {
			Shell dialog = null;
			try {
				UiWait.until("the wizard is open", () -> dialogShell(display, workbench) != null); //$NON-NLS-1$
				dialog = dialogShell(display, workbench);
				steps.accept(new WizardTester(dialog));
			} catch (Throwable t) {
				failure.set(t);
			} finally {
				if (dialog != null && !dialog.isDisposed()) {
					dialog.close();
				}
			}
		});
		var commands = PlatformUI.getWorkbench().getService(ICommandService.class);
		var handlers = PlatformUI.getWorkbench().getService(IHandlerService.class);
		try {
			handlers.executeCommand(
					ParameterizedCommand.generateCommand(commands.getCommand(commandId), Map.of(parameter, wizardId)),
					null);
		} catch (Exception e) {
			throw new AssertionError("the wizard could not be opened", e); //$NON-NLS-1$
		}
		if (failure.get() instanceof AssertionError e) {
			throw e;
		}
		if (failure.get() != null) {
			throw new AssertionError(failure.get());
		}
	}

	private static Shell dialogShell(Display display, Shell workbench) {
		for (Shell s : display.getShells()) {
			if (s != workbench && s.isVisible() && !s.isDisposed() && s.getData() instanceof WizardDialog) {
				return s;
			}
		}
		return null;
	}

	public WizardDialog dialog() {
		return (WizardDialog) shell.getData();
	}

	public IWizardPage page() {
		return dialog().getCurrentPage();
	}

	/** The widget of the wizard with this id ({@link ScriptoriumUI#WIDGET_ID_KEY}). */
	public <T extends Widget> T widget(String id, Class<T> type) {
		return Widgets.byId(shell, ScriptoriumUI.WIDGET_ID_KEY, id, type);
	}

	/** The dialog's button labelled {@code label} (without mnemonic), e.g. "Next &gt;", "Finish", "Cancel". */
	public Button button(String label) {
		return Widgets.all(shell, Button.class).stream()
				.filter(b -> (b.getStyle() & SWT.PUSH) != 0 && b.getText().replace("&", "").equals(label)) //$NON-NLS-1$ //$NON-NLS-2$
				.findFirst().orElseThrow(() -> new AssertionError("no button " + label)); //$NON-NLS-1$
	}

	/** Clicks a button with the mouse once it is enabled. */
	public void click(String label) {
		Button b = button(label);
		UiWait.until(label + " is enabled", b::isEnabled); //$NON-NLS-1$
		Input.click(b, new Rectangle(0, 0, b.getSize().x, b.getSize().y));
		UiWait.flush();
	}

	/** Clicks Finish and waits until the dialog closed. */
	public void finish() {
		click("Finish"); //$NON-NLS-1$
		UiWait.until("the wizard closed", shell::isDisposed); //$NON-NLS-1$
	}

	/** Clicks Cancel and waits until the dialog closed. */
	public void cancel() {
		click("Cancel"); //$NON-NLS-1$
		UiWait.until("the wizard closed", shell::isDisposed); //$NON-NLS-1$
	}

	/** Checks a check box with a real click. */
	public void check(String id) {
		Button b = widget(id, Button.class);
		Input.click(b, new Rectangle(0, 0, b.getSize().y, b.getSize().y));
		UiWait.until(id + " is checked", b::getSelection); //$NON-NLS-1$
	}

	/** Types into a text or combo with real key events. */
	public void type(org.eclipse.swt.widgets.Control control, String text) {
		Input.type(control, text);
	}
}
