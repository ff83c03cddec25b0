package org.scriptorium.bench.internal;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.scriptorium.core.corpus.JsonlCorpus;
import org.scriptorium.core.io.Importer;
import org.scriptorium.core.model.Citation;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.Reference;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/**
 * Benchmark of {@link Importer} (a command, not a test): writes a deterministic synthetic corpus file in Scriptorium
 * JSON Lines ({@link SyntheticPapers}, seed 42: {@code N} papers with abstracts and about {@code R} references each),
 * then, in the same JVM and alternating, times a bare streaming Gson parse of the file (every token read, nothing
 * built) and the import (format detection, decoding, paper objects, duplicate detection with provenance), and
 * reports the ratio and the peak heap of each. Run:
 * {@code ./scriptorium bench import [--papers N] [--refs R] [--rounds K] [--dir DIR] [--keep]}.
 */
public final class ImportBenchmark {

	private ImportBenchmark() {
	}

	/**
	 * Runs the benchmark and prints its report on {@code out}; the corpus file goes to {@code dir} (null: a temporary
	 * folder) and is deleted afterwards unless {@code keep}.
	 */
	public static void run(int n, int refs, int rounds, Path dir, boolean keep, PrintStream out) throws IOException {
		Runtime rt = Runtime.getRuntime();
		out.printf(Locale.ROOT, "# Import benchmark: %,d papers, ~%d references each, %d rounds%n", n, refs, rounds); //$NON-NLS-1$
		out.printf(Locale.ROOT, "JVM %s, %d processors, max heap %d MB%n", Runtime.version(), //$NON-NLS-1$
				rt.availableProcessors(), rt.maxMemory() >> 20);
		Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("scriptorium-import-bench"); //$NON-NLS-1$
		Path file = work.resolve("synthetic-" + n + ".jsonl"); //$NON-NLS-1$ //$NON-NLS-2$
		try {
			long t = System.nanoTime();
			long edges = write(new SyntheticPapers(n, refs, 42), file);
			double writeSecs = secs(t);
			long bytes = Files.size(file);
			out.printf(Locale.ROOT, "%n| step | result |%n|---|---|%n"); //$NON-NLS-1$
			out.printf(Locale.ROOT,
					"| write the corpus file (generate + JsonlCorpus.writeTo) | %.1f s, %,d MB, %,d references |%n", //$NON-NLS-1$
					writeSecs, bytes >> 20, edges);
			ImportRounds.Figures f = ImportRounds.measure(rounds, "Gson", "tokens", () -> gsonParse(file), //$NON-NLS-1$ //$NON-NLS-2$
					() -> Importer.importFiles(List.of(file), false), "the synthetic corpus", out); //$NON-NLS-1$
			out.printf(Locale.ROOT, "| bare streaming Gson parse, best round | %.2f s: %,.0f papers/s, %.0f MB/s |%n", //$NON-NLS-1$
					f.bestParse(), n / f.bestParse(), (bytes >> 20) / f.bestParse());
			out.printf(Locale.ROOT,
					"| Importer.importFiles (all-or-nothing), best round | %.2f s: %,.0f papers/s, %.0f MB/s |%n", //$NON-NLS-1$
					f.bestImport(), n / f.bestImport(), (bytes >> 20) / f.bestImport());
			out.printf(Locale.ROOT, "| **import time / Gson parse time** | **%.2f** |%n", f.bestImport() / f.bestParse()); //$NON-NLS-1$
			out.printf(Locale.ROOT, "| papers imported (duplicates merged) | %,d (%,d merged) |%n", f.papers(), //$NON-NLS-1$
					f.merged());
			out.printf(Locale.ROOT, "| peak heap: Gson parse / import | %,d MB / %,d MB |%n", f.parsePeak() >> 20, //$NON-NLS-1$
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

	/** Writes the corpus with each paper's references (to earlier papers); returns how many references. */
	static long write(SyntheticPapers corpus, Path file) throws IOException {
		long[] edges = {0};
		List<Paper> withRefs = new AbstractList<>() {
			@Override
			public Paper get(int i) {
				int[] targets = corpus.references(i);
				List<Reference> refs = new ArrayList<>(targets.length);
				for (int t : targets) {
					refs.add(Reference.to(SyntheticPapers.id(t), Citation.Kind.REFERENCE_LIST));
				}
				edges[0] += targets.length;
				return corpus.papers().get(i).toBuilder().references(refs).build();
			}

			@Override
			public int size() {
				return corpus.size();
			}
		};
		try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
			JsonlCorpus.writeTo(w, withRefs);
		}
		return edges[0];
	}

	/** Reads every token of every line's JSON value with Gson's streaming reader, building nothing. */
	static long gsonParse(Path file) throws IOException {
		long tokens = 0;
		try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
				JsonReader r = new JsonReader(in)) {
			r.setStrictness(Strictness.LENIENT); // one JSON value after another, as JSON Lines has them
			long blackhole = 0;
			while (r.peek() != JsonToken.END_DOCUMENT) {
				JsonToken t = r.peek();
				switch (t) {
					case BEGIN_OBJECT -> r.beginObject();
					case END_OBJECT -> r.endObject();
					case BEGIN_ARRAY -> r.beginArray();
					case END_ARRAY -> r.endArray();
					case NAME -> blackhole += r.nextName().length();
					case STRING -> blackhole += r.nextString().length();
					case NUMBER -> blackhole += r.nextLong();
					case BOOLEAN -> blackhole += r.nextBoolean() ? 1 : 0;
					case NULL -> r.nextNull();
					default -> throw new IllegalStateException(t.toString());
				}
				tokens++;
			}
			if (blackhole == 42) {
				System.out.print(""); // keeps the values alive for the JIT //$NON-NLS-1$
			}
		}
		return tokens;
	}

	static void gc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
	}

	private static List<MemoryPoolMXBean> heapPools() {
		return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
	}

	static void resetPeaks() {
		heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	/** The sum of the heap pools' peaks since the last reset (an upper bound of the peak occupancy). */
	static long peakHeap() {
		return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
	}

	static long usedHeap() {
		return heapPools().stream().mapToLong(p -> p.getUsage().getUsed()).sum();
	}

	static double secs(long t0) {
		return (System.nanoTime() - t0) / 1e9;
	}
}
