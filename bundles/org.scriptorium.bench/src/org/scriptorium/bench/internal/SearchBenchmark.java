package org.scriptorium.bench.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.core.model.Paper;
import org.scriptorium.search.ProgressMonitor;
import org.scriptorium.search.Ranker;
import org.scriptorium.search.RankingSettings;
import org.scriptorium.search.SearchRequest;
import org.scriptorium.search.SearchResult;
import org.scriptorium.search.internal.SearchCore;
import org.scriptorium.search.internal.analysis.Analyzers;
import org.scriptorium.search.internal.index.CorpusView;
import org.scriptorium.search.internal.index.PaperDocuments;
import org.scriptorium.search.internal.rank.Ranking;

/**
 * The search benchmark (a command, not a test). On a deterministic synthetic corpus it measures:
 * <ol>
 * <li>indexing throughput of the engine (corpus fingerprint, citation graph, PageRank, documents, commit) as a ratio
 * to a plain Lucene {@link IndexWriter} adding the same documents with the same analyzer, in the same run;</li>
 * <li>query latency p50/p99 over 1,000 queries, plain BM25 against citation-aware, same queries interleaved;</li>
 * <li>index size and heap.</li>
 * </ol>
 * Run: {@code ./scriptorium bench search [--papers N] [--refs R] [--queries Q] [--rounds K] [--candidates C]
 * [--dir DIR]} (see {@code --help}), with the heap you want to report ({@code JAVA_OPTS=-Xmx2g}).
 */
public final class SearchBenchmark {

	private SearchBenchmark() {
	}

