package org.scriptorium.ui.internal.papers;

import java.util.List;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.HTMLTransfer;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Display;
import org.scriptorium.cite.CitationException;
import org.scriptorium.cite.CitationFormat;
import org.scriptorium.cite.CitationFormatter;
import org.scriptorium.cite.CitationStyle;
import org.scriptorium.core.model.Paper;
import org.scriptorium.ui.ScriptoriumUI;
import org.scriptorium.ui.internal.JobFamilies;
import org.scriptorium.ui.internal.jobs.JobUtil;

/**
 * Copy As &gt; Formatted Citation / Formatted Bibliography: the selected papers formatted by
 * {@link CitationFormatter} in a user job (a failure is shown and logged, naming the paper), then put on the
 * clipboard as text and as HTML (word processors paste the HTML with its italics, mail and plain editors the text).
 * The style last used is remembered (the export wizard starts with it).
 */
public final class FormattedCitations {

	/** What is copied: an in-text citation or a bibliography. */
	public enum Kind {
		CITATION, BIBLIOGRAPHY
	}

	/** The preference (node {@code org.scriptorium.ui}) holding the id of the style last used. */
	public static final String LAST_STYLE = "formattedCitationStyle"; //$NON-NLS-1$

	private FormattedCitations() {
	}

	/** The style last used to copy or export (APA before any). */
	public static CitationStyle lastStyle() {
		return CitationStyle.byId(node().get(LAST_STYLE, CitationStyle.APA.id())).orElse(CitationStyle.APA);
	}

	/** Remembers {@code style} as the one last used. */
	public static void rememberStyle(CitationStyle style) {
		node().put(LAST_STYLE, style.id());
	}

	private static IEclipsePreferences node() {
		return InstanceScope.INSTANCE.getNode(ScriptoriumUI.PLUGIN_ID);
	}

	/**
	 * Formats {@code papers} in a job and puts the text and the HTML on the clipboard of {@code display} when done; a
	 * paper that cannot be formatted gives the job an error status naming it.
	 */
	public static Job copy(Display display, List<Paper> papers, Kind kind, CitationStyle style) {
		rememberStyle(style);
		return JobUtil.scheduleUser(NLS.bind(FormattedMessages.Copy_job, papers.size(), style.label()),
				JobFamilies.CORPUS_EXPORT, monitor -> {
					String text;
					String html;
					try {
						text = format(papers, kind, style, CitationFormat.TEXT);
						html = format(papers, kind, style, CitationFormat.HTML);
					} catch (CitationException e) {
						return Status.error(NLS.bind(FormattedMessages.Copy_failed, style.label(), e.getMessage()), e);
					}
					if (!display.isDisposed()) {
						display.asyncExec(() -> put(display, text, html));
					}
					return Status.OK_STATUS;
				});
	}

	private static String format(List<Paper> papers, Kind kind, CitationStyle style, CitationFormat format) {
		return kind == Kind.CITATION
				? CitationFormatter.citation(papers, style, format)
				: CitationFormatter.bibliography(papers, style, format);
	}

	private static void put(Display display, String text, String html) {
		if (display.isDisposed()) {
			return;
		}
		Clipboard clipboard = new Clipboard(display);
		try {
			clipboard.setContents(new Object[]{text, html},
					new Transfer[]{TextTransfer.getInstance(), HTMLTransfer.getInstance()});
		} finally {
			clipboard.dispose();
		}
	}
}
