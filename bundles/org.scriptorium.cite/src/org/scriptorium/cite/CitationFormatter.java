package org.scriptorium.cite;

import java.util.List;

import org.scriptorium.cite.internal.CslProcessor;
import org.scriptorium.cite.internal.CslResources;
import org.scriptorium.core.model.Paper;

/**
 * Formats papers as an in-text citation ("(Dai et al., 2024)", "[1], [2]") or as a bibliography, in one of the
 * shipped {@link CitationStyle}s, as text or HTML, with citeproc-java. The papers reach citeproc-java as the core's
 * CSL-JSON export writes them, so every field that export carries is used. Thread-safe; each call parses the style
 * anew (a few milliseconds).
 */
public final class CitationFormatter {

	private CitationFormatter() {
	}

	/** The CSL locales shipped, the default ({@code en-US}) first. */
	public static List<String> locales() {
		return CslResources.SHIPPED;
	}

	/**
	 * The bibliography of {@code papers} in {@code style}: one entry per paper, in the style's order (alphabetical for
	 * APA, ACM and Chicago; the given order for the numbered IEEE and Nature). Text: one entry per line, no trailing
	 * newline. HTML: a {@code <div class="csl-bib-body">} with one {@code <div class="csl-entry">} per paper. Empty for
	 * no papers.
	 *
	 * @throws CitationException if a paper cannot be formatted (the message names it)
	 */
	public static String bibliography(List<Paper> papers, CitationStyle style, CitationFormat format) {
		return papers.isEmpty() ? "" : new CslProcessor(papers, style, format).bibliography(); //$NON-NLS-1$
	}

	/**
	 * One in-text citation of all {@code papers} together in {@code style}, e.g. "(Dai et al., 2024; Fedus et al.,
	 * 2022)" in APA or "[1], [2]" in IEEE (numbered in the given order). Empty for no papers.
	 *
	 * @throws CitationException if a paper cannot be formatted (the message names it)
	 */
	public static String citation(List<Paper> papers, CitationStyle style, CitationFormat format) {
		return papers.isEmpty() ? "" : new CslProcessor(papers, style, format).citation(); //$NON-NLS-1$
	}

	/**
	 * The bibliography of {@code papers} as the content of a file ({@code export --format text|html}, the export
	 * wizard): text, one entry per line, each ending in a newline; or a complete HTML page (UTF-8) around the
	 * {@link CitationFormat#HTML} bibliography.
	 *
	 * @throws CitationException if a paper cannot be formatted (the message names it)
	 */
	public static String bibliographyFile(List<Paper> papers, CitationStyle style, CitationFormat format) {
		return bibliographyFile(papers, style, format, CslResources.LOCALE);
	}

	/**
	 * {@link #bibliographyFile(List, CitationStyle, CitationFormat)} with the style's terms, dates and punctuation in
	 * {@code locale} (one of {@link #locales()}, e.g. {@code de-DE}: "Hrsg." for editors).
	 *
	 * @throws IllegalArgumentException if the locale is not shipped (the message lists those that are)
	 * @throws CitationException         if a paper cannot be formatted (the message names it)
	 */
	public static String bibliographyFile(List<Paper> papers, CitationStyle style, CitationFormat format,
			String locale) {
		if (!CslResources.SHIPPED.contains(locale)) {
			throw new IllegalArgumentException("unknown locale '" + locale + "' (" //$NON-NLS-1$ //$NON-NLS-2$
					+ String.join(", ", CslResources.SHIPPED) + ")"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		String bibliography = papers.isEmpty() ? "" //$NON-NLS-1$
				: new CslProcessor(papers, style, format, locale).bibliography();
		if (format == CitationFormat.HTML) {
			return CslProcessor.htmlDocument(bibliography, style);
		}
		return bibliography.isEmpty() ? "" : bibliography + "\n"; //$NON-NLS-1$ //$NON-NLS-2$
	}
}
