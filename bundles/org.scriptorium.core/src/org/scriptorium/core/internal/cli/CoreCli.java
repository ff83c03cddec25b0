package org.scriptorium.core.internal.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.scriptorium.core.corpus.JsonlCorpus;
import org.scriptorium.core.io.AtomicFile;
import org.scriptorium.core.io.Exporter;
import org.scriptorium.core.io.Format;
import org.scriptorium.core.io.ImportException;
import org.scriptorium.core.io.ImportProblem;
import org.scriptorium.core.io.Importer;

/**
 * {@code import FILE... [--into CORPUS] [--skip-invalid]},
 * {@code export --format bibtex|csljson|ris|jsonl [--corpus CORPUS] [--out FILE]} and
 * {@code graph cites|cited-by|related|path ...} ({@link GraphCommand}). Exit codes: 0 success, 1 nothing found (no
 * citation path), 2 bad usage, 3 invalid input, 4 I/O error, 6 no such paper, 7 ambiguous paper, 70
 * internal error; every error is one line on standard error, never a stack trace.
 */
public final class CoreCli {

	public static final int OK = 0;
	public static final int NO_RESULT = 1;
	public static final int USAGE = 2;
	public static final int INVALID_INPUT = 3;
	public static final int IO_ERROR = 4;
	public static final int NOT_FOUND = 6;
	public static final int AMBIGUOUS = 7;
	public static final int INTERNAL = 70;

	private static final String USAGE_TEXT = """
			usage: scriptorium import FILE... [--into CORPUS.jsonl] [--skip-invalid]
			       scriptorium export --format bibtex|csljson|ris|jsonl --corpus CORPUS.jsonl [--out FILE]
			       scriptorium graph cites|cited-by|related PAPER [--corpus CORPUS.jsonl] [--limit N]
			       scriptorium graph path FROM TO [--corpus CORPUS.jsonl] [--direction references|cited-by|both]"""; //$NON-NLS-1$

