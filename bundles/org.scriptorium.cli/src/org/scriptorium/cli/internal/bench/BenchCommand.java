package org.scriptorium.cli.internal.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.scriptorium.bench.internal.BibtexFidelity;
import org.scriptorium.bench.internal.BibtexImportBenchmark;
import org.scriptorium.bench.internal.GraphBenchmark;
import org.scriptorium.bench.internal.ImportBenchmark;
import org.scriptorium.bench.internal.SandboxBenchmark;
import org.scriptorium.bench.internal.RefsBenchmark;
import org.scriptorium.bench.internal.SearchBenchmark;
import org.scriptorium.bench.internal.dense.DenseBenchmark;
import org.scriptorium.cli.internal.CliCommand;
import org.scriptorium.cli.internal.ExitCode;
import org.scriptorium.cli.internal.Failure;
import org.scriptorium.cli.internal.PositiveInt;
import org.scriptorium.cli.internal.dense.DenseCheckCommand;
import org.scriptorium.sandbox.ExperimentException;
import org.scriptorium.search.RankingSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scriptorium bench search|graph|import|sandbox|dense [OPTIONS]}: each benchmark prints its report (Markdown
 * tables and lines, as docs/PERFORMANCE.md quotes them) on standard output. Run with the heap to report, e.g.
 * {@code JAVA_OPTS=-Xmx2g ./scriptorium bench search}.
 */
@Command(name = "bench", description = {"Run a benchmark (figures in docs/PERFORMANCE.md).",
		"Runs a benchmark and prints its report (the current figures, their commands and baselines are in "
				+ "docs/PERFORMANCE.md). JAVA_OPTS sets the JVM's options, e.g. JAVA_OPTS=-Xmx2g."}, subcommands = {
						BenchCommand.Search.class, BenchCommand.Graph.class, BenchCommand.Import.class,
						BenchCommand.Sandbox.class, BenchCommand.Dense.class, BenchCommand.Refs.class,
						BenchCommand.Fidelity.class})
public final class BenchCommand extends CliCommand {

	@Override
	public Integer call() {
		throw usage("bench needs a benchmark: search, graph, import, sandbox, dense, refs or fidelity");
	}

	@Command(name = "search", description = "Indexing throughput against a plain Lucene IndexWriter, query latency "
			+ "of BM25 and citation-aware ranking, index size and heap, on a synthetic corpus.")
	static final class Search extends CliCommand {
		@Option(names = "--papers", paramLabel = "N", converter = PositiveInt.class, defaultValue = "100000", description = "Papers of the synthetic corpus (default: ${DEFAULT-VALUE}).")
		int papers;
		@Option(names = "--refs", paramLabel = "R", converter = PositiveInt.class, defaultValue = "25", description = "References per paper (default: ${DEFAULT-VALUE}).")
		int refs;
		@Option(names = "--queries", paramLabel = "Q", converter = PositiveInt.class, defaultValue = "1000", description = "Queries of the latency part (default: ${DEFAULT-VALUE}).")
		int queries;
		@Option(names = "--rounds", paramLabel = "K", converter = PositiveInt.class, defaultValue = "2", description = "Indexing rounds, the best counts (default: ${DEFAULT-VALUE}).")
		int rounds;
		@Option(names = "--candidates", paramLabel = "C", converter = PositiveInt.class, description = "BM25 hits citation-aware ranking re-ranks (default: the ranking's default).")
		Integer candidates;
		@Option(names = "--dir", paramLabel = "DIR", description = "Where the indexes go (default: a temporary folder).")
		Path dir;

		@Override
		public Integer call() throws IOException {
			SearchBenchmark.run(papers, refs, queries,
					candidates != null ? candidates : RankingSettings.defaults().candidates(), rounds, dir, out());
			return ExitCode.OK;
		}
	}

	@Command(name = "graph", description = "The citation graph at scale: building it, PageRank, similarity top lists, "
			+ "shortest paths and its heap, on a preferential-attachment graph.")
	static final class Graph extends CliCommand {
		@Option(names = "--papers", paramLabel = "N", converter = PositiveInt.class, defaultValue = "1000000", description = "Papers (default: ${DEFAULT-VALUE}).")
		int papers;
		@Option(names = "--refs", paramLabel = "R", converter = PositiveInt.class, defaultValue = "25", description = "References per paper (default: ${DEFAULT-VALUE}).")
		int refs;

		@Override
		public Integer call() {
			GraphBenchmark.run(papers, refs, out());
			return ExitCode.OK;
		}
	}

	@Command(name = "refs", description = "The reference recogniser on a generated file mixing code, LaTeX and "
			+ "Markdown, against a plain java.util.regex scan of the same text for the same patterns.")
	static final class Refs extends CliCommand {
		@Option(names = "--lines", paramLabel = "N", converter = PositiveInt.class, defaultValue = "10000", description = "Lines of the generated file (default: ${DEFAULT-VALUE}).")
		int lines;
		@Option(names = "--rounds", paramLabel = "K", converter = PositiveInt.class, defaultValue = "50", description = "Timed rounds, the median counts (default: ${DEFAULT-VALUE}).")
		int rounds;

		@Override
		public Integer call() {
			RefsBenchmark.run(lines, rounds, out());
			return ExitCode.OK;
		}
	}

