package org.scriptorium.cli.internal.papers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scriptorium.cli.internal.CliCommand;
import org.scriptorium.cli.internal.ExitCode;
import org.scriptorium.cli.internal.Failure;
import org.scriptorium.cli.internal.Json;
import org.scriptorium.core.corpus.JsonlCorpus;
import org.scriptorium.core.io.ImportException;
import org.scriptorium.core.io.ImportProblem;
import org.scriptorium.core.io.Importer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scriptorium import FILE... [--into CORPUS.jsonl] [--strict] [--encoding CHARSET] [--json]}. */
@Command(name = "import", description = {"Read bibliography files into a corpus file.",
		"Reads the files and merges their duplicates; with --into, adds the papers to a corpus file (replaced "
				+ "atomically: a failure leaves it as it was).",
		"Formats, told by each file's content: BibTeX/BibLaTeX, RIS, CSL-JSON, arXiv Atom and OAI-PMH, the arXiv "
				+ "metadata snapshot, Semantic Scholar and OpenAlex JSON, Hugging Face paper listings, Scriptorium "
				+ "JSON Lines.",
		"Every record that can be read is imported; each problem (a bad entry, an undefined @string, a missing "
				+ "title, a byte that is not valid in the file's encoding, ...) is listed on standard error as "
				+ "FILE:LINE[:COLUMN]: what. --strict refuses the whole import on any problem instead."})
public final class ImportCommand extends CliCommand {

	@Parameters(paramLabel = "FILE", arity = "1..*", description = "The files to read.")
	List<Path> files;

	@Option(names = "--into", paramLabel = "CORPUS.jsonl", description = "The corpus file to add the papers to (created if missing); without it nothing is saved.")
	Path into;

	@Option(names = "--skip-invalid", description = "Skip invalid records, each named on standard error (the default; "
			+ "kept for scripts that name it).")
	boolean skipInvalid;

	@Option(names = "--strict", description = "Refuse the whole import on any problem (nothing is imported).")
	boolean strict;

	@Option(names = "--encoding", paramLabel = "CHARSET", description = "The files' encoding (UTF-8, windows-1252, "
			+ "ISO-8859-1, UTF-16, ...); by default it is recognised (byte order mark, JabRef's %% Encoding line, "
			+ "UTF-8, else windows-1252), and a byte that is not valid is reported with its line and column.")
	String encoding;

	@Option(names = "--json", description = "Print the outcome as JSON.")
	boolean json;

	@Override
	public Integer call() throws IOException {
		List<Path> all = new ArrayList<>();
		int before = 0;
		if (into != null && Files.isDirectory(into)) {
			throw new Failure(ExitCode.IO_ERROR, "--into " + into + " is a folder: give a corpus file name such as "
					+ into.resolve("papers.jsonl"));
		}
		if (into != null && Files.exists(into)) {
			try {
				before = JsonlCorpus.load(into).size();
			} catch (ImportException e) {
				throw new Failure(ExitCode.INVALID_INPUT, "the corpus cannot be read: " + e.getMessage());
			}
			all.add(into);
		}
		all.addAll(files);
		if (strict && skipInvalid) {
			throw new Failure(ExitCode.USAGE, "--strict and --skip-invalid contradict each other; give one");
		}
		java.nio.charset.Charset charset = null;
		if (encoding != null) {
			try {
				charset = java.nio.charset.Charset.forName(encoding);
			} catch (IllegalArgumentException e) {
				throw new Failure(ExitCode.USAGE, "--encoding " + encoding
						+ " is not an encoding this Java knows (try UTF-8, windows-1252, ISO-8859-1, UTF-16)");
			}
		}
		Importer.ImportResult result;
		try {
			result = Importer.importFiles(all, new Importer.Options(strict, charset));
		} catch (ImportException e) {
			err().println("error: nothing was imported: " + e.getMessage());
			for (ImportProblem p : e.problems().subList(1, Math.min(e.problems().size(), 20))) {
				err().println("  " + p);
			}
			return ExitCode.INVALID_INPUT;
		}
		if (result.papers().size() == before && !result.problems().isEmpty()) {
			// not one record could be read: that is a failure, whatever the mode
			err().println("error: nothing was imported: " + new ImportException(result.problems()).getMessage());
			for (ImportProblem p : result.problems().subList(1, Math.min(result.problems().size(), 20))) {
				err().println("  " + p);
			}
			return ExitCode.INVALID_INPUT;
		}
		for (ImportProblem p : result.problems()) {
			// a record imported anyway is not "skipped"
			err().println((!skipInvalid ? "problem: " : p.warning() ? "warning: " : "skipped: ") + p);
		}
		if (into != null) {
			JsonlCorpus.write(into, result.papers());
		}
		if (json) {
			Map<String, Object> o = new LinkedHashMap<>();
			o.put("into", into == null ? null : into.toString());
			if (into != null) {
				o.put("new", result.papers().size() - before);
			}
			o.put("papers", result.papers().size());
			o.put("merged", result.merged());
			o.put("skipped", result.problems().stream().filter(p -> !p.warning()).toList());
			o.put("problems", result.problems());
			Json.print(out(), o);
		} else if (into != null) {
			out().println("imported " + (result.papers().size() - before) + " new papers into " + into + " ("
					+ result.papers().size() + " in all, " + result.merged().size() + " duplicates merged, "
					+ result.problems().size() + " problems)");
		} else {
			out().println("read " + result.papers().size() + " papers (" + result.merged().size()
					+ " duplicates merged, " + result.problems().size()
					+ " problems); nothing saved, use --into CORPUS.jsonl to keep them");
		}
		return ExitCode.OK;
	}
}
