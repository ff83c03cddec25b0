package org.scriptorium.ui.internal.views;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.scriptorium.core.model.Paper;
import org.scriptorium.ui.ScriptoriumUI;

/** A tab listing papers related to the selected one (references, cited by, related); double-click navigates. */
final class PaperListTab {

	private final CTabItem item;
	private final String label;
	private final TableViewer viewer;

	PaperListTab(CTabFolder folder, String label, String widgetId, PaperLabels labels, Consumer<Paper> open) {
		this.label = label;
		item = new CTabItem(folder, SWT.NONE);
		viewer = new TableViewer(folder, SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL);
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		viewer.setLabelProvider(labels);
		viewer.getTable().setData(ScriptoriumUI.WIDGET_ID_KEY, widgetId);
		viewer.addOpenListener(e -> {
			Object first = ((IStructuredSelection) e.getSelection()).getFirstElement();
			if (first instanceof Paper p) {
				open.accept(p);
			}
		});
		item.setControl(viewer.getControl());
		show(List.of());
	}

	void show(List<Paper> papers) {
		viewer.setInput(papers);
		item.setText(label + " (" + papers.size() + ")"); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
