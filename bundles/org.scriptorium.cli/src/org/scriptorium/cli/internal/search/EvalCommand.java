package org.scriptorium.cli.internal.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.scriptorium.cli.internal.CliCommand;
import org.scriptorium.cli.internal.CorpusOption;
import org.scriptorium.cli.internal.ExitCode;
import org.scriptorium.cli.internal.Failure;
import org.scriptorium.cli.internal.Json;
import org.scriptorium.core.io.AtomicFile;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.search.RankingSettings;
import org.scriptorium.search.internal.eval.Agreement;
import org.scriptorium.search.internal.eval.BeirData;
import org.scriptorium.search.internal.eval.CrossValidation;
import org.scriptorium.search.internal.eval.Evaluator;
import org.scriptorium.search.internal.eval.Metrics;
import org.scriptorium.search.internal.eval.QueryFeatures;
import org.scriptorium.search.internal.eval.Significance;
import org.scriptorium.search.internal.eval.TrecRun;
import org.scriptorium.search.internal.index.DenseVectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code scriptorium eval --corpus default|FILE --queries Q --qrels R [OPTIONS]}: a ranking's quality. */
@Command(name = "eval", description = {"Evaluate a ranking on BEIR-format queries and judgments.",
		"Evaluates a ranking on BEIR-format data: nDCG@10, recall@100, recall@1000 and MRR@10 over the judged "
				+ "queries, each with its 95% bootstrap confidence interval (figures in docs/QUALITY.md).",
		"--run writes the ranking as a TREC run file (qid Q0 docid rank score tag) for trec_eval, ir_measures or ranx; "
				+ "--compare A B ranks with both rankers and prints the per-query differences, the paired "
				+ "randomization test's and the paired t-test's p-values.",
		"FILE may be a BEIR corpus.jsonl[.gz] or a Scriptorium corpus file, told apart by content."})
public final class EvalCommand extends CliCommand {

	@Mixin
	CorpusOption corpus;

	@Option(names = "--queries", required = true, paramLabel = "QUERIES.jsonl", description = "The queries (BEIR).")
	Path queries;

	@Option(names = "--qrels", required = true, paramLabel = "QRELS.tsv", description = "The relevance judgments (BEIR).")
	Path qrels;

	@Mixin
	RankingOptions ranking;

	@Mixin
	IndexOption index;

	@Option(names = "--per-query", description = "Also print each query's figures.")
	boolean perQuery;

	@Option(names = "--json", description = "Print the result as JSON.")
	boolean json;

	@Option(names = "--run", paramLabel = "FILE", description = "Also write the ranking (depth 1000) as a TREC run "
			+ "file.")
	Path run;

	@Option(names = "--run-tag", paramLabel = "TAG", description = "The run file's last column (default: the ranker).")
	String runTag;

	@Option(names = "--compare", arity = "2", paramLabel = "RANKER", description = "Compare two rankers (see "
			+ "--ranker) on the same queries: per-query differences and paired significance tests.")
	List<String> compare;

	@Option(names = "--cv", paramLabel = "K", description = "K-fold cross-validation of the choice among the rankers "
			+ "of --grid: each fold is scored with the ranker best on the other folds.")
	Integer cv;

	@Option(names = "--grid", arity = "1..*", paramLabel = "RANKER", description = "The rankers --cv chooses among "
			+ "(e.g. convex:bge-small@0.5 convex:bge-small@0.7 rrf:bge-small).")
	List<String> grid;

	@Option(names = "--metric", paramLabel = "METRIC", defaultValue = "ndcg@10", description = "The metric --compare "
			+ "tests and --cv chooses by: ndcg@10 (default), recall@100, recall@1000 or mrr@10.")
	String metric;

	@Option(names = "--adapt", paramLabel = "FEATURE", description = "With --cv: choose the ranker per query by a "
			+ "query feature (length: its words; margin: BM25's first-hit lead, needs bm25 in --grid; agreement: "
			+ "top-10 overlap of bm25 and the grid's first dense:MODEL), the mapping fitted on the training folds.")
	String adapt;

