package org.scriptorium.search.internal.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.scriptorium.core.model.ICorpus;
import org.scriptorium.search.IndexMessages;
import org.scriptorium.search.ProgressMonitor;
import org.scriptorium.search.RankingSettings;
import org.scriptorium.search.internal.SearchCore;
import org.scriptorium.search.internal.index.DenseVectors;
import org.scriptorium.search.internal.SearchCore.ScoredId;
import org.scriptorium.search.internal.eval.BeirData.BeirQuery;

/**
 * Evaluates a ranker on BEIR data: every judged query is run as free text (Anserini's bag of words) for the top
 * 1000, a hit whose id equals the query id is dropped (as BEIR does), and the metrics are averaged over the queries
 * that have at least one relevant judgment and a text.
 */
public final class Evaluator {

	/** Depth of each run. */
	public static final int DEPTH = 1000;

	private Evaluator() {
	}

	/**
	 * The averaged metrics, how many queries they cover, each query's values and each query's run (in trec_eval's
	 * order, at most {@link #DEPTH} hits; both maps in query order, the same keys).
	 */
	public record Report(Metrics.Values mean, int queries, java.util.Map<String, Metrics.Values> perQuery,
			java.util.Map<String, List<ScoredId>> runs) {
	}

	public static Report evaluate(SearchCore core, List<BeirQuery> queries, Map<String, Map<String, Integer>> qrels,
			RankingSettings settings, ProgressMonitor monitor) throws IOException {
		return evaluate(core, queries, qrels, settings, monitor, null);
	}

	/** As above, the query vectors kept in {@code queryVectors} for the next ranking (see SearchCore). */
	private static Report evaluate(SearchCore core, List<BeirQuery> queries, Map<String, Map<String, Integer>> qrels,
			RankingSettings settings, ProgressMonitor monitor, Map<String, float[]> queryVectors) throws IOException {
		List<Metrics.Values> values = new ArrayList<>();
		java.util.Map<String, Metrics.Values> perQuery = new java.util.LinkedHashMap<>();
		java.util.Map<String, List<ScoredId>> runs = new java.util.LinkedHashMap<>();
		monitor.begin("Evaluating " + queries.size() + " queries", queries.size()); //$NON-NLS-1$ //$NON-NLS-2$
		for (BeirQuery q : queries) {
			if (monitor.isCanceled()) {
				throw new CancellationException("Evaluation canceled"); //$NON-NLS-1$
			}
			monitor.worked(1);
			Map<String, Integer> judged = qrels.get(q.id());
			if (!Metrics.hasRelevant(judged)) {
				continue;
			}
			List<ScoredId> run = new ArrayList<>(core.searchFreeText(q.text(), DEPTH + 1, settings, queryVectors));
			run.removeIf(h -> h.id().equals(q.id()));
			if (run.size() > DEPTH) {
				run = run.subList(0, DEPTH);
			}
			Metrics.Values v = Metrics.of(run, judged);
			values.add(v);
			perQuery.put(q.id(), v);
			runs.put(q.id(), List.copyOf(Metrics.trecOrder(run)));
		}
		return new Report(Metrics.mean(values), values.size(), java.util.Collections.unmodifiableMap(perQuery),
				java.util.Collections.unmodifiableMap(runs));
	}

	/** Indexes a corpus into {@code indexDir} and evaluates. */
	public static Report evaluate(ICorpus corpus, Path indexDir, List<BeirQuery> queries,
			Map<String, Map<String, Integer>> qrels, RankingSettings settings, IndexMessages messages)
			throws IOException {
		return evaluate(corpus, indexDir, DenseVectors.none(), queries, qrels, settings, messages,
				ProgressMonitor.NONE);
	}

	/** Indexes a corpus with the vectors of {@code dense} (embedding what is not cached yet) and evaluates. */
	public static Report evaluate(ICorpus corpus, Path indexDir, DenseVectors dense, List<BeirQuery> queries,
			Map<String, Map<String, Integer>> qrels, RankingSettings settings, IndexMessages messages,
			ProgressMonitor indexing) throws IOException {
		try (SearchCore core = SearchCore.open(corpus, indexDir, false, messages, dense, indexing)) {
			return evaluate(core, queries, qrels, settings, ProgressMonitor.NONE);
		}
	}

	/**
	 * Indexes a corpus with the vectors of {@code dense} once and evaluates each of several rankings on it (the
	 * reports in the order of {@code settings}); each query is embedded once per model, however many rankings use it.
	 */
	public static List<Report> evaluateAll(ICorpus corpus, Path indexDir, DenseVectors dense, List<BeirQuery> queries,
			Map<String, Map<String, Integer>> qrels, List<RankingSettings> settings, IndexMessages messages,
			ProgressMonitor indexing) throws IOException {
		List<Report> reports = new ArrayList<>();
		try (SearchCore core = SearchCore.open(corpus, indexDir, false, messages, dense, indexing)) {
			Map<String, float[]> queryVectors = new java.util.HashMap<>();
			for (RankingSettings s : settings) {
				reports.add(evaluate(core, queries, qrels, s, ProgressMonitor.NONE, queryVectors));
			}
		}
		return reports;
	}
}
