package org.scriptorium.ui.internal.preferences;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.FieldEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.scriptorium.search.TextEncoder;
import org.scriptorium.search.service.SearchPreferences;
import org.scriptorium.ui.ScriptoriumUI;
import org.scriptorium.ui.internal.Messages;

/**
 * Edits the list of embedding models to index: one check box per installed model. All checked is stored as
 * {@code *}, so that a model installed later is indexed too.
 */
final class ModelsFieldEditor extends FieldEditor {

	private final List<TextEncoder> encoders;
	private final List<Button> boxes = new ArrayList<>();
	private Group group;

	ModelsFieldEditor(String name, String label, List<TextEncoder> encoders, Composite parent) {
		this.encoders = encoders;
		init(name, label);
		createControl(parent);
	}

	@Override
	protected void adjustForNumColumns(int numColumns) {
		((GridData) group.getLayoutData()).horizontalSpan = numColumns;
	}

	@Override
	protected void doFillIntoGrid(Composite parent, int numColumns) {
		group = new Group(parent, SWT.NONE);
		group.setText(getLabelText());
		GridLayoutFactory.swtDefaults().applyTo(group);
		GridDataFactory.fillDefaults().grab(true, false).span(numColumns, 1).applyTo(group);
		for (TextEncoder e : encoders) {
			Button b = new Button(group, SWT.CHECK);
			b.setText(e.id() + " \u2013 " + e.label()); //$NON-NLS-1$
			b.setData(ScriptoriumUI.WIDGET_ID_KEY, SearchPreferencePage.DENSE_MODEL_ID_PREFIX + e.id());
			boxes.add(b);
		}
		Label hint = new Label(group, SWT.WRAP);
		hint.setText(Messages.Preferences_denseModelsHint);
		GridDataFactory.fillDefaults().grab(true, false).hint(380, SWT.DEFAULT).applyTo(hint);
	}

	@Override
	protected void doLoad() {
		show(getPreferenceStore().getString(getPreferenceName()));
	}

	@Override
	protected void doLoadDefault() {
		show(getPreferenceStore().getDefaultString(getPreferenceName()));
	}

	private void show(String value) {
		Set<String> enabled = SearchPreferences.parseModels(value);
		for (int i = 0; i < boxes.size(); i++) {
			boxes.get(i).setSelection(enabled.contains(encoders.get(i).id()));
		}
	}

	@Override
	protected void doStore() {
		List<String> checked = new ArrayList<>();
		for (int i = 0; i < boxes.size(); i++) {
			if (boxes.get(i).getSelection()) {
				checked.add(encoders.get(i).id());
			}
		}
		String value = checked.size() == encoders.size()
				? "*" //$NON-NLS-1$
				: checked.stream().collect(Collectors.joining(",")); //$NON-NLS-1$
		getPreferenceStore().setValue(getPreferenceName(), value);
	}

	@Override
	public int getNumberOfControls() {
		return 1;
	}
}