	@Option(names = "--baseline", paramLabel = "RANKER", description = "With --cv: test the cross-validated "
			+ "choice against this ranker of --grid on the same queries (paired randomization test and t-test).")
	String baseline;

	@Option(names = "--agreement", paramLabel = "QRELS2.tsv", description = "Compare the judgments of --qrels with "
			+ "a second judge's of the same pairs: exact agreement, Cohen's kappa (unweighted, linearly and "
			+ "quadratically weighted) and the binary kappa of relevant against not; ranks nothing.")
	Path agreement;

	@Option(names = "--agreed-qrels", paramLabel = "FILE", description = "With --agreement: also write the judgments "
			+ "both judges agree on (BEIR qrels) for scoring rankers on them.")
	Path agreedQrels;

	@Option(names = "--seed", paramLabel = "N", defaultValue = "" + Significance.SEED, description = "The seed of the "
			+ "randomization test and the bootstrap (default: ${DEFAULT-VALUE}).")
	long seed;

	@Override
	public Integer call() throws IOException {
		if (agreedQrels != null && agreement == null) {
			throw usage("--agreed-qrels goes with --agreement");
		}
		if (agreement != null) {
			if (compare != null || cv != null || run != null || ranking.ranker != null) {
				throw usage("--agreement compares two judgment files and ranks nothing; leave out --ranker, "
						+ "--compare, --cv and --run");
			}
			return printAgreement();
		}
		if (!corpus.given()) {
			throw usage("--corpus is required (default or FILE)");
		}
		if (compare != null && ranking.ranker != null) {
			throw usage("--compare names both rankers; leave out --ranker");
		}
		if (compare != null && run != null) {
			throw usage("--run writes one ranker's run; use it with --ranker, not --compare");
		}
		if ((cv == null) != (grid == null)) {
			throw usage("--cv K and --grid RANKER... go together");
		}
		if (cv != null && (compare != null || ranking.ranker != null || run != null)) {
			throw usage("--cv chooses among the rankers of --grid; leave out --ranker, --compare and --run");
		}
		if (adapt != null && cv == null) {
			throw usage("--adapt goes with --cv and --grid");
		}
		if (baseline != null && cv == null) {
			throw usage("--baseline goes with --cv and --grid");
		}
		if (cv != null && (cv < 2 || grid.isEmpty())) {
			throw usage("--cv needs at least 2 folds and --grid at least one ranker");
		}
		ToDoubleFunction<Metrics.Values> measure = metric(metric);
		List<RankingSettings> settings = new ArrayList<>();
		if (grid != null) {
			grid.forEach(spec -> settings.add(ranking.settings(spec)));
			if (baseline != null && baselineIndex(settings) < 0) {
				throw usage("--baseline " + baseline + " is not one of the rankers of --grid");
			}
		} else if (compare == null) {
			settings.add(ranking.settings());
		} else {
			compare.forEach(spec -> settings.add(ranking.settings(spec)));
		}
		ICorpus c = corpus.corpusOrBeir();
		var queryList = BeirData.queries(existing(queries));
		var judgments = BeirData.qrels(existing(qrels));
		DenseVectors dense = Engines.dense(settings, ranking.vectorCache(), err());
		List<Evaluator.Report> reports = Evaluator.evaluateAll(c, Engines.indexDir(index.index, c, dense), dense,
				queryList, judgments, settings, err()::println, new ConsoleProgress(err()));
		if (compare != null) {
			return printComparison(settings, reports, measure);
		}
		if (cv != null) {
			return printCrossValidation(settings, reports, measure);
		}
		RankingSettings s = settings.get(0);
		Evaluator.Report report = reports.get(0);
		if (run != null) {
			writeRun(report, runTag != null ? runTag : TrecRun.tagOf(s.rankerSpec()));
		}
		Metrics.Values m = report.mean();
		Map<String, double[]> ci = intervals(report);
		if (json) {
			Map<String, Object> o = new LinkedHashMap<>();
			o.put("ranker", s.rankerSpec());
			o.put("settings", s);
			o.put("queries", report.queries());
			o.put("ndcg@10", m.ndcg10());
			o.put("recall@100", m.recall100());
			o.put("recall@1000", m.recall1000());
			o.put("mrr@10", m.mrr10());
			o.put("ci95", ci);
			if (perQuery) {
				o.put("perQuery", report.perQuery());
			}
			Json.print(out(), o);
			return ExitCode.OK;
		}
		out().printf(Locale.ROOT, "ranker %s%s, k1 %.2f, b %.2f, %d queries%n", s.rankerSpec(),
				s.multifield() ? " multifield" : " flat", s.k1(), s.b(), report.queries());
		printMetric("nDCG@10", m.ndcg10(), ci.get("ndcg@10"));
		printMetric("R@100", m.recall100(), ci.get("recall@100"));
		printMetric("R@1000", m.recall1000(), ci.get("recall@1000"));
		printMetric("MRR@10", m.mrr10(), ci.get("mrr@10"));
		if (perQuery) {
			report.perQuery().forEach((id, v) -> out().printf(Locale.ROOT,
					"%-12s nDCG@10 %.4f  R@100 %.4f  R@1000 %.4f  MRR@10 %.4f%n", id, v.ndcg10(), v.recall100(),
					v.recall1000(), v.mrr10()));
		}
		return ExitCode.OK;
	}

