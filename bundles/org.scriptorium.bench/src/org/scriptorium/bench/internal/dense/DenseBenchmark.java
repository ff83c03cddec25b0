package org.scriptorium.bench.internal.dense;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.scriptorium.bench.internal.BenchFigures;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.core.model.Paper;
import org.scriptorium.dense.internal.BundledEncoders;
import org.scriptorium.dense.internal.OnnxEncoder;
import org.scriptorium.dense.internal.RawOnnx;
import org.scriptorium.search.PaperSearchEngine;
import org.scriptorium.search.ProgressMonitor;
import org.scriptorium.search.RankingSettings;
import org.scriptorium.search.TextEncoder;
import org.scriptorium.search.VectorCache;
import org.scriptorium.search.internal.eval.BeirData;

/**
 * {@code ./scriptorium bench dense --corpus CORPUS.jsonl[.gz] [--queries QUERIES.jsonl] [--docs N] [--models a,b]
 * [--vectors DIR] [--work DIR]} (bundle org.scriptorium.dense needed):
 * <ol>
 * <li>embedding throughput (documents per second) of each bundled model on the first N documents (title and
 * abstract, as indexed), as a ratio to raw ONNX Runtime on the same model and texts ({@link RawOnnx}, one text per
 * run, so no padding, with ONNX Runtime's intra-op threads on all cores), in the same JVM, after a warm-up of both;
 * also the largest difference between the two paths' vectors on short texts;</li>
 * <li>with {@code --queries}: time to build the index of the whole corpus lexically and with each model's vectors
 * (from the vector cache: embedding what it lacks), then query latency p50/p99 of BM25, dense, RRF and convex
 * fusion over the queries (10 hits, free text as in evaluation), each as a ratio to BM25 in the same run;</li>
 * <li>peak heap.</li>
 * </ol>
 */
public final class DenseBenchmark {

	private final PrintStream out;

	private DenseBenchmark(PrintStream out) {
		this.out = out;
	}

