package org.scriptorium.sandbox.ui.internal.editor;

import java.util.List;

import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;
import org.scriptorium.sandbox.JsonOutline;

/**
 * The Outline of an experiment file: its members (name, data, model, strategy, losses, training, metrics, seeds,
 * variants, ...) with their values, each variant by its name; selecting a node selects and reveals its text in the
 * editor. It follows the text as it is edited.
 */
public final class ExperimentOutlinePage extends ContentOutlinePage {

	private final ITextEditor editor;
	private IDocument document;
	private boolean refreshPosted;
	private final IDocumentListener changes = new IDocumentListener() {
		@Override
		public void documentAboutToBeChanged(DocumentEvent event) {
			// nothing before the change
		}

		@Override
		public void documentChanged(DocumentEvent event) {
			postRefresh();
		}
	};

	ExperimentOutlinePage(ITextEditor editor) {
		this.editor = editor;
	}

	@Override
	public void createControl(Composite parent) {
		super.createControl(parent);
		TreeViewer viewer = getTreeViewer();
		viewer.setContentProvider(new ITreeContentProvider() {
			@Override
			public Object[] getElements(Object input) {
				return ((List<?>) input).toArray();
			}

			@Override
			public Object[] getChildren(Object parentElement) {
				return ((JsonOutline.Node) parentElement).children().toArray();
			}

			@Override
			public Object getParent(Object element) {
				return null;
			}

			@Override
			public boolean hasChildren(Object element) {
				return !((JsonOutline.Node) element).children().isEmpty();
			}
		});
		viewer.setLabelProvider(LabelProvider.createTextProvider(o -> ((JsonOutline.Node) o).label()));
		viewer.setAutoExpandLevel(2);
		document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		if (document != null) {
			document.addDocumentListener(changes);
		}
		refresh();
	}

	/** Reads the outline again once the events of the current change are handled. */
	private void postRefresh() {
		Control control = getControl();
		if (refreshPosted || control == null || control.isDisposed()) {
			return;
		}
		refreshPosted = true;
		control.getDisplay().asyncExec(() -> {
			refreshPosted = false;
			refresh();
		});
	}

	private void refresh() {
		TreeViewer viewer = getTreeViewer();
		if (viewer == null || viewer.getControl().isDisposed()) {
			return;
		}
		viewer.setInput(document == null ? List.of() : JsonOutline.of(document.get()));
	}

	@Override
	public void selectionChanged(org.eclipse.jface.viewers.SelectionChangedEvent event) {
		super.selectionChanged(event);
		if (((IStructuredSelection) event.getSelection()).getFirstElement() instanceof JsonOutline.Node node) {
			editor.selectAndReveal(node.offset(), node.length());
		}
	}

	@Override
	public void dispose() {
		if (document != null) {
			document.removeDocumentListener(changes);
		}
		super.dispose();
	}
}
