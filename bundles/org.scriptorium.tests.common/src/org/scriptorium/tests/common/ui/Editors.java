package org.scriptorium.tests.common.ui;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.texteditor.ITextEditor;

/**
 * What editor tests do in an opened text editor (the Generic Editor, the text or Java editor): reach its text widget,
 * viewer and document, open the content assist (Ctrl+Space) or quick assist (Ctrl+1) popup and choose a proposal as
 * SWTBot's proposal table does (Enter on the selected row).
 */
public final class Editors {

	private Editors() {
	}

	/** The editor's text widget. */
	public static StyledText text(IEditorPart editor) {
		return (StyledText) editor.getAdapter(Control.class);
	}

	/** The editor's text viewer (its text operations: content assist, quick assist, Open Hyperlink). */
	public static ITextViewer viewer(IEditorPart editor) {
		return (ITextViewer) editor.getAdapter(ITextOperationTarget.class);
	}

	/** The document the editor shows. */
	public static IDocument document(IEditorPart editor) {
		return ((ITextEditor) editor).getDocumentProvider().getDocument(editor.getEditorInput());
	}

	/**
	 * Opens the content assist at the caret (Ctrl+Space; the editor has the focus, e.g. from {@link Input#type}) and
	 * waits for its proposal table that {@code expected}
	 * accepts (the popup may first show a list computed for fewer typed characters).
	 */
	public static Table contentAssist(IEditorPart editor, Predicate<List<String>> expected) {
		return popup(editor, ISourceViewer.CONTENTASSIST_PROPOSALS, "the completion proposals show", expected); //$NON-NLS-1$
	}

	/** Opens the quick assist at the caret (Ctrl+1; the editor has the focus), waits for the table {@code expected} accepts. */
	public static Table quickAssist(IEditorPart editor, Predicate<List<String>> expected) {
		return popup(editor, ISourceViewer.QUICK_ASSIST, "the quick fixes show", expected); //$NON-NLS-1$
	}

	private static Table popup(IEditorPart editor, int operation, String description,
			Predicate<List<String>> expected) {
		StyledText styled = text(editor);
		((ITextOperationTarget) viewer(editor)).doOperation(operation);
		Table[] found = new Table[1];
		UiWait.until(description, () -> { // on a time-out, UiWait lists what the shells showed
			found[0] = popupTables(styled).filter(t -> t.getItemCount() > 0 && expected.test(items(t))).findFirst()
					.orElse(null);
			return found[0] != null;
		});
		return found[0];
	}

	/** The tables of the visible shells other than the editor's (a popup is a shell of its own). */
	private static Stream<Table> popupTables(StyledText styled) {
		return Arrays.stream(Display.getCurrent().getShells()).filter(s -> s.isVisible() && s != styled.getShell())
				.flatMap(s -> Widgets.all(s, Table.class).stream());
	}

	/** The rows' texts of a proposal table. */
	public static List<String> items(Table table) {
		return Arrays.stream(table.getItems()).map(TableItem::getText).toList();
	}

	/** Chooses the row of a proposal table, as Enter in the popup does. */
	public static void choose(Table proposals, int row) {
		proposals.setSelection(row);
		proposals.notifyListeners(SWT.DefaultSelection, new Event());
	}

	/** Chooses the first row whose text contains {@code text}; fails if there is none. */
	public static void choose(Table proposals, String text) {
		List<String> items = items(proposals);
		int row = items.indexOf(items.stream().filter(i -> i.contains(text)).findFirst()
				.orElseThrow(() -> new AssertionError("no proposal '" + text + "' in " + items))); //$NON-NLS-1$ //$NON-NLS-2$
		choose(proposals, row);
	}
}
