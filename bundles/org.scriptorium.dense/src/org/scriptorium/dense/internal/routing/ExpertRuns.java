package org.scriptorium.dense.internal.routing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

import org.scriptorium.core.model.ICorpus;
import org.scriptorium.core.model.Paper;
import org.scriptorium.search.ProgressMonitor;
import org.scriptorium.search.RankingSettings;
import org.scriptorium.search.Ranker;
import org.scriptorium.search.TextEncoder;
import org.scriptorium.search.VectorCache;
import org.scriptorium.search.internal.SearchCore;
import org.scriptorium.search.internal.SearchCore.ScoredId;
import org.scriptorium.search.internal.eval.BeirData.BeirQuery;
import org.scriptorium.search.internal.eval.Metrics;

/**
 * The experts of a routing experiment over one corpus: {@value #BM25} (the search engine's BM25 with Anserini's
 * setting, free-text queries) and dense models (exact dot products of the query vector with every document vector;
 * document vectors come from the {@link VectorCache}, so a corpus is embedded once per model). Each expert returns
 * the top {@value #DEPTH} in trec_eval order, without the document whose id is the query's (as BEIR does).
 */
public final class ExpertRuns implements AutoCloseable {

	/** The lexical expert's name. */
	public static final String BM25 = "bm25";
	/** Depth of every expert's ranking. */
	public static final int DEPTH = 1000;

	private final List<String> experts;
	private final TextEncoder base;
	private final List<TextEncoder> encoders = new ArrayList<>(); // per expert; null for BM25
	private final List<float[][]> docVectors = new ArrayList<>(); // per expert; null for BM25
	private final List<String> docIds = new ArrayList<>();
	private final SearchCore bm25;
	private final Path indexDir;

	/**
	 * Prepares the experts: indexes the corpus for BM25 (in a temporary folder) and embeds the documents that the
	 * vector cache does not hold yet.
	 *
	 * @param encoders the dense models by id (the experts other than BM25 and the base encoder must be among them)
	 * @param log      receives progress sentences
	 */
	public ExpertRuns(ICorpus corpus, List<String> experts, Map<String, TextEncoder> encoders, String baseEncoder,
			Path vectorCache, ProgressMonitor monitor, Consumer<String> log) throws IOException {
		this.experts = List.copyOf(experts);
		this.base = encoders.get(baseEncoder);
		if (base == null) {
			throw new IllegalArgumentException("no encoder " + baseEncoder);
		}
		List<String> texts = new ArrayList<>(corpus.size());
		for (Paper p : corpus.papers()) {
			docIds.add(p.id());
			texts.add(VectorCache.documentText(p.title(), p.abstractText().orElse(null)));
		}
		SearchCore core = null;
		Path dir = null;
		for (String e : experts) {
			if (e.equals(BM25)) {
				this.encoders.add(null);
				docVectors.add(null);
				dir = Files.createTempDirectory("scriptorium-routing-index");
				log.accept("indexing " + corpus.size() + " documents for BM25");
				core = SearchCore.open(corpus, dir, false, log::accept, ProgressMonitor.NONE);
				continue;
			}
			TextEncoder enc = encoders.get(e);
			if (enc == null) {
				throw new IllegalArgumentException("no encoder " + e);
			}
			this.encoders.add(enc);
			try (VectorCache cache = VectorCache.open(vectorCache, enc.id(), enc.dimension(), log)) {
				long t0 = System.nanoTime();
				VectorCache.Encoded encoded = cache.encode(enc, texts, monitor);
				log.accept(String.format(java.util.Locale.ROOT,
						"%s: %d documents, %d embedded now (%.0f s), %d from the cache %s",
						enc.id(), texts.size(), encoded.embedded(), (System.nanoTime() - t0) / 1e9,
						texts.size() - encoded.embedded(), cache.file()));
				docVectors.add(encoded.vectors().toArray(float[][]::new));
			}
		}
		this.bm25 = core;
		this.indexDir = dir;
	}

	/** The experts' rankings and metrics for the judged queries of {@code queries}, and their base embeddings. */
	public ExpertTable table(List<BeirQuery> queries, Map<String, Map<String, Integer>> qrels, ProgressMonitor monitor)
			throws IOException {
		List<BeirQuery> judged = queries.stream()
				.filter(q -> Metrics.hasRelevant(qrels.get(q.id())) && !q.text().isBlank()).toList();
		int n = judged.size();
		List<List<List<ScoredId>>> runs = new ArrayList<>();
		Metrics.Values[][] metrics = new Metrics.Values[experts.size()][n];
		float[][] baseVectors = new float[n][];
		Map<TextEncoder, float[][]> queryVectors = new LinkedHashMap<>();
		RankingSettings bm25Settings = RankingSettings.defaults().withRanker(Ranker.BM25);
		for (int e = 0; e < experts.size(); e++) {
			List<List<ScoredId>> perQuery = new ArrayList<>(n);
			TextEncoder enc = encoders.get(e);
			float[][] qv = enc == null ? null : new float[n][];
			for (int q = 0; q < n; q++) {
				if (monitor.isCanceled()) {
					throw new CancellationException("canceled while ranking");
				}
				BeirQuery query = judged.get(q);
				List<ScoredId> run;
				if (enc == null) {
					run = new ArrayList<>(bm25.searchFreeText(query.text(), DEPTH + 1, bm25Settings));
				} else {
					qv[q] = enc.encodeQuery(query.text());
					run = exact(qv[q], docVectors.get(e));
				}
				run.removeIf(h -> h.id().equals(query.id()));
				List<ScoredId> ordered = Metrics.trecOrder(run);
				List<ScoredId> top = List.copyOf(ordered.size() > DEPTH ? ordered.subList(0, DEPTH) : ordered);
				perQuery.add(top);
				metrics[e][q] = Metrics.of(top, qrels.get(query.id()));
				monitor.worked(1);
			}
			if (enc != null) {
				queryVectors.put(enc, qv);
			}
			runs.add(perQuery);
		}
		float[][] known = queryVectors.get(base); // the base encoder is also an expert: its query vectors are there
		for (int q = 0; q < n; q++) {
			baseVectors[q] = known != null ? known[q] : base.encodeQuery(judged.get(q).text());
			monitor.worked(1);
		}
		List<Map<String, Integer>> judgments = judged.stream().map(q -> qrels.get(q.id())).toList();
		return new ExpertTable(experts, judged.stream().map(BeirQuery::id).toList(), judgments, baseVectors, runs,
				metrics);
	}

	/** The top {@value #DEPTH} + 1 documents by dot product with {@code query} (one more: the query's own id may go). */
	private List<ScoredId> exact(float[] query, float[][] docs) {
		List<ScoredId> all = new ArrayList<>(docs.length);
		for (int d = 0; d < docs.length; d++) {
			double s = 0;
			float[] v = docs[d];
			for (int i = 0; i < v.length; i++) {
				s += query[i] * v[i];
			}
			all.add(new ScoredId(docIds.get(d), (float) s));
		}
		all.sort(Comparator.comparingDouble(ScoredId::score).reversed().thenComparing(ScoredId::id,
				Comparator.reverseOrder()));
		return new ArrayList<>(all.subList(0, Math.min(all.size(), DEPTH + 1)));
	}

	@Override
	public void close() throws IOException {
		if (bm25 != null) {
			bm25.close();
		}
		if (indexDir != null) {
			try (var files = Files.walk(indexDir)) {
				for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(p);
				}
			}
		}
	}
}
