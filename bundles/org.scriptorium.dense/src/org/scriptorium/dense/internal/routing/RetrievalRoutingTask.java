package org.scriptorium.dense.internal.routing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.scriptorium.core.model.ICorpus;
import org.scriptorium.dense.DenseModels;
import org.scriptorium.sandbox.task.ExperimentTask;
import org.scriptorium.sandbox.task.TaskContext;
import org.scriptorium.sandbox.task.TaskInputException;
import org.scriptorium.search.ProgressMonitor;
import org.scriptorium.search.TextEncoder;
import org.scriptorium.search.VectorCache;
import org.scriptorium.search.internal.eval.BeirData;
import org.scriptorium.search.internal.eval.BeirData.BeirQuery;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The sandbox task {@code retrieval-routing} (issue 8): routing among retrieval experts on BEIR-format data,
 * registered in {@code META-INF/services/org.scriptorium.sandbox.task.ExperimentTask} and run in the sandbox's child
 * JVM. The task section (validated by the sandbox, see docs/experiment-format.md) names the data files, the experts,
 * the routers, the base encoder and the number of folds.
 * <p>
 * Final metrics: {@code test.ndcg10.<system>} and {@code test.recall100.<system>} for every expert and router,
 * {@code test.routingAccuracy.<router>}, {@code test.chosen.<router>.<expert>} (share of queries),
 * {@code test.queries}, {@code test.allTied}; with cross-validation {@code fold.ndcg10.<router>} per fold as metric
 * events. Artifacts: {@code systems.csv}, {@code chosen_experts.csv}, {@code per_query.csv}.
 */
public final class RetrievalRoutingTask implements ExperimentTask {

	@Override
	public String kind() {
		return "retrieval-routing";
	}

	@Override
	public Map<String, Double> run(TaskContext ctx) throws Exception {
		JsonObject t = ctx.task();
		Path dir = ctx.dataDirectory();
		List<String> experts = strings(t, "experts");
		List<String> routers = t.has("routers")
				? strings(t, "routers")
				: List.of("best-single", RoutingEvaluation.FUSION, "classifier", "pilot", "oracle");
		String baseId = t.has("baseEncoder") ? t.get("baseEncoder").getAsString() : DenseModels.MINILM;
		int folds = t.has("folds") ? t.get("folds").getAsInt() : 5;
		int rrfK = t.has("rrfK") ? t.get("rrfK").getAsInt() : 60;
		Path cacheDir = t.has("vectorCache")
				? dir.resolve(t.get("vectorCache").getAsString())
				: VectorCache.defaultDirectory();

		Map<String, TextEncoder> encoders = new LinkedHashMap<>();
		for (int i = 0; i < experts.size(); i++) {
			if (!experts.get(i).equals(ExpertRuns.BM25)) {
				encoders.put(experts.get(i), model("task.experts[" + i + "]", experts.get(i)));
			}
		}
		encoders.putIfAbsent(baseId, model("task.baseEncoder", baseId));

		Path corpusFile = file(dir, t, "corpus");
		Path queriesFile = file(dir, t, "queries");
		Path qrelsFile = file(dir, t, "qrels");
		boolean hasTest = t.has("testQueries");
		Path testQueriesFile = hasTest ? file(dir, t, "testQueries") : null;
		Path testQrelsFile = hasTest ? file(dir, t, "testQrels") : null;

		ICorpus corpus = read("task.corpus", corpusFile, () -> BeirData.corpus(corpusFile));
		List<BeirQuery> queries = read("task.queries", queriesFile, () -> BeirData.queries(queriesFile));
		Map<String, Map<String, Integer>> qrels = read("task.qrels", qrelsFile, () -> BeirData.qrels(qrelsFile));
		List<BeirQuery> testQueries = hasTest
				? read("task.testQueries", testQueriesFile, () -> BeirData.queries(testQueriesFile))
				: null;
		Map<String, Map<String, Integer>> testQrels = hasTest
				? read("task.testQrels", testQrelsFile, () -> BeirData.qrels(testQrelsFile))
				: null;
		ctx.log(String.format(Locale.ROOT, "%d documents, %d queries%s; experts %s; routers %s; base encoder %s; %s",
				corpus.size(), queries.size(), hasTest ? " + " + testQueries.size() + " test queries" : "", experts,
				routers, baseId, hasTest
						? "trained on the queries, scored on the test queries"
						: folds + "-fold cross-validation (seed " + ctx.seed() + ")"));

		int dense = (int) experts.stream().filter(e -> !e.equals(ExpertRuns.BM25)).count();
		long total = (long) corpus.size() * dense
				+ (long) (experts.size() + 1) * (queries.size() + (hasTest ? testQueries.size() : 0));
		Progress progress = new Progress(ctx, total);
		ExpertTable train;
		ExpertTable test;
		try (ExpertRuns runs = new ExpertRuns(corpus, experts, encoders, baseId, cacheDir, progress, ctx::log)) {
			train = runs.table(queries, qrels, progress);
			test = hasTest ? runs.table(testQueries, testQrels, progress) : null;
		}
		if (train.queryCount() == 0) {
			throw new TaskInputException("task.queries: none of the " + queries.size() + " queries of " + queriesFile
					+ " has a relevant judgment in " + qrelsFile);
		}
		RoutingEvaluation.Report report;
		if (hasTest) {
			if (test.queryCount() == 0) {
				throw new TaskInputException("task.testQueries: none of the " + testQueries.size() + " queries of "
						+ testQueriesFile + " has a relevant judgment in " + testQrelsFile);
			}
			report = RoutingEvaluation.trainTest(train, test, routers, rrfK);
		} else {
			if (train.queryCount() < folds) {
				throw new TaskInputException("task.folds: only " + train.queryCount() + " judged queries for " + folds
						+ " folds");
			}
			report = RoutingEvaluation.crossValidate(train, routers, folds, ctx.seed(), rrfK,
					(f, r, v) -> ctx.metric("fold.ndcg10." + r, f + 1, v));
		}
		ctx.artifact("systems.csv", "text/csv", RoutingReport.systemsCsv(report));
		ctx.artifact("chosen_experts.csv", "text/csv", RoutingReport.chosenCsv(report));
		ctx.artifact("per_query.csv", "text/csv", RoutingReport.perQueryCsv(hasTest ? test : train, report));
		ctx.log(RoutingReport.table(report));
		return RoutingReport.metrics(report);
	}