	/** Agreement of the judgments of --qrels (judge A) and --agreement (judge B). */
	private int printAgreement() throws IOException {
		var a = BeirData.qrels(existing(qrels));
		var b = BeirData.qrels(existing(agreement));
		Agreement g = Agreement.of(a, b);
		if (g.pairs() == 0) {
			throw new Failure(ExitCode.INVALID_INPUT, qrels + " and " + agreement + " have no (query, document) pair "
					+ "in common");
		}
		if (agreedQrels != null) {
			var agreed = Agreement.agreed(a, b);
			StringBuilder text = new StringBuilder("query-id\tcorpus-id\tscore\n");
			agreed.forEach((q, docs) -> docs.forEach((d, grade) -> text.append(q).append('\t').append(d).append('\t')
					.append(grade).append('\n')));
			try {
				AtomicFile.write(agreedQrels, text.toString());
			} catch (IOException e) {
				throw new Failure(ExitCode.IO_ERROR, "cannot write " + agreedQrels + ": " + e.getMessage());
			}
			err().println("wrote the " + agreed.values().stream().mapToInt(Map::size).sum()
					+ " agreed judgments to " + agreedQrels);
		}
		if (json) {
			Map<String, Object> o = new LinkedHashMap<>();
			o.put("pairs", g.pairs());
			o.put("onlyA", g.onlyA());
			o.put("onlyB", g.onlyB());
			o.put("grades", g.grades());
			o.put("confusion", g.confusion());
			o.put("exact", g.exact());
			o.put("kappa", g.kappa());
			o.put("linearKappa", g.linear());
			o.put("quadraticKappa", g.quadratic());
			o.put("binaryKappa", g.binary());
			Json.print(out(), o);
			return ExitCode.OK;
		}
		out().printf(Locale.ROOT, "%d pairs graded by both (A = %s, B = %s); only A %d, only B %d%n", g.pairs(),
				qrels, agreement, g.onlyA(), g.onlyB());
		out().printf(Locale.ROOT, "exact agreement %.1f%%%n", 100 * g.exact());
		out().printf(Locale.ROOT, "Cohen's kappa %.3f, linearly weighted %.3f, quadratically weighted %.3f%n",
				g.kappa(), g.linear(), g.quadratic());
		out().printf(Locale.ROOT, "binary kappa (grade > 0) %.3f%n", g.binary());
		out().print("A \\ B");
		for (int grade : g.grades()) {
			out().printf(Locale.ROOT, "%7d", grade);
		}
		out().println();
		for (int i = 0; i < g.grades().length; i++) {
			out().printf(Locale.ROOT, "%-5d", g.grades()[i]);
			for (long count : g.confusion()[i]) {
				out().printf(Locale.ROOT, "%7d", count);
			}
			out().println();
		}
		return ExitCode.OK;
	}

	private void printMetric(String name, double mean, double[] ci) {
		out().printf(Locale.ROOT, "%-12s %.4f  95%% CI [%.4f, %.4f]%n", name, mean, ci[0], ci[1]);
	}

