package org.scriptorium.cli.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.corpus.JsonlCorpus;
import org.scriptorium.core.internal.corpus.CorpusAssembler;
import org.scriptorium.core.internal.io.FormatDetector;
import org.scriptorium.core.io.Format;
import org.scriptorium.core.io.ImportException;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.core.model.Paper;
import org.scriptorium.search.internal.eval.BeirData;

import picocli.CommandLine.Option;

/**
 * {@code --corpus default|FILE}, the same for every command that reads a corpus: the built-in corpus (also when the
 * option is left out), or a Scriptorium corpus file (JSON Lines, as {@code export --format jsonl} writes it); the
 * search commands also read a BEIR {@code corpus.jsonl[.gz]}, told apart by content.
 */
public final class CorpusOption {

	/** The value naming the built-in corpus. */
	public static final String DEFAULT = "default";

	@Option(names = "--corpus", paramLabel = "default|FILE", description = "The corpus: the built-in one (default) or a "
			+ "Scriptorium corpus file (JSON Lines, as 'export --format jsonl' writes it).")
	String spec;

	/** Whether {@code --corpus} was given. */
	public boolean given() {
		return spec != null;
	}

	private boolean isDefault() {
		return spec == null || spec.equals(DEFAULT);
	}

	/** The papers as stored (what {@code export} writes): a corpus file's papers, or all papers of the built-in one. */
	public List<Paper> papers() {
		return isDefault() ? DefaultCorpus.get().papers() : load(existing()).papers();
	}

	/** The corpus with its citation graph: a corpus file's references resolved to its papers. */
	public ICorpus corpus() {
		return isDefault() ? DefaultCorpus.get() : resolved(load(existing()));
	}

	/** As {@link #corpus()}, or a BEIR corpus (no citations) when the file is not a Scriptorium corpus file. */
	public ICorpus corpusOrBeir() throws IOException {
		if (isDefault()) {
			return DefaultCorpus.get();
		}
		Path file = existing();
		boolean gzip = file.getFileName().toString().endsWith(".gz");
		if (FormatDetector.detect(head(file, gzip)) != Format.JSONL) {
			try {
				return BeirData.corpus(file);
			} catch (BeirData.FormatException e) {
				throw new Failure(ExitCode.INVALID_INPUT, "the corpus cannot be read: " + e.getMessage());
			}
		}
		if (gzip) {
			throw new Failure(ExitCode.INVALID_INPUT,
					file + ": a compressed Scriptorium corpus file; decompress it first (gunzip -k)");
		}
		return resolved(load(file));
	}

	private Path existing() {
		Path file = Path.of(spec);
		if (Files.isDirectory(file)) {
			throw new Failure(ExitCode.INVALID_INPUT, "the corpus " + file + " is a folder: give a corpus file "
					+ "(as 'export --format jsonl' writes it) or 'default'");
		}
		if (!Files.isRegularFile(file)) {
			throw new Failure(ExitCode.INVALID_INPUT, "the corpus " + file + " does not exist");
		}
		if (!Files.isReadable(file)) {
			throw new Failure(ExitCode.INVALID_INPUT, "the corpus " + file + " cannot be read (permissions)");
		}
		return file;
	}

	private static JsonlCorpus load(Path file) {
		try {
			return JsonlCorpus.load(file);
		} catch (ImportException e) {
			throw new Failure(ExitCode.INVALID_INPUT, "the corpus cannot be read: " + e.getMessage());
		} catch (IOException e) {
			throw new Failure(ExitCode.IO_ERROR, "the corpus cannot be read: " + e.getMessage());
		}
	}

	/** The file keeps each paper's reference list; its citation graph is the references resolved in the corpus. */
	private static ICorpus resolved(JsonlCorpus c) {
		CorpusAssembler.Result r = CorpusAssembler.assemble(c.papers());
		return ICorpus.of(c.name(), r.papers(), r.citations());
	}

	/** The first characters of a (possibly gzipped) file, for telling its format. */
	private static String head(Path file, boolean gzip) throws IOException {
		try (InputStream raw = Files.newInputStream(file);
				BufferedReader in = new BufferedReader(new InputStreamReader(gzip ? new GZIPInputStream(raw) : raw,
						StandardCharsets.UTF_8))) {
			char[] buf = new char[4096];
			int n = in.read(buf);
			return n <= 0 ? "" : new String(buf, 0, n).replace("\uFEFF", "");
		} catch (ZipException e) {
			throw new Failure(ExitCode.INVALID_INPUT, file + ": not a gzip file (" + e.getMessage() + ")");
		}
	}
}
