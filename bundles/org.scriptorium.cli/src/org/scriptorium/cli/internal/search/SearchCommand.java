package org.scriptorium.cli.internal.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.scriptorium.cli.internal.CliCommand;
import org.scriptorium.cli.internal.CorpusOption;
import org.scriptorium.cli.internal.ExitCode;
import org.scriptorium.cli.internal.Failure;
import org.scriptorium.cli.internal.Json;
import org.scriptorium.cli.internal.PositiveInt;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.search.FacetCount;
import org.scriptorium.search.PaperSearchEngine;
import org.scriptorium.search.RankingSettings;
import org.scriptorium.search.SearchHit;
import org.scriptorium.search.SearchRequest;
import org.scriptorium.search.SearchResult;
import org.scriptorium.search.internal.eval.TrecRun;
import org.scriptorium.search.internal.index.DenseVectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scriptorium search [OPTIONS] QUERY...}: ranked papers of a corpus. */
@Command(name = "search", description = {"Search a corpus: ranked papers, explanations, facets.",
		"Searches a corpus through its Lucene index (built in a cache folder on first use, rebuilt when the corpus "
				+ "changes) and prints the ranked papers.",
		"QUERY is the search language of the Papers view: plain words must all match; title:, author:, abstract:, "
				+ "venue:, year:2022..2024, year:>=2023, \"phrases\", AND/OR/NOT, cites:PAPER, citedby:PAPER, "
				+ "related:PAPER. Words after -- are query words even if they look like options.",
		"FILE may also be a BEIR corpus.jsonl[.gz], told apart by content."})
public final class SearchCommand extends CliCommand {

	@Parameters(paramLabel = "QUERY", arity = "1..*", description = "The query (several words need no quotes).")
	List<String> words;

	@Mixin
	CorpusOption corpus;

	@Mixin
	RankingOptions ranking;

	@Mixin
	IndexOption index;

	@Option(names = "--limit", paramLabel = "N", converter = PositiveInt.class, defaultValue = "10", description = "Print the first N hits (default: ${DEFAULT-VALUE}).")
	int limit;

	@Option(names = "--explain", description = "Explain each hit's rank.")
	boolean explain;

	@Option(names = "--facets", description = "Also count all matches per year, venue and author.")
	boolean facets;

	@Option(names = "--json", description = "Print the result as JSON.")
	boolean json;

	@Option(names = "--run", paramLabel = "FILE", description = "Also write the hits as a TREC run file (qid Q0 "
			+ "docid rank score tag) for trec_eval, ir_measures or ranx.")
	Path run;

	@Option(names = "--qid", paramLabel = "ID", defaultValue = "1", description = "The run file's query id (default: "
			+ "${DEFAULT-VALUE}).")
	String qid;

	@Option(names = "--run-tag", paramLabel = "TAG", description = "The run file's last column (default: the ranker).")
	String runTag;

	@Override
	public Integer call() throws IOException {
		String query = String.join(" ", words);
		RankingSettings settings = ranking.settings();
		SearchRequest request = new SearchRequest(query, limit, settings, explain, true, facets);
		ICorpus c = corpus.corpusOrBeir();
		DenseVectors dense = Engines.dense(settings, ranking.vectorCache(), err());
		try (PaperSearchEngine engine = Engines.open(c, index.index, dense, ranking.vectorCache(), err())) {
			SearchResult r = engine.search(request);
			if (!r.ok()) {
				throw new Failure(ExitCode.BAD_QUERY, r.error().get().toString());
			}
			if (run != null) {
				writeRun(r, settings);
			}
			if (json) {
				Map<String, Object> o = new LinkedHashMap<>();
				o.put("query", query);
				o.put("ranker", request.ranking().ranker().name().toLowerCase(Locale.ROOT));
				o.put("total", r.totalHits());
				o.put("hits", r.hits());
				if (request.facets()) {
					o.put("facets", r.facets());
				}
				Json.print(out(), o);
				return ExitCode.OK;
			}
			for (SearchHit h : r.hits()) {
				out().printf(Locale.ROOT, "%2d  %8.4f  %s  %-24s  %s%n", h.rank(), h.score(),
						h.year() == null ? "    " : h.year(), h.paperId(), h.title());
				if (h.explanation() != null) {
					h.explanation().details().forEach(line -> out().println("      " + line));
				}
			}
			if (r.hits().isEmpty()) {
				err().println("no paper matches");
			}
			if (request.facets()) {
				printFacets(r);
			}
			return ExitCode.OK;
		}
	}

	private void writeRun(SearchResult r, RankingSettings settings) {
		try {
			TrecRun.writeHits(run, qid, r.hits(), runTag != null ? runTag : TrecRun.tagOf(settings.rankerSpec()));
		} catch (IllegalArgumentException e) {
			throw new Failure(ExitCode.INVALID_INPUT, e.getMessage());
		} catch (IOException e) {
			throw new Failure(ExitCode.IO_ERROR, "cannot write " + run + ": " + e.getMessage());
		}
		err().println("wrote " + r.hits().size() + " hits to " + run);
	}

	/** One line per facet: {@code year: 2024 (12), 2023 (8)}; the counts are over all matches, not only the hits shown. */
	private void printFacets(SearchResult r) {
		out().printf(Locale.ROOT, "%nfacets of the %d matches:%n", r.totalHits());
		r.facets().forEach((name, counts) -> {
			StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-7s", name + ":"));
			for (int i = 0; i < counts.size(); i++) {
				FacetCount c = counts.get(i);
				line.append(i == 0 ? " " : ", ").append(c.value()).append(" (").append(c.count()).append(')');
			}
			out().println(line);
		});
	}
}
