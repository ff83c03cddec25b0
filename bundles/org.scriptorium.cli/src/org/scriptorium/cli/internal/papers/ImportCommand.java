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

/** {@code scriptorium import FILE... [--into CORPUS.jsonl] [--skip-invalid] [--json]}. */
@Command(name = "import", description = {"Read bibliography files into a corpus file.",
		"Reads the files and merges their duplicates; with --into, adds the papers to a corpus file (replaced "
				+ "atomically: a failure leaves it as it was).",
		"Formats, told by each file's content: BibTeX/BibLaTeX, RIS, CSL-JSON, arXiv Atom and OAI-PMH, the arXiv "
				+ "metadata snapshot, Semantic Scholar and OpenAlex JSON, Hugging Face paper listings, Scriptorium "
				+ "JSON Lines."})
public final class ImportCommand extends CliCommand {

	@Parameters(paramLabel = "FILE", arity = "1..*", description = "The files to read.")
	List<Path> files;

	@Option(names = "--into", paramLabel = "CORPUS.jsonl", description = "The corpus file to add the papers to (created if missing); without it nothing is saved.")
	Path into;

	@Option(names = "--skip-invalid", description = "Skip invalid records (each named on standard error) instead of "
			+ "refusing the whole import.")
	boolean skipInvalid;

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
		Importer.ImportResult result;
		try {
			result = Importer.importFiles(all, skipInvalid);
		} catch (ImportException e) {
			err().println("error: nothing was imported: " + e.getMessage());
			for (ImportProblem p : e.problems().subList(1, Math.min(e.problems().size(), 20))) {
				err().println("  " + p);
			}
			return ExitCode.INVALID_INPUT;
		}
		for (ImportProblem p : result.problems()) {
			err().println("skipped: " + p);
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
			o.put("skipped", result.problems());
			Json.print(out(), o);
		} else if (into != null) {
			out().println("imported " + (result.papers().size() - before) + " new papers into " + into + " ("
					+ result.papers().size() + " in all, " + result.merged().size() + " duplicates merged, "
					+ result.problems().size() + " records skipped)");
		} else {
			out().println("read " + result.papers().size() + " papers (" + result.merged().size()
					+ " duplicates merged, " + result.problems().size()
					+ " records skipped); nothing saved, use --into CORPUS.jsonl to keep them");
		}
		return ExitCode.OK;
	}
}