	private CoreCli() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	public static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length == 0 || List.of(args).contains("--help") || List.of(args).contains("-h")) { //$NON-NLS-1$ //$NON-NLS-2$
			(args.length == 0 ? err : out).println(USAGE_TEXT);
			return args.length == 0 ? USAGE : OK;
		}
		try {
			return switch (args[0]) {
			case "import" -> importFiles(args, out, err); //$NON-NLS-1$
			case "export" -> export(args, out, err); //$NON-NLS-1$
			case "graph" -> GraphCommand.run(args, out, err); //$NON-NLS-1$
			default -> usage(err, "unknown command \"" + args[0] + "\""); //$NON-NLS-1$ //$NON-NLS-2$
			};
		} catch (IOException e) {
			err.println("error: " + e.getMessage()); //$NON-NLS-1$
			return IO_ERROR;
		} catch (RuntimeException e) {
			// a bug, not the user's fault: still one line, no stack trace
			err.println("error: internal error (" + e + "); please report it"); //$NON-NLS-1$ //$NON-NLS-2$
			return INTERNAL;
		}
	}

	private static int usage(PrintStream err, String message) {
		err.println("error: " + message); //$NON-NLS-1$
		err.println(USAGE_TEXT);
		return USAGE;
	}

	private static String value(String[] args, int i, String option) {
		return i + 1 < args.length && !args[i + 1].startsWith("--") ? args[i + 1] : null; //$NON-NLS-1$
	}

	private static int importFiles(String[] args, PrintStream out, PrintStream err) throws IOException {
		List<Path> files = new ArrayList<>();
		Path into = null;
		boolean skip = false;
		for (int i = 1; i < args.length; i++) {
			switch (args[i]) {
			case "--into" -> { //$NON-NLS-1$
				String v = value(args, i, args[i]);
				if (v == null) {
					return usage(err, "--into needs a corpus file"); //$NON-NLS-1$
				}
				into = Path.of(v);
				i++;
			}
			case "--skip-invalid" -> skip = true; //$NON-NLS-1$
			default -> {
				if (args[i].startsWith("--")) { //$NON-NLS-1$
					return usage(err, "unknown option " + args[i]); //$NON-NLS-1$
				}
				files.add(Path.of(args[i]));
			}
			}
		}
		if (files.isEmpty()) {
			return usage(err, "name at least one file to import"); //$NON-NLS-1$
		}
		List<Path> all = new ArrayList<>();
		int before = 0;
		if (into != null && Files.exists(into)) {
			try {
				before = JsonlCorpus.load(into).size();
			} catch (ImportException e) {
				err.println("error: the corpus cannot be read: " + e.getMessage()); //$NON-NLS-1$
				return INVALID_INPUT;
			}
			all.add(into);
		}
		all.addAll(files);
		Importer.ImportResult result;
		try {
			result = Importer.importFiles(all, skip);
		} catch (ImportException e) {
			err.println("error: nothing was imported: " + e.getMessage()); //$NON-NLS-1$
			for (ImportProblem p : e.problems().subList(1, Math.min(e.problems().size(), 20))) {
				err.println("  " + p); //$NON-NLS-1$
			}
			return INVALID_INPUT;
		}
		for (ImportProblem p : result.problems()) {
			err.println("skipped: " + p); //$NON-NLS-1$
		}
		if (into != null) {
			JsonlCorpus.write(into, result.papers());
			out.println("imported " + (result.papers().size() - before) + " new papers into " + into + " (" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					+ result.papers().size() + " in all, " + result.merged().size() + " duplicates merged, " //$NON-NLS-1$ //$NON-NLS-2$
					+ result.problems().size() + " records skipped)"); //$NON-NLS-1$
		} else {
			out.println("read " + result.papers().size() + " papers (" + result.merged().size() //$NON-NLS-1$ //$NON-NLS-2$
					+ " duplicates merged, " + result.problems().size() //$NON-NLS-1$
					+ " records skipped); nothing saved, use --into CORPUS.jsonl to keep them"); //$NON-NLS-1$
		}
		return OK;
	}

	private static int export(String[] args, PrintStream out, PrintStream err) throws IOException {
		String format = null;
		Path corpus = null;
		Path target = null;
		for (int i = 1; i < args.length; i++) {
			String v = value(args, i, args[i]);
			switch (args[i]) {
			case "--format" -> format = v; //$NON-NLS-1$
			case "--corpus" -> corpus = v == null ? null : Path.of(v); //$NON-NLS-1$
			case "--out" -> target = v == null ? null : Path.of(v); //$NON-NLS-1$
			default -> {
				return usage(err, "unexpected argument " + args[i]); //$NON-NLS-1$
			}
			}
			if (v == null) {
				return usage(err, args[i] + " needs a value"); //$NON-NLS-1$
			}
			i++;
		}
		if (format == null) {
			return usage(err, "--format is required"); //$NON-NLS-1$
		}
		Format f = switch (format.toLowerCase(Locale.ROOT)) {
		case "bibtex" -> Format.BIBTEX; //$NON-NLS-1$
		case "csljson" -> Format.CSL_JSON; //$NON-NLS-1$
		case "ris" -> Format.RIS; //$NON-NLS-1$
		case "jsonl" -> Format.JSONL; //$NON-NLS-1$
		default -> null;
		};
		if (f == null) {
			return usage(err, "unknown format \"" + format + "\""); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (corpus == null) {
			return usage(err, "--corpus is required"); //$NON-NLS-1$
		}
		if (!Files.exists(corpus)) {
			err.println("error: the corpus " + corpus + " does not exist"); //$NON-NLS-1$ //$NON-NLS-2$
			return INVALID_INPUT;
		}
		JsonlCorpus c;
		try {
			c = JsonlCorpus.load(corpus);
		} catch (ImportException e) {
			err.println("error: the corpus cannot be read: " + e.getMessage()); //$NON-NLS-1$
			return INVALID_INPUT;
		}
		if (target == null) {
			Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			Exporter.export(c.papers(), f, w);
			w.flush();
		} else {
			JsonlCorpus papers = c;
			AtomicFile.write(target, w -> Exporter.export(papers.papers(), f, w));
			out.println("exported " + c.size() + " papers to " + target); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return OK;
	}
}