	/** {@code $XDG_CACHE_HOME/scriptorium/vectors}, else {@code ~/.cache/scriptorium/vectors} (as the search CLI). */
	private static TextEncoder model(String field, String id) throws TaskInputException {
		return DenseModels.get(id).orElseThrow(() -> new TaskInputException(field + ": no bundled model \"" + id
				+ "\"; known: " + ExpertRuns.BM25 + " (experts only), "
				+ String.join(", ", DenseModels.all().stream().map(TextEncoder::id).toList())));
	}

	private static Path file(Path dir, JsonObject t, String field) throws TaskInputException {
		Path p = dir.resolve(t.get(field).getAsString()).normalize();
		if (!Files.isRegularFile(p)) {
			throw new TaskInputException("task." + field + ": no such file " + p
					+ (t.has("dataDir") ? "" : " (relative paths are resolved against task.dataDir)"));
		}
		return p;
	}

	private interface Reader<T> {
		T read() throws IOException;
	}

	private static <T> T read(String field, Path file, Reader<T> reader) throws TaskInputException {
		try {
			return reader.read();
		} catch (BeirData.FormatException e) {
			throw new TaskInputException(field + ": " + e.getMessage(), e);
		} catch (IOException e) {
			throw new TaskInputException(field + ": cannot read " + file + ": " + e.getMessage(), e);
		}
	}

	private static List<String> strings(JsonObject t, String field) {
		List<String> out = new ArrayList<>();
		for (JsonElement e : t.getAsJsonArray(field)) {
			out.add(e.getAsString());
		}
		return out;
	}

	/** Progress of the whole task as protocol progress events; cancellation from the sandbox. */
	private static final class Progress implements ProgressMonitor {
		private final TaskContext ctx;
		private final long total;
		private long done;
		private long reported = -1;

		Progress(TaskContext ctx, long total) {
			this.ctx = ctx;
			this.total = Math.max(1, total);
		}

		@Override
		public synchronized void worked(int units) {
			done = Math.min(total, done + units);
			long percent = done * 100 / total;
			if (percent != reported) {
				reported = percent;
				ctx.progress(done, total);
			}
		}

		@Override
		public boolean isCanceled() {
			return ctx.cancelled();
		}
	}
}