	@Command(name = "import", description = "The importer against a bare streaming Gson parse of the same synthetic "
			+ "corpus file (--format bibtex: against jbibtex's parse of a synthetic BibTeX file), and the peak heap of "
			+ "each.")
	static final class Import extends CliCommand {
		@Option(names = "--papers", paramLabel = "N", converter = PositiveInt.class, defaultValue = "100000", description = "Papers (default: ${DEFAULT-VALUE}).")
		int papers;
		@Option(names = "--refs", paramLabel = "R", converter = PositiveInt.class, defaultValue = "25", description = "References per paper (default: ${DEFAULT-VALUE}).")
		int refs;
		@Option(names = "--rounds", paramLabel = "K", converter = PositiveInt.class, defaultValue = "2", description = "Rounds, the best counts (default: ${DEFAULT-VALUE}).")
		int rounds;
		@Option(names = "--dir", paramLabel = "DIR", description = "Where the corpus file goes (default: a temporary "
				+ "folder).")
		Path dir;
		@Option(names = "--keep", description = "Keep the corpus file.")
		boolean keep;
		@Option(names = "--format", paramLabel = "jsonl|bibtex", defaultValue = "jsonl", description = "The file "
				+ "imported: a Scriptorium corpus file (jsonl, the default) or BibTeX entries (bibtex; --refs does not "
				+ "apply).")
		String format;

		@Override
		public Integer call() throws IOException {
			switch (format) {
				case "jsonl" -> ImportBenchmark.run(papers, refs, rounds, dir, keep, out());
				case "bibtex" -> BibtexImportBenchmark.run(papers, rounds, dir, keep, out());
				default -> throw new Failure(ExitCode.USAGE, "--format must be jsonl or bibtex, not " + format);
			}
			return ExitCode.OK;
		}
	}

	@Command(name = "sandbox", description = "Routing-layer throughput against a plain matrix multiply, child JVM "
			+ "launch time and, with --examples, the wall time of each shipped example.")
	static final class Sandbox extends CliCommand {
		@Option(names = "--examples", paramLabel = "DIR", description = "Also run the experiments of this folder "
				+ "(e.g. bundles/org.scriptorium.sandbox/experiments).")
		Path examples;
		@Option(names = "--seeds", paramLabel = "N", converter = PositiveInt.class, description = "Run the examples with seeds 1..N instead of their own.")
		Integer seeds;
		@Option(names = "--out", paramLabel = "DIR", description = "Where the runs go (default: a temporary folder).")
		Path outDir;

		@Override
		public Integer call() throws IOException {
			try {
				SandboxBenchmark.run(examples, seeds, outDir, out());
			} catch (ExperimentException e) {
				throw new Failure(ExitCode.INTERNAL, "the benchmark's own experiment is invalid: " + e.getMessage());
			}
			return ExitCode.OK;
		}
	}

	@Command(name = "dense", description = "Embedding throughput of the bundled models against raw ONNX Runtime and, "
			+ "with --queries, index build time and query latency of dense and hybrid rankers against BM25. Needs the "
			+ "dense-retrieval bundle.")
	static final class Dense extends CliCommand {
		@Option(names = "--corpus", required = true, paramLabel = "CORPUS.jsonl[.gz]", description = "A BEIR corpus.")
		Path corpus;
		@Option(names = "--queries", paramLabel = "QUERIES.jsonl", description = "BEIR queries: also measure indexing "
				+ "and query latency.")
		Path queries;
		@Option(names = "--docs", paramLabel = "N", defaultValue = "512", description = "Documents embedded for the throughput part; 0 skips it (default: ${DEFAULT-VALUE}).")
		int docs;
		@Option(names = "--models", paramLabel = "M,M", split = ",", defaultValue = "bge-small,minilm", description = "The models (default: ${DEFAULT-VALUE}).")
		List<String> models;
		@Option(names = "--vectors", paramLabel = "DIR", description = "The vector cache (default: the search's).")
		Path vectors;
		@Option(names = "--work", paramLabel = "DIR", description = "Where the indexes go (default: a folder in the "
				+ "temporary folder).")
		Path work;

		@Override
		public Integer call() throws IOException {
			if (docs < 0) {
				throw usage("--docs needs a whole number >= 0, not " + docs);
			}
			try {
				DenseBenchmark.run(corpus, queries, docs, models, work, vectors, out());
			} catch (NoClassDefFoundError e) {
				throw DenseCheckCommand.notInstalled(e);
			} catch (IllegalArgumentException e) {
				throw usage(e.getMessage());
			}
			return ExitCode.OK;
		}
	}

	@Command(name = "fidelity", description = "What survives import then export --format bibtex of each .bib file of a "
			+ "folder, both sides read by jbibtex: the share of (entry, field) pairs and of entry types kept.")
	static final class Fidelity extends CliCommand {
		@picocli.CommandLine.Parameters(paramLabel = "DIR", description = "A folder of .bib files (e.g. Better "
				+ "BibTeX's test/fixtures/import).")
		Path dir;

		@Override
		public Integer call() throws IOException {
			if (!java.nio.file.Files.isDirectory(dir)) {
				throw new Failure(ExitCode.USAGE, dir + " is not a folder: give a folder of .bib files");
			}
			BibtexFidelity.run(dir, out());
			return ExitCode.OK;
		}
	}
}