	/** The 95 % bootstrap interval of each metric's mean (resampling queries, seeded). */
	private Map<String, double[]> intervals(Evaluator.Report report) {
		Map<String, double[]> ci = new LinkedHashMap<>();
		for (String name : METRICS) {
			double[] v = report.perQuery().values().stream().mapToDouble(metric(name)).toArray();
			ci.put(name, Significance.bootstrapCi(v, 0.95, Significance.RESAMPLES, seed));
		}
		return ci;
	}

	private static final List<String> METRICS = List.of("ndcg@10", "recall@100", "recall@1000", "mrr@10");

	private static ToDoubleFunction<Metrics.Values> metric(String name) {
		return switch (name.toLowerCase(Locale.ROOT)) {
			case "ndcg@10" -> Metrics.Values::ndcg10;
			case "recall@100", "r@100" -> Metrics.Values::recall100;
			case "recall@1000", "r@1000" -> Metrics.Values::recall1000;
			case "mrr@10" -> Metrics.Values::mrr10;
			default -> throw new Failure(ExitCode.USAGE,
					"unknown metric '" + name + "' (expected one of " + String.join(", ", METRICS) + ")");
		};
	}

	private void writeRun(Evaluator.Report report, String tag) throws IOException {
		try {
			TrecRun.write(run, report.runs(), tag);
		} catch (IllegalArgumentException e) {
			throw new Failure(ExitCode.INVALID_INPUT, e.getMessage());
		} catch (IOException e) {
			throw new Failure(ExitCode.IO_ERROR, "cannot write " + run + ": " + e.getMessage());
		}
		err().println("wrote " + report.runs().size() + " queries' runs to " + run);
	}

	/** Per-query values of both rankers, their differences, and the paired tests. */
	private int printComparison(List<RankingSettings> settings, List<Evaluator.Report> reports,
			ToDoubleFunction<Metrics.Values> measure) {
		Evaluator.Report ra = reports.get(0), rb = reports.get(1);
		List<String> ids = List.copyOf(ra.perQuery().keySet());
		double[] a = ids.stream().mapToDouble(id -> measure.applyAsDouble(ra.perQuery().get(id))).toArray();
		double[] b = ids.stream().mapToDouble(id -> measure.applyAsDouble(rb.perQuery().get(id))).toArray();
		double meanA = mean(a), meanB = mean(b);
		double pRand = Significance.randomizationP(b, a, Significance.TRIALS, seed);
		double pT = Significance.pairedTTestP(b, a);
		double[] delta = new double[a.length];
		int wins = 0, losses = 0;
		for (int i = 0; i < a.length; i++) {
			delta[i] = b[i] - a[i];
			wins += delta[i] > 1e-12 ? 1 : 0;
			losses += delta[i] < -1e-12 ? 1 : 0;
		}
		double[] ciDelta = Significance.bootstrapCi(delta, 0.95, Significance.RESAMPLES, seed);
		String nameA = settings.get(0).rankerSpec(), nameB = settings.get(1).rankerSpec();
		if (json) {
			Map<String, Object> o = new LinkedHashMap<>();
			o.put("metric", metric.toLowerCase(Locale.ROOT));
			o.put("a", nameA);
			o.put("b", nameB);
			o.put("queries", ids.size());
			o.put("meanA", meanA);
			o.put("meanB", meanB);
			o.put("delta", meanB - meanA);
			o.put("deltaCi95", ciDelta);
			o.put("wins", wins);
			o.put("losses", losses);
			o.put("ties", ids.size() - wins - losses);
			o.put("randomizationP", pRand);
			o.put("tTestP", pT);
			o.put("trials", Significance.TRIALS);
			o.put("seed", seed);
			List<Map<String, Object>> rows = new ArrayList<>();
			for (int i = 0; i < ids.size(); i++) {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("query", ids.get(i));
				row.put("a", a[i]);
				row.put("b", b[i]);
				row.put("delta", delta[i]);
				rows.add(row);
			}
			o.put("perQuery", rows);
			Json.print(out(), o);
			return ExitCode.OK;
		}
		out().printf(Locale.ROOT, "%s: A = %s, B = %s, %d queries%n", metric, nameA, nameB, ids.size());
		out().printf(Locale.ROOT, "%-12s %8s %8s %8s%n", "query", "A", "B", "B - A");
		for (int i = 0; i < ids.size(); i++) {
			out().printf(Locale.ROOT, "%-12s %8.4f %8.4f %+8.4f%n", ids.get(i), a[i], b[i], delta[i]);
		}
		out().printf(Locale.ROOT, "%-12s %8.4f %8.4f %+8.4f%n", "mean", meanA, meanB, meanB - meanA);
		out().printf(Locale.ROOT, "B - A 95%% CI [%+.4f, %+.4f]; B better on %d, worse on %d, tied on %d queries%n",
				ciDelta[0], ciDelta[1], wins, losses, ids.size() - wins - losses);
		out().printf(Locale.ROOT, "paired randomization test p = %.4f (%d trials, seed %d)%n", pRand,
				Significance.TRIALS, seed);
		out().printf(Locale.ROOT, "paired t-test p = %.4f%n", pT);
		return ExitCode.OK;
	}