	/**
	 * Runs the benchmark on the BEIR corpus {@code corpusFile} (its first {@code docs} documents for the embedding
	 * part) with the bundled models {@code models}; with {@code queriesFile}, also the index and latency part, its
	 * indexes under {@code work} (null: a folder in the temporary folder) and the vectors cached in {@code vectors}
	 * (null: {@link VectorCache#defaultDirectory()}). Prints the report on {@code out}.
	 */
	public static void run(Path corpusFile, Path queriesFile, int docs, List<String> models, Path work, Path vectors,
			PrintStream out) throws IOException {
		if (work == null) {
			work = Path.of(System.getProperty("java.io.tmpdir"), "scriptorium-bench-dense"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (vectors == null) {
			vectors = VectorCache.defaultDirectory();
		}
		for (String id : models) {
			encoder(id); // an unknown model fails before anything is measured
		}
		ICorpus corpus = BeirData.corpus(corpusFile);
		DenseBenchmark b = new DenseBenchmark(out);
		b.out.printf(Locale.ROOT, "corpus %s: %d documents; %d cores; Java %s%n", corpus.name(), corpus.size(), //$NON-NLS-1$
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")); //$NON-NLS-1$
		List<String> texts = new ArrayList<>();
		for (Paper p : corpus.papers().subList(0, Math.min(docs, corpus.size()))) {
			texts.add(VectorCache.documentText(p.title(), p.abstractText().orElse(null)));
		}
		for (String id : models) {
			if (!texts.isEmpty()) { // --docs 0: only the index and latency part
				b.throughput(encoder(id), texts);
			}
		}
		if (queriesFile != null) {
			List<String> queries = BeirData.queries(queriesFile).stream().map(q -> q.text()).toList();
			for (String id : models) {
				b.searching(corpus, encoder(id), queries, work, vectors);
			}
		}
		b.out.printf(Locale.ROOT, "peak heap: %d MB%n", BenchFigures.peakHeapBytes() >> 20); //$NON-NLS-1$
	}

	private static OnnxEncoder encoder(String id) {
		return (OnnxEncoder) BundledEncoders.shared().stream().filter(e -> e.id().equals(id.strip())).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("no bundled model '" + id + "' (bundled: " //$NON-NLS-1$ //$NON-NLS-2$
						+ String.join(", ", BundledEncoders.shared().stream().map(TextEncoder::id).toList()) + ")")); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** Embedding throughput of the bundled path vs raw ONNX Runtime, same texts, same batches, same JVM. */
	void throughput(OnnxEncoder encoder, List<String> texts) throws IOException {
		try (RawOnnx raw = new RawOnnx(encoder.spec())) {
			List<String> warm = texts.subList(0, Math.min(OnnxEncoder.BATCH, texts.size()));
			encoder.encodeDocuments(warm, ProgressMonitor.NONE);
			raw.embed(warm);
			// agreement on short texts (below the 510-token window where the two paths differ by design)
			double worst = 1;
			List<String> shortOnes = texts.stream().filter(t -> t.length() < 600).limit(16).toList();
			float[][] r = raw.embed(shortOnes);
			List<float[]> m = encoder.encodeDocuments(shortOnes, ProgressMonitor.NONE);
			for (int i = 0; i < r.length; i++) {
				worst = Math.min(worst, dot(r[i], m.get(i)));
			}
			// raw ONNX Runtime one text per run: no padding (a padded batch of 32 abstracts runs every text at the
			// longest one's length and was 2.3x slower than this in a first measurement), ONNX Runtime's own threads
			long t0 = System.nanoTime();
			for (String text : texts) {
				raw.embed(List.of(text));
			}
			double rawS = (System.nanoTime() - t0) / 1e9;
			t0 = System.nanoTime();
			encoder.encodeDocuments(texts, ProgressMonitor.NONE);
			double oursS = (System.nanoTime() - t0) / 1e9;
			out.printf(Locale.ROOT,
					"embed %-10s %d docs: Scriptorium %.1f docs/s (%.1f s), raw ONNX Runtime %.1f docs/s (%.1f s), ratio %.2f; lowest cosine between the two on %d short texts %.4f%n", //$NON-NLS-1$
					encoder.id(), texts.size(), texts.size() / oursS, oursS, texts.size() / rawS, rawS, rawS / oursS,
					shortOnes.size(), worst);
		}
	}

	/** Index build times and query latency of each ranker against BM25 in the same run. */
	void searching(ICorpus corpus, TextEncoder encoder, List<String> queries, Path work, Path vectors)
			throws IOException {
		Path lexicalDir = work.resolve("lexical"), denseDir = work.resolve(encoder.id()); //$NON-NLS-1$
		delete(lexicalDir);
		delete(denseDir);
		long t0 = System.nanoTime();
		try (PaperSearchEngine e = PaperSearchEngine.open(corpus, lexicalDir, m -> {
		}, ProgressMonitor.NONE)) {
			e.documentCount();
		}
		double lexicalS = (System.nanoTime() - t0) / 1e9;
		int cached;
		try (VectorCache c = VectorCache.open(vectors, encoder.id(), encoder.dimension(), m -> {
		})) {
			cached = c.size();
		}
		t0 = System.nanoTime();
		try (PaperSearchEngine e = PaperSearchEngine.open(corpus, denseDir, m -> {
		}, List.of(encoder), vectors, ProgressMonitor.NONE)) {
			double denseS = (System.nanoTime() - t0) / 1e9;
			out.printf(Locale.ROOT,
					"index %-10s %d papers: lexical %.1f s, with %s vectors %.1f s (%d vectors were cached before), index size lexical %.1f MB, with vectors %.1f MB%n", //$NON-NLS-1$
					encoder.id(), corpus.size(), lexicalS, encoder.id(), denseS, cached,
					BenchFigures.directoryBytes(lexicalDir) / 1e6,
					BenchFigures.directoryBytes(denseDir) / 1e6);
			String[] specs = {"bm25", "dense:" + encoder.id(), "rrf:" + encoder.id(), "convex:" + encoder.id()}; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			long[][] times = new long[specs.length][queries.size()];
			for (String q : queries.subList(0, Math.min(20, queries.size()))) { // warm-up
				for (String spec : specs) {
					search(e, q, spec);
				}
			}
			for (int i = 0; i < queries.size(); i++) {
				for (int k = 0; k < specs.length; k++) {
					int s = (k + i) % specs.length; // rotate the order so no ranker always runs first
					long a = System.nanoTime();
					search(e, queries.get(i), specs[s]);
					times[s][i] = System.nanoTime() - a;
				}
			}
			double[] p50 = new double[specs.length], p99 = new double[specs.length];
			for (int k = 0; k < specs.length; k++) {
				long[] t = times[k].clone();
				Arrays.sort(t);
				p50[k] = t[(int) (0.50 * (t.length - 1))] / 1e6;
				p99[k] = t[(int) (0.99 * (t.length - 1))] / 1e6;
			}
			for (int k = 0; k < specs.length; k++) {
				out.printf(Locale.ROOT,
						"latency %-18s %d queries: p50 %.2f ms, p99 %.2f ms; ratio to bm25 p50 %.1f, p99 %.1f%n", //$NON-NLS-1$
						specs[k], queries.size(), p50[k], p99[k], p50[k] / p50[0], p99[k] / p99[0]);
			}
		}
	}

	/** A query as free text (as evaluation runs it: benchmark queries are claims full of syntax characters). */
	private static void search(PaperSearchEngine e, String q, String spec) throws IOException {
		e.core().searchFreeText(q, 10, RankingSettings.defaults().withRankerSpec(spec));
	}

	private static double dot(float[] a, float[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++) {
			s += a[i] * b[i];
		}
		return s;
	}

	private static void delete(Path dir) throws IOException {
		if (Files.exists(dir)) {
			try (var files = Files.walk(dir)) {
				for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
					Files.delete(f);
				}
			}
		}
	}
}
