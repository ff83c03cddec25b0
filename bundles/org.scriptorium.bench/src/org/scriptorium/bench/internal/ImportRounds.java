package org.scriptorium.bench.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;

import org.scriptorium.core.io.ImportException;
import org.scriptorium.core.io.Importer;

/**
 * The measurement loop of the import benchmarks: each round, after a full GC, a bare parse of the file by an external
 * library and then the importer, each timed and with its heap peak; one report line per round. The best round of
 * each counts, and the heap still in use after a GC while the imported papers are held.
 */
final class ImportRounds {

	private ImportRounds() {
	}

	/** A bare parse of the file: what it counted (entries, tokens). */
	interface Parse {
		long run() throws IOException;
	}

	/** The importer on the file. */
	interface Import {
		Importer.ImportResult run() throws IOException, ImportException;
	}

	/** The best times, the peaks, the retained heap and the last round's import counts. */
	record Figures(double bestParse, double bestImport, long parsePeak, long importPeak, long retained, int papers,
			int problems, int merged) {
	}

	/**
	 * @param parser   the external library's name in the round lines (e.g. {@code Gson})
	 * @param unit     what its parse counts (e.g. {@code tokens})
	 * @param refused  what the file is, for the error when the importer refuses it
	 */
	static Figures measure(int rounds, String parser, String unit, Parse parse, Import importer, String refused,
			PrintStream out) throws IOException {
		double bestParse = Double.MAX_VALUE, bestImport = Double.MAX_VALUE;
		long parsePeak = 0, importPeak = 0, retained = 0;
		int papers = 0, problems = 0, merged = 0;
		for (int round = 1; round <= rounds; round++) {
			ImportBenchmark.gc();
			ImportBenchmark.resetPeaks();
			long t = System.nanoTime();
			long count = parse.run();
			double p = ImportBenchmark.secs(t);
			parsePeak = Math.max(parsePeak, ImportBenchmark.peakHeap());
			bestParse = Math.min(bestParse, p);
			ImportBenchmark.gc();
			ImportBenchmark.resetPeaks();
			t = System.nanoTime();
			Importer.ImportResult r;
			try {
				r = importer.run();
			} catch (ImportException e) {
				throw new IllegalStateException(refused + " was refused: " + e.getMessage(), e); //$NON-NLS-1$
			}
			double im = ImportBenchmark.secs(t);
			importPeak = Math.max(importPeak, ImportBenchmark.peakHeap());
			bestImport = Math.min(bestImport, im);
			papers = r.papers().size();
			problems = r.problems().size();
			merged = r.merged().size();
			ImportBenchmark.gc();
			retained = Math.max(retained, ImportBenchmark.usedHeap());
			out.printf(Locale.ROOT, "| round %d: %s parse / import | %.2f s (%,d %s) / %.2f s (%,d papers) |%n", //$NON-NLS-1$
					round, parser, p, count, unit, im, papers);
			r = null;
		}
		return new Figures(bestParse, bestImport, parsePeak, importPeak, retained, papers, problems, merged);
	}
}
