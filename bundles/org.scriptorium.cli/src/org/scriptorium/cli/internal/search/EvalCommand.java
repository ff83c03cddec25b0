package org.scriptorium.cli.internal.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.scriptorium.cli.internal.CliCommand;
import org.scriptorium.cli.internal.CorpusOption;
import org.scriptorium.cli.internal.ExitCode;
import org.scriptorium.cli.internal.Failure;
import org.scriptorium.cli.internal.Json;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.search.RankingSettings;
import org.scriptorium.search.internal.eval.BeirData;
import org.scriptorium.search.internal.eval.Evaluator;
import org.scriptorium.search.internal.eval.Metrics;
import org.scriptorium.search.internal.index.DenseVectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code scriptorium eval --corpus default|FILE --queries Q --qrels R [OPTIONS]}: a ranking's quality. */
@Command(name = "eval", description = {"Evaluate a ranking on BEIR-format queries and judgments.",
		"Evaluates a ranking on BEIR-format data: nDCG@10, recall@100, recall@1000 and MRR@10 over the judged "
				+ "queries (figures in docs/QUALITY.md).",
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

	@Override
	public Integer call() throws IOException {
		if (!corpus.given()) {
			throw usage("--corpus is required (default or FILE)");
		}
		ICorpus c = corpus.corpusOrBeir();
		RankingSettings settings = ranking.settings();
		var queryList = BeirData.queries(existing(queries));
		var judgments = BeirData.qrels(existing(qrels));
		DenseVectors dense = Engines.dense(settings, ranking.vectorCache(), err());
		Evaluator.Report report = Evaluator.evaluate(c, Engines.indexDir(index.index, c, dense), dense, queryList,
				judgments, settings, err()::println, new ConsoleProgress(err()));
		Metrics.Values m = report.mean();
		if (json) {
			Map<String, Object> o = new LinkedHashMap<>();
			o.put("ranker", settings.rankerSpec());
			o.put("settings", settings);
			o.put("queries", report.queries());
			o.put("ndcg@10", m.ndcg10());
			o.put("recall@100", m.recall100());
			o.put("recall@1000", m.recall1000());
			o.put("mrr@10", m.mrr10());
			if (perQuery) {
				o.put("perQuery", report.perQuery());
			}
			Json.print(out(), o);
			return ExitCode.OK;
		}
		out().printf(Locale.ROOT, "ranker %s%s, k1 %.2f, b %.2f, %d queries%n", settings.rankerSpec(),
				settings.multifield() ? " multifield" : " flat", settings.k1(), settings.b(), report.queries());
		out().printf(Locale.ROOT, "nDCG@10      %.4f%nR@100        %.4f%nR@1000       %.4f%nMRR@10       %.4f%n",
				m.ndcg10(), m.recall100(), m.recall1000(), m.mrr10());
		if (perQuery) {
			report.perQuery().forEach((id, v) -> out().printf(Locale.ROOT,
					"%-12s nDCG@10 %.4f  R@100 %.4f  R@1000 %.4f  MRR@10 %.4f%n", id, v.ndcg10(), v.recall100(),
					v.recall1000(), v.mrr10()));
		}
		return ExitCode.OK;
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