	/** Each grid ranker's figure on all queries, the folds' choices and the cross-validated figure. */
	private int printCrossValidation(List<RankingSettings> settings, List<Evaluator.Report> reports,
			ToDoubleFunction<Metrics.Values> measure) throws IOException {
		List<String> ids = List.copyOf(reports.get(0).perQuery().keySet());
		if (cv > ids.size()) {
			throw usage("--cv " + cv + " needs at least " + cv + " judged queries; there are " + ids.size());
		}
		List<Map<String, Double>> values = new ArrayList<>();
		for (Evaluator.Report r : reports) {
			Map<String, Double> v = new LinkedHashMap<>();
			ids.forEach(id -> v.put(id, measure.applyAsDouble(r.perQuery().get(id))));
			values.add(v);
		}
		if (adapt != null) {
			return printAdaptive(settings, reports, ids, values);
		}
		CrossValidation.Result result = CrossValidation.run(ids, values, cv, seed);
		double[] held = result.heldOut().values().stream().mapToDouble(Double::doubleValue).toArray();
		double[] ci = Significance.bootstrapCi(held, 0.95, Significance.RESAMPLES, seed);
		if (json) {
			Map<String, Object> o = new LinkedHashMap<>();
			o.put("metric", metric.toLowerCase(Locale.ROOT));
			o.put("folds", cv);
			o.put("seed", seed);
			o.put("queries", ids.size());
			List<Map<String, Object>> rows = new ArrayList<>();
			for (int i = 0; i < settings.size(); i++) {
				double[] v = values.get(i).values().stream().mapToDouble(Double::doubleValue).toArray();
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("ranker", settings.get(i).rankerSpec());
				row.put("mean", mean(v));
				row.put("ci95", Significance.bootstrapCi(v, 0.95, Significance.RESAMPLES, seed));
				rows.add(row);
			}
			o.put("grid", rows);
			List<Map<String, Object>> folds = new ArrayList<>();
			for (CrossValidation.Fold f : result.folds()) {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("queries", f.queries().size());
				row.put("chosen", settings.get(f.chosen()).rankerSpec());
				row.put("trainMean", f.trainMean());
				row.put("heldOutMean", f.heldOutMean());
				folds.add(row);
			}
			o.put("cv", folds);
			o.put("cvMean", result.mean());
			o.put("cvCi95", ci);
			o.putAll(versusBaseline(settings, ids, values, result));
			Json.print(out(), o);
			return ExitCode.OK;
		}
		out().printf(Locale.ROOT, "%d-fold cross-validation of %d rankers on %d queries (%s, seed %d)%n", cv,
				settings.size(), ids.size(), metric, seed);
		for (int i = 0; i < settings.size(); i++) {
			double[] v = values.get(i).values().stream().mapToDouble(Double::doubleValue).toArray();
			double[] c = Significance.bootstrapCi(v, 0.95, Significance.RESAMPLES, seed);
			out().printf(Locale.ROOT, "  %-40s %.4f  95%% CI [%.4f, %.4f]  (all queries)%n",
					settings.get(i).rankerSpec(), mean(v), c[0], c[1]);
		}
		int f = 0;
		for (CrossValidation.Fold fold : result.folds()) {
			out().printf(Locale.ROOT, "fold %d: %d queries, chose %s (%.4f on the other folds), held out %.4f%n",
					++f, fold.queries().size(), settings.get(fold.chosen()).rankerSpec(), fold.trainMean(),
					fold.heldOutMean());
		}
		out().printf(Locale.ROOT, "cross-validated %s %.4f  95%% CI [%.4f, %.4f]%n", metric, result.mean(), ci[0],
				ci[1]);
		printVersusBaseline(settings, ids, values, result);
		return ExitCode.OK;
	}

