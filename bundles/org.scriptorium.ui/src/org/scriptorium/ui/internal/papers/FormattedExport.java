package org.scriptorium.ui.internal.papers;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.scriptorium.cite.CitationFormat;
import org.scriptorium.cite.CitationFormatter;
import org.scriptorium.cite.CitationStyle;
import org.scriptorium.core.model.Paper;

/**
 * The export wizard's formatted bibliographies: text (one entry per line) or an HTML page, in a citation style, as
 * {@code scriptorium export --format text|html --style S} writes them.
 */
record FormattedExport(CitationFormat format, CitationStyle style) {

	/** The formatted outputs the wizard offers after the exporter's formats. */
	static final List<CitationFormat> FORMATS = List.of(CitationFormat.TEXT, CitationFormat.HTML);

	static String label(CitationFormat format) {
		return format == CitationFormat.HTML
				? FormattedMessages.Export_formattedHtml
				: FormattedMessages.Export_formattedText;
	}

	static String extension(CitationFormat format) {
		return format == CitationFormat.HTML ? "html" : "txt"; //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** The bibliography of {@code papers} as {@link #write} writes it, without remembering the style. */
	String text(List<Paper> papers) {
		return CitationFormatter.bibliographyFile(papers, style, format);
	}

	/** Writes the bibliography of {@code papers}; remembers the style as the one last used. */
	void write(List<Paper> papers, Writer out) throws IOException {
		FormattedCitations.rememberStyle(style);
		out.write(CitationFormatter.bibliographyFile(papers, style, format));
	}
}
