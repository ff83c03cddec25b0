package org.scriptorium.cite.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.scriptorium.cite.CitationException;
import org.scriptorium.cite.CitationFormat;
import org.scriptorium.cite.CitationStyle;
import org.scriptorium.core.model.Paper;

import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.DefaultAbbreviationProvider;
import de.undercouch.citeproc.ListItemDataProvider;
import de.undercouch.citeproc.output.Bibliography;
import de.undercouch.citeproc.output.Citation;

/** One citeproc-java run over a list of papers in one style and output format. */
public final class CslProcessor {

	/** A numbered style's label glued to its entry in citeproc-java's text output: "[1]D. Dai", "1.Dai, D.". */
	private static final Pattern TEXT_LABEL = Pattern.compile("^(\\[\\d+\\]|\\d+\\.)(?=\\S)"); //$NON-NLS-1$

	/** A numbered style's HTML entry: the label and the entry as two block elements. */
	private static final Pattern HTML_LABEL = Pattern.compile(
			"(?s)^\\s*<div class=\"csl-entry\">\\s*<div class=\"csl-left-margin\">(.*?)</div><div class=\"csl-right-inline\">(.*)</div>\\s*</div>\\s*$"); //$NON-NLS-1$

	private final List<Paper> papers;
	private final CitationStyle style;
	private final CitationFormat format;
	private final List<String> ids;
	private final CSL csl;

	public CslProcessor(List<Paper> papers, CitationStyle style, CitationFormat format) {
		this(papers, style, format, CslResources.LOCALE);
	}

	/** A run in {@code locale}, one of {@link CslResources#SHIPPED}. */
	public CslProcessor(List<Paper> papers, CitationStyle style, CitationFormat format, String locale) {
		this.papers = List.copyOf(papers);
		this.style = style;
		this.format = format;
		this.ids = IntStream.range(0, papers.size()).mapToObj(CslItems::id).toList();
		try {
			csl = new CSL(new ListItemDataProvider(CslItems.of(this.papers)), CslResources.LOCALES,
					new DefaultAbbreviationProvider(), CslResources.style(style), locale);
		} catch (IOException e) {
			throw new IllegalStateException("The shipped CSL style " + style.fileName() + " does not parse", e); //$NON-NLS-1$ //$NON-NLS-2$
		}
		csl.setOutputFormat(format == CitationFormat.HTML ? "html" : "text"); //$NON-NLS-1$ //$NON-NLS-2$
		csl.setConvertLinks(format == CitationFormat.HTML);
	}

	/** See {@link org.scriptorium.cite.CitationFormatter#bibliography}. */
	public String bibliography() {
		csl.registerCitationItems(ids);
		Bibliography bib = run(csl::makeBibliography);
		List<String> entries = new ArrayList<>();
		for (String entry : bib.getEntries()) {
			entries.add(format == CitationFormat.HTML ? htmlEntry(entry) : textEntry(entry));
		}
		if (format == CitationFormat.TEXT) {
			return String.join("\n", entries); //$NON-NLS-1$
		}
		return "<div class=\"csl-bib-body\">\n" + String.join("\n", entries) + "\n</div>"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	/** See {@link org.scriptorium.cite.CitationFormatter#citation}. */
	public String citation() {
		List<Citation> citations = run(() -> csl.makeCitation(ids));
		return citations.isEmpty() ? "" : citations.get(0).getText().strip(); //$NON-NLS-1$
	}

	private <T> T run(java.util.function.Supplier<T> call) {
		try {
			return call.get();
		} catch (RuntimeException e) {
			String titles = papers.size() == 1 ? "the paper " + papers.get(0) : papers.size() + " papers"; //$NON-NLS-1$ //$NON-NLS-2$
			throw new CitationException("Cannot format " + titles + " in the " + style.label() + " style: " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					+ e.getMessage(), e);
		}
	}

	private static String textEntry(String entry) {
		return TEXT_LABEL.matcher(entry.strip()).replaceFirst("$1 "); //$NON-NLS-1$
	}

	/**
	 * A numbered style's label and entry become two inline spans in one block, so the entry reads "[1] D. Dai, ..." on
	 * one line wherever it is pasted (the two blocks citeproc-java writes need the style sheet of CSL processors).
	 */
	private static String htmlEntry(String entry) {
		Matcher m = HTML_LABEL.matcher(entry);
		if (m.matches()) {
			return "  <div class=\"csl-entry\"><span class=\"csl-left-margin\">" + m.group(1) //$NON-NLS-1$
					+ "</span> <span class=\"csl-right-inline\">" + m.group(2).strip() + "</span></div>"; //$NON-NLS-1$ //$NON-NLS-2$
		}
		return "  " + entry.strip(); //$NON-NLS-1$
	}

	/** A complete HTML page around a bibliography formatted as HTML (see {@link org.scriptorium.cite.CitationFormatter#bibliographyFile}). */
	public static String htmlDocument(String bibliographyHtml, CitationStyle style) {
		return """
				<!DOCTYPE html>
				<html lang="en">
				<head>
				<meta charset="utf-8">
				<title>Bibliography (%s)</title>
				<style>.csl-entry { margin: 0 0 0.6em 0; }</style>
				</head>
				<body>
				%s
				</body>
				</html>
				""".formatted(escape(style.label()), bibliographyHtml); //$NON-NLS-1$
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
	}
}
