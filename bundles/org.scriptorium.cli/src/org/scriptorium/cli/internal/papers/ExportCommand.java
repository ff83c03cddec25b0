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

import org.scriptorium.cli.internal.CliCommand;
import org.scriptorium.cli.internal.CorpusOption;
import org.scriptorium.cli.internal.ExitCode;
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

/** {@code scriptorium export --format bibtex|csljson|ris|jsonl [--corpus default|FILE] [--out FILE] [--json]}. */
@Command(name = "export", description = {"Write a corpus as BibTeX, CSL-JSON, RIS or a corpus file.",
		"Writes the papers of a corpus in a bibliography format, to standard output or, with --out, to a file "
				+ "(replaced atomically)."})
public final class ExportCommand extends CliCommand {

	/** The format names on the command line. */
	static final Map<String, Format> FORMATS = Map.of("bibtex", Format.BIBTEX, "csljson", Format.CSL_JSON, "ris",
			Format.RIS, "jsonl", Format.JSONL);

	/** {@code bibtex}, {@code csljson}, {@code ris} or {@code jsonl}. */
	static final class FormatName implements ITypeConverter<Format> {
		@Override
		public Format convert(String value) {
			Format f = FORMATS.get(value.toLowerCase(Locale.ROOT));
			if (f == null) {
				throw new TypeConversionException("unknown format '" + value + "' (bibtex, csljson, ris or jsonl)");
			}
			return f;
		}
	}

	@Option(names = "--format", required = true, paramLabel = "bibtex|csljson|ris|jsonl", converter = FormatName.class, description = "The format (jsonl: a Scriptorium corpus file, which import and --corpus read).")
	Format format;

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
		List<Paper> papers = corpus.papers();
		if (target == null) {
			Writer w = new OutputStreamWriter(out(), StandardCharsets.UTF_8);
			Exporter.export(papers, format, w);
			w.flush();
			return ExitCode.OK;
		}
		AtomicFile.write(target, w -> Exporter.export(papers, format, w));
		if (json) {
			Map<String, Object> o = new LinkedHashMap<>();
			o.put("out", target.toString());
			o.put("format",
					FORMATS.entrySet().stream().filter(e -> e.getValue() == format).findFirst().orElseThrow().getKey());
			o.put("papers", papers.size());
			Json.print(out(), o);
		} else {
			out().println("exported " + papers.size() + " papers to " + target);
		}
		return ExitCode.OK;
	}
}
