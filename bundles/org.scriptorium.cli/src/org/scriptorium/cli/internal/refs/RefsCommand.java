package org.scriptorium.cli.internal.refs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.scriptorium.cli.internal.CliCommand;
import org.scriptorium.cli.internal.CorpusOption;
import org.scriptorium.cli.internal.ExitCode;
import org.scriptorium.cli.internal.Failure;
import org.scriptorium.cli.internal.Json;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.core.model.Paper;
import org.scriptorium.refs.Reference;
import org.scriptorium.refs.ReferenceFiles;
import org.scriptorium.refs.ReferenceResolver;
import org.scriptorium.refs.References;
import org.scriptorium.refs.Resolution;
import org.scriptorium.refs.internal.Lines;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scriptorium refs FILE|FOLDER... [--corpus C] [--json]}: every paper reference (arXiv id, DOI, cite key) of
 * the files, with where it is, what it names and whether the corpus has that paper; exits with
 * {@link ExitCode#UNKNOWN_REFERENCES} when some reference resolves to no paper (as a linter does).
 */
@Command(name = "refs", description = {"List the paper references of files and check them against a corpus.",
		"Lists every arXiv id, DOI and cite key (LaTeX \\cite and its natbib/BibLaTeX forms, Pandoc [@key]) of the "
				+ "files (a folder: its text files, recursively; .bib files are not read) as FILE:LINE:COLUMN KIND ID "
				+ "RESOLUTION, where RESOLUTION is 'resolved' (a paper of the corpus), 'reference-only' (a paper the "
				+ "corpus knows only from a reference list) or 'unknown'. Exits with 13 when some reference is unknown."})
public final class RefsCommand extends CliCommand {

	@Parameters(paramLabel = "FILE|FOLDER", arity = "1..*", description = "Files or folders to read.")
	List<String> paths;

	@Mixin
	CorpusOption corpusOption;

	@Option(names = "--json", description = "Print the result as JSON.")
	boolean json;

	@Override
	public Integer call() {
		List<Path> roots = new ArrayList<>();
		for (String p : paths) {
			Path path;
			try {
				path = Path.of(p);
			} catch (InvalidPathException e) {
				throw new Failure(ExitCode.INVALID_INPUT, "'" + p + "' is not a path: " + e.getReason());
			}
			if (!Files.exists(path)) {
				throw new Failure(ExitCode.INVALID_INPUT, p + ": no such file or folder");
			}
			roots.add(path);
		}
		ICorpus corpus = corpusOption.corpus();
		ReferenceResolver resolver = new ReferenceResolver(corpus);
		List<Map<String, Object>> rows = new ArrayList<>();
		int files = 0;
		int skipped = 0;
		int[] counts = new int[Resolution.Status.values().length];
		for (Path root : roots) {
			for (Path file : files(root)) {
				String text = read(file);
				if (text == null) {
					skipped++;
					err().println(file + ": skipped (not a text file, or larger than "
							+ (ReferenceFiles.MAX_SIZE >> 20) + " MiB)");
					continue;
				}
				files++;
				Lines lines = new Lines(text);
				for (Reference r : References.find(text)) {
					Resolution res = resolver.resolve(r);
					counts[res.status().ordinal()]++;
					if (json) {
						rows.add(json(file, lines, r, res));
					} else {
						out().println(line(file, lines, r, res));
					}
				}
			}
		}
		int total = counts[0] + counts[1] + counts[2];
		int unknown = counts[Resolution.Status.UNKNOWN.ordinal()];
		if (json) {
			Map<String, Object> o = new LinkedHashMap<>();
			o.put("corpus", corpus.name());
			o.put("files", files);
			o.put("skippedFiles", skipped);
			o.put("resolved", counts[Resolution.Status.RESOLVED.ordinal()]);
			o.put("referenceOnly", counts[Resolution.Status.REFERENCE_ONLY.ordinal()]);
			o.put("unknown", unknown);
			o.put("references", rows);
			Json.print(out(), o);
		} else {
			out().printf(Locale.ROOT, "# %d references in %d files: %d resolved, %d reference-only, %d unknown (%s)%n",
					total, files, counts[Resolution.Status.RESOLVED.ordinal()],
					counts[Resolution.Status.REFERENCE_ONLY.ordinal()], unknown, corpus.name());
		}
		return unknown > 0 ? ExitCode.UNKNOWN_REFERENCES : ExitCode.OK;
	}

	private static List<Path> files(Path root) {
		try {
			return ReferenceFiles.files(root);
		} catch (IOException e) {
			throw new Failure(ExitCode.IO_ERROR, root + ": cannot be read: " + e.getMessage());
		}
	}

	private static String read(Path file) {
		try {
			return ReferenceFiles.read(file);
		} catch (NoSuchFileException e) {
			throw new Failure(ExitCode.INVALID_INPUT, file + ": no such file");
		} catch (IOException e) {
			throw new Failure(ExitCode.IO_ERROR, file + ": cannot be read: " + e.getMessage());
		}
	}

	/** {@code FILE:LINE:COL: KIND ID RESOLUTION [PAPER-ID "TITLE"]}. */
	static String line(Path file, Lines lines, Reference r, Resolution res) {
		StringBuilder b = new StringBuilder();
		b.append(file).append(':').append(lines.line(r.offset())).append(':').append(lines.column(r.offset()))
				.append(": ").append(kind(r)).append(' ').append(r.idWithVersion()).append(' ')
				.append(status(res));
		if (res.paper() != null) {
			Paper p = res.paper();
			b.append(' ').append(p.id()).append(" \"").append(p.title()).append('"');
		}
		return b.toString();
	}

	private static Map<String, Object> json(Path file, Lines lines, Reference r, Resolution res) {
		Map<String, Object> o = new LinkedHashMap<>();
		o.put("file", file.toString());
		o.put("line", lines.line(r.offset()));
		o.put("column", lines.column(r.offset()));
		o.put("offset", r.offset());
		o.put("length", r.length());
		o.put("kind", kind(r));
		o.put("id", r.id());
		o.put("version", r.version());
		o.put("command", r.command());
		o.put("resolution", status(res));
		if (res.paper() != null) {
			Map<String, Object> p = new LinkedHashMap<>();
			p.put("id", res.paper().id());
			p.put("title", res.paper().title());
			p.put("year", res.paper().year().orElse(null));
			o.put("paper", p);
		}
		return o;
	}

	static String kind(Reference r) {
		return switch (r.kind()) {
			case ARXIV -> "arxiv";
			case DOI -> "doi";
			case CITE_KEY -> "citekey";
		};
	}

	static String status(Resolution res) {
		return switch (res.status()) {
			case RESOLVED -> "resolved";
			case REFERENCE_ONLY -> "reference-only";
			case UNKNOWN -> "unknown";
		};
	}
}
