package org.scriptorium.ui.internal.papers;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.handlers.HandlerUtil;
import org.scriptorium.core.model.Paper;

/**
 * Copy As BibTeX / CSL-JSON / Cite Key / \cite{key}: the selected papers' citation on the clipboard as text. The
 * command's {@link #STYLE_PARAMETER} names the style ({@link Citations#id()}); without it (Edit &gt; Copy
 * Citation, Ctrl+Shift+C in the Papers view), {@code \cite{key}}.
 */
public class CopyCitationHandler extends AbstractHandler {

	/** The copy command. */
	public static final String COMMAND_ID = "org.scriptorium.ui.commands.copyCitation"; //$NON-NLS-1$

	/** The command's parameter: the citation style. */
	public static final String STYLE_PARAMETER = "org.scriptorium.ui.commands.copyCitation.style"; //$NON-NLS-1$

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		List<Paper> papers = papers(HandlerUtil.getCurrentSelection(event));
		if (papers.isEmpty()) {
			return null;
		}
		Citations style;
		try {
			style = Citations.of(event.getParameter(STYLE_PARAMETER));
		} catch (IllegalArgumentException e) {
			throw new ExecutionException(e.getMessage(), e);
		}
		copy(Display.getCurrent(), style.text(papers));
		return null;
	}

	/** The papers of a selection (other elements are ignored). */
	static List<Paper> papers(ISelection selection) {
		if (!(selection instanceof IStructuredSelection s)) {
			return List.of();
		}
		return s.toList().stream().filter(Paper.class::isInstance).map(Paper.class::cast).toList();
	}

	static void copy(Display display, String text) {
		Clipboard clipboard = new Clipboard(display);
		try {
			clipboard.setContents(new Object[]{text}, new Transfer[]{TextTransfer.getInstance()});
		} finally {
			clipboard.dispose();
		}
	}
}
