package org.scriptorium.refs.ui.internal.checks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.scriptorium.refs.RefsPreferences;
import org.scriptorium.refs.internal.workspace.IgnoredReferences;
import org.scriptorium.refs.ui.internal.Messages;
import org.scriptorium.ui.ScriptoriumUI;

/**
 * Preferences &gt; Scriptorium &gt; References: the switch of the reference checks ({@link RefsPreferences} of the
 * references bundle's node) and the references the open projects ignore (their project preference, added by the
 * Ignore quick fix), which Remove marks again.
 */
public class ReferencesPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

	/** Widget ids (under {@link ScriptoriumUI#WIDGET_ID_KEY}) for tests. */
	public static final String ID_CHECK = "checkReferences", ID_IGNORED = "ignoredReferences", //$NON-NLS-1$ //$NON-NLS-2$
			ID_REMOVE = "removeIgnored"; //$NON-NLS-1$

	/** One ignored reference of a project. */
	record Ignored(IProject project, String entry) {
	}

	private Button check;
	private TableViewer ignored;
	private final List<Ignored> entries = new ArrayList<>();
	private final Set<IProject> changed = new LinkedHashSet<>();

	@Override
	public void init(IWorkbench workbench) {
		setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, RefsPreferences.QUALIFIER));
		setDescription(Messages.Preferences_description);
	}

	@Override
	protected Control createContents(Composite parent) {
		Composite c = new Composite(parent, SWT.NONE);
		c.setLayout(new GridLayout(2, false));
		check = new Button(c, SWT.CHECK);
		check.setText(Messages.Preferences_check);
		check.setData(ScriptoriumUI.WIDGET_ID_KEY, ID_CHECK);
		check.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		check.setSelection(getPreferenceStore().getBoolean(RefsPreferences.CHECK_REFERENCES));

		Label label = new Label(c, SWT.WRAP);
		label.setText(Messages.Preferences_ignored);
		GridData labelData = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
		labelData.widthHint = convertWidthInCharsToPixels(70);
		labelData.verticalIndent = convertVerticalDLUsToPixels(8);
		label.setLayoutData(labelData);

		ignored = new TableViewer(c, SWT.BORDER | SWT.MULTI | SWT.FULL_SELECTION | SWT.V_SCROLL);
		ignored.getTable().setHeaderVisible(true);
		ignored.getTable().setData(ScriptoriumUI.WIDGET_ID_KEY, ID_IGNORED);
		column(Messages.Preferences_reference, 30, i -> i.entry());
		column(Messages.Preferences_project, 20, i -> i.project().getName());
		ignored.setContentProvider(ArrayContentProvider.getInstance());
		GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true);
		tableData.heightHint = convertHeightInCharsToPixels(8);
		ignored.getTable().setLayoutData(tableData);

		Button remove = new Button(c, SWT.PUSH);
		remove.setText(Messages.Preferences_remove);
		remove.setData(ScriptoriumUI.WIDGET_ID_KEY, ID_REMOVE);
		remove.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, false));
		remove.setEnabled(false);
		ignored.addSelectionChangedListener(e -> remove.setEnabled(!e.getSelection().isEmpty()));
		remove.addListener(SWT.Selection, e -> {
			for (Object o : ignored.getStructuredSelection().toList()) {
				Ignored i = (Ignored) o;
				entries.remove(i);
				changed.add(i.project());
			}
			ignored.refresh();
			remove.setEnabled(false);
		});

		for (IProject project : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
			for (String entry : IgnoredReferences.of(project)) {
				entries.add(new Ignored(project, entry));
			}
		}
		ignored.setInput(entries);
		return c;
	}

	private void column(String title, int chars, java.util.function.Function<Ignored, String> text) {
		TableViewerColumn column = new TableViewerColumn(ignored, SWT.NONE);
		column.getColumn().setText(title);
		column.getColumn().setWidth(convertWidthInCharsToPixels(chars));
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((Ignored) element);
			}
		});
	}

	@Override
	protected void performDefaults() {
		check.setSelection(getPreferenceStore().getDefaultBoolean(RefsPreferences.CHECK_REFERENCES));
		super.performDefaults();
	}

	@Override
	public boolean performOk() {
		getPreferenceStore().setValue(RefsPreferences.CHECK_REFERENCES, check.getSelection());
		for (IProject project : changed) {
			List<String> kept = entries.stream().filter(i -> i.project().equals(project)).map(Ignored::entry)
					.toList();
			try {
				IgnoredReferences.set(project, kept); // the checks then re-check the project
			} catch (CoreException e) {
				ILog.of(getClass()).error(e.getMessage(), e);
				setErrorMessage(NLS.bind(Messages.Preferences_saveFailed, project.getName(), e.getMessage()));
				return false;
			}
		}
		changed.clear();
		return true;
	}
}
