package org.scriptorium.bench.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXParser;
import org.jbibtex.ParseException;
import org.scriptorium.core.io.Exporter;
import org.scriptorium.core.io.Format;
import org.scriptorium.core.io.Importer;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.PaperIds;

/**
 * {@code bench import --format bibtex}: the importer on a BibTeX file of synthetic entries (each with a type, authors,
 * journal, year, volume, number, pages, publisher, DOI, keywords and an abstract, as the exporter writes them) against
 * jbibtex's bare parse of the same file in the same JVM (a database of entries, no mapping to papers).
 */
public final class BibtexImportBenchmark {

	private BibtexImportBenchmark() {
	}

	public static void run(int n, int rounds, Path dir, boolean keep, PrintStream out) throws IOException {
		Runtime rt = Runtime.getRuntime();
		out.printf(Locale.ROOT, "# BibTeX import benchmark: %,d entries, %d rounds%n", n, rounds); //$NON-NLS-1$
		out.printf(Locale.ROOT, "JVM %s, %d processors, max heap %d MB%n", Runtime.version(), //$NON-NLS-1$
				rt.availableProcessors(), rt.maxMemory() >> 20);
		Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("scriptorium-bib-bench"); //$NON-NLS-1$
		Path file = work.resolve("synthetic-" + n + ".bib"); //$NON-NLS-1$ //$NON-NLS-2$
		try {
			long t = System.nanoTime();
			write(new SyntheticPapers(n, 0, 42), file);
			long bytes = Files.size(file);
			out.printf(Locale.ROOT, "%n| step | result |%n|---|---|%n"); //$NON-NLS-1$
			out.printf(Locale.ROOT, "| write the BibTeX file (generate + Exporter) | %.1f s, %,d MB |%n", //$NON-NLS-1$
					ImportBenchmark.secs(t), bytes >> 20);
			ImportRounds.Figures f = ImportRounds.measure(rounds, "jbibtex", "entries", () -> jbibtexParse(file), //$NON-NLS-1$ //$NON-NLS-2$
					() -> Importer.importFiles(List.of(file), Importer.Options.STRICT), "the synthetic BibTeX file", out); //$NON-NLS-1$
			out.printf(Locale.ROOT, "| jbibtex 1.0.20 parseFully, best round | %.2f s: %,.0f entries/s |%n", //$NON-NLS-1$
					f.bestParse(), n / f.bestParse());
			out.printf(Locale.ROOT, "| Importer.importFiles (strict), best round | %.2f s: %,.0f entries/s |%n", //$NON-NLS-1$
					f.bestImport(), n / f.bestImport());
			out.printf(Locale.ROOT, "| **import time / jbibtex parse time** | **%.2f** |%n", //$NON-NLS-1$
					f.bestImport() / f.bestParse());
			out.printf(Locale.ROOT, "| papers imported / problems | %,d / %,d |%n", f.papers(), f.problems()); //$NON-NLS-1$
			out.printf(Locale.ROOT, "| peak heap: jbibtex parse / import | %,d MB / %,d MB |%n", f.parsePeak() >> 20, //$NON-NLS-1$
					f.importPeak() >> 20);
			out.printf(Locale.ROOT, "| heap after GC holding the imported papers | %,d MB (%.1f KB per paper) |%n", //$NON-NLS-1$
					f.retained() >> 20, f.retained() / 1024.0 / n);
		} finally {
			if (!keep) {
				Files.deleteIfExists(file);
				if (dir == null) {
					Files.deleteIfExists(work);
				}
			}
		}
	}

	/**
	 * Writes the corpus as BibTeX entries with the fields a reference manager keeps, in chunks. The cite keys are
	 * assigned over the whole list first (as one export of all the papers would), so they are unique in the file.
	 */
	static void write(SyntheticPapers corpus, Path file) throws IOException {
		List<String> keys = Exporter.citeKeys(corpus.papers());
		try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
			List<Paper> chunk = new ArrayList<>();
			for (int i = 0; i < corpus.size(); i++) {
				Paper p = corpus.papers().get(i);
				PaperIds ids = p.ids();
				ids = new PaperIds(ids.arxiv(), ids.doi(), ids.semanticScholar(), ids.openAlex(), ids.pubmed(),
						keys.get(i));
				chunk.add(p.toBuilder().ids(ids).type(i % 3 == 0 ? "inproceedings" : "article") //$NON-NLS-1$ //$NON-NLS-2$
						.field("volume", String.valueOf(1 + i % 40)).field("number", String.valueOf(1 + i % 12)) //$NON-NLS-1$ //$NON-NLS-2$
						.field("pages", (i % 500 + 1) + "\u2013" + (i % 500 + 12)) //$NON-NLS-1$ //$NON-NLS-2$
						.field("publisher", "Synthetic Press").build()); //$NON-NLS-1$ //$NON-NLS-2$
				if (chunk.size() == 1_000 || i == corpus.size() - 1) {
					Exporter.export(chunk, Format.BIBTEX, w);
					w.write('\n');
					chunk.clear();
				}
			}
		}
	}

	/** jbibtex's parse of the whole file (entries, macros, values: what a BibTeX library gives its caller). */
	static int jbibtexParse(Path file) throws IOException {
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			BibTeXDatabase db = new BibTeXParser().parseFully(in);
			return db.getEntries().size();
		} catch (ParseException e) {
			throw new IllegalStateException("jbibtex refused the synthetic file: " + e.getMessage(), e); //$NON-NLS-1$
		}
	}
}