	/** The grid index of --baseline (compared by its normalised spec), or -1. */
	private int baselineIndex(List<RankingSettings> settings) {
		String spec = ranking.settings(baseline).rankerSpec();
		for (int i = 0; i < settings.size(); i++) {
			if (settings.get(i).rankerSpec().equals(spec)) {
				return i;
			}
		}
		return -1;
	}

	/** The cross-validated held-out values against --baseline's on the same queries (empty without it). */
	private Map<String, Object> versusBaseline(List<RankingSettings> settings, List<String> ids,
			List<Map<String, Double>> values, CrossValidation.Result result) {
		Map<String, Object> o = new LinkedHashMap<>();
		if (baseline == null) {
			return o;
		}
		int b = baselineIndex(settings);
		double[] base = ids.stream().mapToDouble(values.get(b)::get).toArray();
		double[] held = ids.stream().mapToDouble(result.heldOut()::get).toArray();
		o.put("baseline", settings.get(b).rankerSpec());
		o.put("baselineMean", mean(base));
		o.put("deltaVsBaseline", mean(held) - mean(base));
		o.put("randomizationPVsBaseline", Significance.randomizationP(held, base, Significance.TRIALS, seed));
		o.put("tTestPVsBaseline", Significance.pairedTTestP(held, base));
		return o;
	}

	private void printVersusBaseline(List<RankingSettings> settings, List<String> ids, List<Map<String, Double>> values,
			CrossValidation.Result result) {
		Map<String, Object> v = versusBaseline(settings, ids, values, result);
		if (!v.isEmpty()) {
			out().printf(Locale.ROOT, "versus the baseline %s (%.4f on the same queries): %+.4f, paired randomization "
					+ "test p = %.4f, paired t-test p = %.4f%n", v.get("baseline"), v.get("baselineMean"),
					v.get("deltaVsBaseline"), v.get("randomizationPVsBaseline"), v.get("tTestPVsBaseline"));
		}
	}