	/** Runs the benchmark and prints its report on {@code out}; {@code dir} null: a new temporary folder. */
	public static void run(int n, int refs, int queryCount, int candidates, int rounds, Path dir, PrintStream out)
			throws IOException {
		if (dir == null) {
			dir = Files.createTempDirectory("scriptorium-search-bench"); //$NON-NLS-1$
		}
		out.printf(Locale.ROOT, "# Search benchmark: %,d synthetic papers, ~%d references each, %d queries%n", n, refs, //$NON-NLS-1$
				queryCount);
		out.printf(Locale.ROOT, "JVM %s, %d processors, max heap %d MB%n%n", Runtime.version(), //$NON-NLS-1$
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
		long t0 = System.nanoTime();
		SyntheticPapers synthetic = new SyntheticPapers(n, refs, 42);
		// held in memory like a loaded corpus, so that both sides index the same objects and no side pays for
		// generating text
		ICorpus corpus = materialize(synthetic);
		out.printf(Locale.ROOT, "corpus generated in %.1f s (%,d citation edges)%n", secs(t0), //$NON-NLS-1$
				corpus.citations().size());

		// warm-up of both paths on a small corpus
		SyntheticPapers warm = new SyntheticPapers(Math.min(n, 5000), refs, 7);
		plainIndex(materialize(warm), dir.resolve("warm-plain")); //$NON-NLS-1$
		try (SearchCore c = SearchCore.open(warm, dir.resolve("warm-engine"), false, m -> { //$NON-NLS-1$
		}, ProgressMonitor.NONE)) {
			// built
		}

		// alternating rounds; the faster round of each side counts (less noise from other processes)
		double plain = Double.MAX_VALUE, engine = Double.MAX_VALUE;
		for (int round = 1; round <= rounds; round++) {
			long tp = System.nanoTime();
			plainIndex(corpus, dir.resolve("plain" + round)); //$NON-NLS-1$
			double p = secs(tp);
			long te = System.nanoTime();
			try (SearchCore c = SearchCore.open(corpus, dir.resolve("engine" + round), false, m -> { //$NON-NLS-1$
			}, ProgressMonitor.NONE)) {
				// built and committed
			}
			double e = secs(te);
			plain = Math.min(plain, p);
			engine = Math.min(engine, e);
			out.printf(Locale.ROOT, "round %d: plain %.1f s, engine %.1f s%n", round, p, e); //$NON-NLS-1$
		}
		// the engine's setup alone, once more: what its writer waits for, and what runs beside the writer
		long ts = System.nanoTime();
		CorpusView view = new CorpusView(corpus);
		double beforeFirstDocument = secs(ts);
		ts = System.nanoTime();
		view.fingerprint();
		double hashesAndFingerprint = secs(ts);
		view = null;
		try (SearchCore core = SearchCore.open(corpus, dir.resolve("engine1"), false, m -> { //$NON-NLS-1$
		}, ProgressMonitor.NONE)) {
			out.printf(Locale.ROOT, "%n## Indexing%n| | seconds | papers/s |%n|---|---|---|%n"); //$NON-NLS-1$
			out.printf(Locale.ROOT, "| plain Lucene IndexWriter, same documents and analyzer | %.1f | %,.0f |%n", plain, //$NON-NLS-1$
					n / plain);
			out.printf(Locale.ROOT,
					"| Scriptorium index (fingerprint, graph, PageRank, documents, commit) | %.1f | %,.0f |%n", //$NON-NLS-1$
					engine, n / engine);
			out.printf(Locale.ROOT, "| **throughput ratio** | **%.2f** | |%n", plain / engine); //$NON-NLS-1$
			out.printf(Locale.ROOT, "%nengine setup measured alone: %.1f s before the first document (citation graph, " //$NON-NLS-1$
					+ "PageRank), then %.1f s more until the paper hashes and corpus fingerprint are done (these run on " //$NON-NLS-1$
					+ "a background thread while the index is written)%n", beforeFirstDocument, hashesAndFingerprint); //$NON-NLS-1$
			out.printf(Locale.ROOT, "%nindex size %.1f MB (plain %.1f MB)%n", //$NON-NLS-1$
					BenchFigures.directoryBytes(dir.resolve("engine1")) / 1e6, //$NON-NLS-1$
					BenchFigures.directoryBytes(dir.resolve("plain1")) / 1e6); //$NON-NLS-1$
			latency(core, synthetic, queryCount, candidates, out);
			System.gc();
			Runtime rt = Runtime.getRuntime();
			out.printf(Locale.ROOT,
					"%n## Heap%nused after GC with the engine open: %d MB; peak heap during the run: %d MB%n", //$NON-NLS-1$
					(rt.totalMemory() - rt.freeMemory()) >> 20, BenchFigures.peakHeapBytes() >> 20);
		}
	}

	private static void latency(SearchCore core, SyntheticPapers corpus, int count, int candidates, PrintStream out)
			throws IOException {
		SplittableRandom r = new SplittableRandom(99);
		List<String> queries = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			queries.add(corpus.words(r, 2 + r.nextInt(3)));
		}
		RankingSettings bm25 = RankingSettings.defaults().withRanker(Ranker.BM25);
		RankingSettings d = bm25.withRanker(Ranker.CITATION);
		RankingSettings citation = new RankingSettings(d.ranker(), d.multifield(), d.k1(), d.b(), d.titleWeight(),
				d.abstractWeight(), d.priorWeight(), d.graphWeight(), d.seedHits(), candidates);
		// the citation-aware ranker's per-reader arrays are built by the first citation-aware query: time it apart
		org.apache.lucene.search.IndexSearcher searcher = core.store().acquire();
		try {
			long t0 = System.nanoTime();
			org.scriptorium.search.internal.rank.GraphColumns.of(searcher.getIndexReader(), core.store().view());
			out.printf(Locale.ROOT,
					"%ngraph columns (node and prior per document) built in %.0f ms, once per index reader%n", //$NON-NLS-1$
					(System.nanoTime() - t0) / 1e6);
		} finally {
			core.store().release(searcher);
		}
		for (int i = 0; i < Math.min(200, count); i++) {
			search(core, queries.get(i), bm25);
			search(core, queries.get(i), citation);
		}
		long[] a = new long[count];
		long[] b = new long[count];
		long hits = 0;
		for (int i = 0; i < count; i++) {
			long t = System.nanoTime();
			hits += search(core, queries.get(i), bm25);
			a[i] = System.nanoTime() - t;
			t = System.nanoTime();
			search(core, queries.get(i), citation);
			b[i] = System.nanoTime() - t;
		}
		Arrays.sort(a);
		Arrays.sort(b);
		out.printf(Locale.ROOT,
				"%n## Query latency (%d queries of 2-4 words, top 10, no snippets; mean %,d matches; citation-aware re-ranks the top %d)%n", //$NON-NLS-1$
				count, hits / count, candidates);
		out.printf(Locale.ROOT, "| ranker | p50 ms | p99 ms |%n|---|---|---|%n"); //$NON-NLS-1$
		out.printf(Locale.ROOT, "| BM25 | %.2f | %.2f |%n", ms(a, 0.5), ms(a, 0.99)); //$NON-NLS-1$
		out.printf(Locale.ROOT, "| citation-aware | %.2f | %.2f |%n", ms(b, 0.5), ms(b, 0.99)); //$NON-NLS-1$
		out.printf(Locale.ROOT, "| **ratio** | **%.2f** | **%.2f** |%n", ms(b, 0.5) / ms(a, 0.5), //$NON-NLS-1$
				ms(b, 0.99) / ms(a, 0.99));
		breakdown(core, queries, bm25, citation, out);
	}

