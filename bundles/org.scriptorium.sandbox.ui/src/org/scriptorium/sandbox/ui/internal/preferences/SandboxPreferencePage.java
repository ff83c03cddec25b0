package org.scriptorium.sandbox.ui.internal.preferences;

import static org.scriptorium.launching.SandboxPreferences.*;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/**
 * Preferences > Scriptorium > Sandbox: limits of experiment runs and permission for external commands (the launching
 * bundle's node, {@link org.scriptorium.launching.SandboxPreferences}).
 */
public class SandboxPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	public SandboxPreferencePage() {
		super(GRID);
		setDescription(Messages.Preferences_sandboxDescription);
	}

	@Override
	public void init(IWorkbench workbench) {
		setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, QUALIFIER));
	}

	@Override
	protected void createFieldEditors() {
		IntegerFieldEditor timeout = new IntegerFieldEditor(SANDBOX_TIMEOUT, Messages.Preferences_timeout,
				getFieldEditorParent());
		timeout.setValidRange(1, 7 * 24 * 3600);
		addField(timeout);
		IntegerFieldEditor heap = new IntegerFieldEditor(SANDBOX_HEAP, Messages.Preferences_heap,
				getFieldEditorParent());
		heap.setValidRange(64, 64 * 1024);
		addField(heap);
		IntegerFieldEditor parallel = new IntegerFieldEditor(SANDBOX_PARALLEL, Messages.Preferences_parallel,
				getFieldEditorParent());
		parallel.setValidRange(1, 256);
		addField(parallel);
		addField(new BooleanFieldEditor(SANDBOX_ALLOW_EXTERNAL, Messages.Preferences_allowExternal,
				getFieldEditorParent()));
	}
}
