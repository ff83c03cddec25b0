package org.scriptorium.sandbox.ui.internal.widgets;

import java.util.List;
import java.util.StringJoiner;

import org.eclipse.core.runtime.ILog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Link;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.scriptorium.sandbox.Methods;
import org.scriptorium.sandbox.ui.SandboxUI;
import org.scriptorium.ui.PaperLinks;

/**
 * The strategies and losses of an experiment as a {@link Link} whose arXiv ids lead to their papers in the Papers view
 * (for the papers of the corpus; the others are plain text), as the Console's links do.
 */
public final class MethodLinks {

	private MethodLinks() {
	}

	/** A link widget that shows the paper whose arXiv id is clicked. */
	public static Link create(Composite parent, String widgetId) {
		Link link = new Link(parent, SWT.WRAP);
		link.setData(SandboxUI.WIDGET_ID_KEY, widgetId);
		link.addListener(SWT.Selection, e -> open(e.text));
		return link;
	}

	/** {@code top-p (arXiv <a href="2403.07652">2403.07652</a>), dense}: a link for each paper in the corpus. */
	public static String markup(List<Methods.Method> methods) {
		StringJoiner text = new StringJoiner(", "); //$NON-NLS-1$
		for (Methods.Method m : methods) {
			String id = m.arxivId();
			if (id == null) {
				text.add(m.type());
			} else if (PaperLinks.findByArxivId(id).isPresent()) {
				text.add(m.type() + " (arXiv <a href=\"" + id + "\">" + id + "</a>)"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			} else {
				text.add(Methods.describe(m));
			}
		}
		return text.toString();
	}

	/** Shows the paper with this arXiv id in the Papers view of the active page. */
	public static void open(String arxivId) {
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		IWorkbenchPage page = window == null ? null : window.getActivePage();
		if (page == null || arxivId == null) {
			return;
		}
		try {
			PaperLinks.showPaper(page, arxivId);
		} catch (PartInitException e) {
			ILog.of(MethodLinks.class).log(e.getStatus());
		}
	}
}