	/**
	 * Where the citation-aware ranker's extra time goes, on the same parsed queries: Lucene's top-10 collection (what
	 * BM25 needs), the top-{@code candidates} collection, and the whole {@link Ranking#rank} (collection plus
	 * re-ranking: graph nodes, priors, propagation, sort).
	 */
	private static void breakdown(SearchCore core, List<String> queries, RankingSettings bm25,
			RankingSettings citation, PrintStream out) throws IOException {
		int n = queries.size();
		long[] top10 = new long[n], topC = new long[n], rank = new long[n];
		org.apache.lucene.search.IndexSearcher base = core.store().acquire();
		try {
			org.apache.lucene.search.IndexSearcher s = Ranking.searcher(base, bm25);
			for (int i = 0; i < n; i++) {
				org.apache.lucene.search.Query q = core.parse(queries.get(i), bm25).query();
				long t = System.nanoTime();
				s.search(q, 10);
				top10[i] = System.nanoTime() - t;
				t = System.nanoTime();
				s.search(q, citation.candidates());
				topC[i] = System.nanoTime() - t;
				t = System.nanoTime();
				Ranking.rank(s, core.store().view(), q, 10, citation);
				rank[i] = System.nanoTime() - t;
			}
		} finally {
			core.store().release(base);
		}
		Arrays.sort(top10);
		Arrays.sort(topC);
		Arrays.sort(rank);
		out.printf(Locale.ROOT,
				"%n## Breakdown (same queries, parsed; no stored fields)%n| step | p50 ms | p99 ms |%n|---|---|---|%n"); //$NON-NLS-1$
		out.printf(Locale.ROOT, "| collect top 10 (BM25) | %.3f | %.3f |%n", ms(top10, 0.5), ms(top10, 0.99)); //$NON-NLS-1$
		out.printf(Locale.ROOT, "| collect top %d | %.3f | %.3f |%n", citation.candidates(), ms(topC, 0.5), //$NON-NLS-1$
				ms(topC, 0.99));
		out.printf(Locale.ROOT, "| citation-aware rank (collect + re-rank) | %.3f | %.3f |%n", ms(rank, 0.5), //$NON-NLS-1$
				ms(rank, 0.99));
	}

	private static long search(SearchCore core, String q, RankingSettings s) throws IOException {
		SearchResult r = core.search(new SearchRequest(q, 10, s, false, false, false));
		if (!r.ok()) {
			throw new IllegalStateException(r.error().toString());
		}
		return r.totalHits();
	}

	private static ICorpus materialize(SyntheticPapers s) {
		return ICorpus.of(s.name(), s.papers(), s.citations());
	}

	private static void plainIndex(ICorpus corpus, Path dir) throws IOException {
		try (FSDirectory d = FSDirectory.open(dir);
				IndexWriter w = new IndexWriter(d, new IndexWriterConfig(Analyzers.perField())
						.setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(64))) {
			for (Paper p : corpus.papers()) {
				w.addDocument(PaperDocuments.toDocument(p, 0, 1, "")); //$NON-NLS-1$
			}
			w.commit();
		}
	}

	private static double secs(long t0) {
		return (System.nanoTime() - t0) / 1e9;
	}

	private static double ms(long[] sorted, double q) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
	}

}