	/** Nested cross-validation of a per-query choice among the grid by a query feature (--adapt). */
	private int printAdaptive(List<RankingSettings> settings, List<Evaluator.Report> reports, List<String> ids,
			List<Map<String, Double>> values) throws IOException {
		Map<String, Double> feature = new LinkedHashMap<>();
		String name = adapt.toLowerCase(Locale.ROOT);
		int bm25 = -1, dense = -1;
		for (int i = 0; i < settings.size(); i++) {
			String spec = settings.get(i).rankerSpec();
			bm25 = bm25 < 0 && spec.equals("bm25") ? i : bm25;
			dense = dense < 0 && spec.startsWith("dense:") ? i : dense;
		}
		switch (name) {
			case "length" -> {
				Map<String, String> text = new LinkedHashMap<>();
				BeirData.queries(existing(queries)).forEach(q -> text.put(q.id(), q.text()));
				ids.forEach(id -> feature.put(id, QueryFeatures.length(text.get(id))));
			}
			case "margin" -> {
				if (bm25 < 0) {
					throw usage("--adapt margin needs bm25 in --grid");
				}
				var runs = reports.get(bm25).runs();
				ids.forEach(id -> feature.put(id, QueryFeatures.margin(runs.get(id))));
			}
			case "agreement" -> {
				if (bm25 < 0 || dense < 0) {
					throw usage("--adapt agreement needs bm25 and a dense:MODEL in --grid");
				}
				var a = reports.get(bm25).runs();
				var b = reports.get(dense).runs();
				ids.forEach(id -> feature.put(id, QueryFeatures.agreement(a.get(id), b.get(id))));
			}
			default -> throw usage("unknown --adapt feature '" + adapt + "' (expected length, margin or agreement)");
		}
		CrossValidation.Result result = CrossValidation.adaptive(ids, values, feature, cv, seed);
		double[] held = result.heldOut().values().stream().mapToDouble(Double::doubleValue).toArray();
		double[] ci = Significance.bootstrapCi(held, 0.95, Significance.RESAMPLES, seed);
		CrossValidation.Result fixed = CrossValidation.run(ids, values, cv, seed);
		double[] fixedHeld = ids.stream().mapToDouble(fixed.heldOut()::get).toArray();
		double[] heldInOrder = ids.stream().mapToDouble(result.heldOut()::get).toArray();
		double pRand = Significance.randomizationP(heldInOrder, fixedHeld, Significance.TRIALS, seed);
		if (json) {
			Map<String, Object> o = new LinkedHashMap<>();
			o.put("metric", metric.toLowerCase(Locale.ROOT));
			o.put("feature", name);
			o.put("folds", cv);
			o.put("seed", seed);
			o.put("queries", ids.size());
			List<Map<String, Object>> folds = new ArrayList<>();
			for (CrossValidation.Fold f : result.folds()) {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("queries", f.queries().size());
				row.put("threshold", Double.isInfinite(f.mapping().threshold()) ? null : f.mapping().threshold());
				row.put("below", settings.get(f.mapping().low()).rankerSpec());
				row.put("atOrAbove", settings.get(f.mapping().high()).rankerSpec());
				row.put("trainMean", f.trainMean());
				row.put("heldOutMean", f.heldOutMean());
				folds.add(row);
			}
			o.put("cv", folds);
			o.put("cvMean", result.mean());
			o.put("cvCi95", ci);
			o.put("fixedCvMean", fixed.mean());
			o.put("randomizationPVsFixed", pRand);
			o.putAll(versusBaseline(settings, ids, values, result));
			Json.print(out(), o);
			return ExitCode.OK;
		}
		out().printf(Locale.ROOT, "%d-fold nested cross-validation of a per-query choice among %d rankers by %s on %d "
				+ "queries (%s, seed %d)%n", cv, settings.size(), name, ids.size(), metric, seed);
		int f = 0;
		for (CrossValidation.Fold fold : result.folds()) {
			CrossValidation.Mapping m = fold.mapping();
			String choice = Double.isInfinite(m.threshold()) || m.low() == m.high()
					? settings.get(m.low()).rankerSpec()
					: String.format(Locale.ROOT, "%s if %s < %.4g, else %s", settings.get(m.low()).rankerSpec(), name,
							m.threshold(), settings.get(m.high()).rankerSpec());
			out().printf(Locale.ROOT, "fold %d: %d queries, chose %s (%.4f on the other folds), held out %.4f%n", ++f,
					fold.queries().size(), choice, fold.trainMean(), fold.heldOutMean());
		}
		out().printf(Locale.ROOT, "cross-validated %s %.4f  95%% CI [%.4f, %.4f]%n", metric, result.mean(), ci[0],
				ci[1]);
		out().printf(Locale.ROOT, "the same folds choosing one ranker for all queries: %.4f; per-query choice vs that: "
				+ "%+.4f, paired randomization test p = %.4f%n", fixed.mean(), result.mean() - fixed.mean(), pRand);
		printVersusBaseline(settings, ids, values, result);
		return ExitCode.OK;
	}

	private static double mean(double[] v) {
		double s = 0;
		for (double x : v) {
			s += x;
		}
		return v.length == 0 ? 0 : s / v.length;
	}

	private static Path existing(Path file) {
		if (Files.isDirectory(file)) {
			throw new Failure(ExitCode.INVALID_INPUT, file + " is a folder: give the file itself");
		}
		if (!Files.isRegularFile(file)) {
			throw new Failure(ExitCode.INVALID_INPUT, "no such file: " + file);
		}
		if (!Files.isReadable(file)) {
			throw new Failure(ExitCode.INVALID_INPUT, "cannot read " + file);
		}
		return file;
	}
}
