package org.scriptorium.cli.internal.search;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.scriptorium.cli.internal.CliCommand;
import org.scriptorium.cli.internal.CorpusOption;
import org.scriptorium.cli.internal.ExitCode;
import org.scriptorium.cli.internal.Failure;
import org.scriptorium.cli.internal.Json;
import org.scriptorium.cli.internal.PositiveInt;
import org.scriptorium.search.PaperSearchEngine;
import org.scriptorium.search.RelatedPaper;
import org.scriptorium.search.VectorCache;
import org.scriptorium.search.internal.index.DenseVectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scriptorium related [OPTIONS] PAPER}: papers related to a paper. */
@Command(name = "related", description = {"Papers related to a paper (co-citation, coupling, similar text).",
		"Papers related to PAPER: co-cited, bibliographically coupled and with similar text, each with its reasons. "
				+ "PAPER is a paper id or a citation such as \"Dai et al., 2024\"."})
public final class RelatedCommand extends CliCommand {

	@Parameters(paramLabel = "PAPER", arity = "1..*", description = "The paper (several words need no quotes).")
	List<String> words;

	@Mixin
	CorpusOption corpus;

	@Mixin
	IndexOption index;

	@Option(names = "--limit", paramLabel = "N", converter = PositiveInt.class, defaultValue = "10", description = "Print the first N papers (default: ${DEFAULT-VALUE}).")
	int limit;

	@Option(names = "--json", description = "Print the result as JSON.")
	boolean json;

	@Override
	public Integer call() throws IOException {
		String paper = String.join(" ", words);
		try (PaperSearchEngine engine = Engines.open(corpus.corpusOrBeir(), index.index, DenseVectors.none(),
				VectorCache.defaultDirectory(), err())) {
			List<RelatedPaper> related = engine.related(paper, limit).orElseThrow(
					() -> new Failure(ExitCode.NO_SUCH_PAPER, "no paper matches \"" + paper + "\""));
			if (json) {
				Json.print(out(), related);
				return ExitCode.OK;
			}
			for (RelatedPaper r : related) {
				out().printf(Locale.ROOT, "%8.4f  %-24s  %s  [%s]%n", r.score(), r.paperId(), r.title(),
						String.join("; ", r.reasons()));
			}
			return ExitCode.OK;
		}
	}
}
