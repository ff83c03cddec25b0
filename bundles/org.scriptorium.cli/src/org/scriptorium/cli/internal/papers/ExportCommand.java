package org.scriptorium.cli.internal.papers;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.scriptorium.cite.CitationException;
import org.scriptorium.cite.CitationFormat;
import org.scriptorium.cite.CitationFormatter;
import org.scriptorium.cite.CitationStyle;
import org.scriptorium.cli.internal.CliCommand;
import org.scriptorium.cli.internal.CorpusOption;
import org.scriptorium.cli.internal.ExitCode;
import org.scriptorium.cli.internal.Failure;
import org.scriptorium.cli.internal.Json;
import org.scriptorium.core.io.AtomicFile;
import org.scriptorium.core.io.Exporter;
import org.scriptorium.core.io.Format;
import org.scriptorium.core.model.Paper;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code scriptorium export --format bibtex|csljson|ris|jsonl|text|html [--style apa|ieee|acm|chicago|nature] [--locale L]
 * [--corpus default|FILE] [--out FILE] [--json]}.
 */
@Command(name = "export", description = {
		"Write a corpus as BibTeX, CSL-JSON, RIS, a corpus file or a formatted bibliography.",
		"Writes the papers of a corpus in a bibliography format, or as a bibliography formatted in a citation style "
				+ "(text or an HTML page), to standard output or, with --out, to a file (replaced atomically)."})
public final class ExportCommand extends CliCommand {

	/** The format names on the command line. */
	static final Map<String, Format> FORMATS = Map.of("bibtex", Format.BIBTEX, "csljson", Format.CSL_JSON, "ris",
			Format.RIS, "jsonl", Format.JSONL);

	/** The formatted bibliographies' names on the command line (with {@code --style}). */
	static final Map<String, CitationFormat> CITATION_FORMATS = Map.of("text", CitationFormat.TEXT, "html",
			CitationFormat.HTML);

	/** What {@code --format} names: one of {@link #FORMATS} or of {@link #CITATION_FORMATS}. */
	record ExportFormat(String name, Format data, CitationFormat formatted) {
	}

	/** {@code bibtex}, {@code csljson}, {@code ris}, {@code jsonl}, {@code text} or {@code html}. */
	static final class FormatName implements ITypeConverter<ExportFormat> {
		@Override
		public ExportFormat convert(String value) {
			String name = value.toLowerCase(Locale.ROOT);
			Format f = FORMATS.get(name);
			CitationFormat c = CITATION_FORMATS.get(name);
			if (f == null && c == null) {
				throw new TypeConversionException(
						"unknown format '" + value + "' (bibtex, csljson, ris, jsonl, text or html)");
			}
			return new ExportFormat(name, f, c);
		}
	}

	/** A style's id ({@link CitationStyle#byId}). */
	static final class StyleName implements ITypeConverter<CitationStyle> {
		@Override
		public CitationStyle convert(String value) {
			return CitationStyle.byId(value).orElseThrow(
					() -> new TypeConversionException("unknown style '" + value + "' (" + CitationStyle.ids() + ")"));
		}
	}

	@Option(names = "--format", required = true, paramLabel = "bibtex|csljson|ris|jsonl|text|html", converter = FormatName.class, description = "The format (jsonl: a Scriptorium corpus file, which import and --corpus read; text, html: a bibliography in --style, as text or an HTML page).")
	ExportFormat format;

	@Option(names = "--style", paramLabel = "apa|ieee|acm|chicago|nature", converter = StyleName.class, description = "With --format text or html: the citation style (default: apa).")
	CitationStyle style;

	@Option(names = "--locale", paramLabel = "LOCALE", description = "With --format text or html: the language of the "
			+ "style's terms, dates and punctuation, a CSL locale (default: en-US; also en-GB, de-DE, fr-FR, es-ES, "
			+ "it-IT, pt-BR, pt-PT, nl-NL, pl-PL, ru-RU, sv-SE, zh-CN, ja-JP, ko-KR).")
	String locale;

	@Mixin
	CorpusOption corpus;

	@Option(names = "--out", paramLabel = "FILE", description = "The file to write; without it, standard output.")
	Path target;

	@Option(names = "--json", description = "With --out: print the outcome as JSON.")
	boolean json;

	@Override
	public Integer call() throws IOException {
		if (json && target == null) {
			throw usage("--json needs --out: without it the exported papers themselves are the output");
		}
		if (style != null && format.formatted() == null) {
			throw usage("--style needs --format text or html: the other formats are not formatted in a style");
		}
		if (locale != null && format.formatted() == null) {
			throw usage("--locale needs --format text or html: the other formats are not formatted in a style");
		}
		if (locale != null && !CitationFormatter.locales().contains(locale)) {
			throw usage("unknown locale '" + locale + "' (" + String.join(", ", CitationFormatter.locales()) + ")");
		}
		List<Paper> papers = corpus.papers();
		String formatted = format.formatted() == null ? null : formatted(papers);
		if (target == null) {
			Writer w = new OutputStreamWriter(out(), StandardCharsets.UTF_8);
			write(papers, formatted, w);
			w.flush();
			return ExitCode.OK;
		}
		AtomicFile.write(target, w -> write(papers, formatted, w));
		if (json) {
			Map<String, Object> o = new LinkedHashMap<>();
			o.put("out", target.toString());
			o.put("format", format.name());
			if (format.formatted() != null) {
				o.put("style", chosenStyle().id());
				o.put("locale", chosenLocale());
			}
			o.put("papers", papers.size());
			Json.print(out(), o);
		} else {
			out().println("exported " + papers.size() + " papers to " + target);
		}
		return ExitCode.OK;
	}

	private void write(List<Paper> papers, String formatted, Writer w) throws IOException {
		if (formatted == null) {
			Exporter.export(papers, format.data(), w);
		} else {
			w.write(formatted);
			w.flush();
		}
	}

	/** The bibliography in the chosen style: text lines, or an HTML page. */
	private String formatted(List<Paper> papers) {
		try {
			return CitationFormatter.bibliographyFile(papers, chosenStyle(), format.formatted(), chosenLocale());
		} catch (CitationException e) {
			throw new Failure(ExitCode.INVALID_INPUT, e.getMessage());
		}
	}

	private String chosenLocale() {
		return locale == null ? CitationFormatter.locales().get(0) : locale;
	}

	private CitationStyle chosenStyle() {
		return style == null ? CitationStyle.APA : style;
	}
}
