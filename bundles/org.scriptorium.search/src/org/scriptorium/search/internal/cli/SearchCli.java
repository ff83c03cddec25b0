package org.scriptorium.search.internal.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.corpus.JsonlCorpus;
import org.scriptorium.core.internal.corpus.CorpusAssembler;
import org.scriptorium.core.internal.io.FormatDetector;
import org.scriptorium.core.io.Format;
import org.scriptorium.core.io.ImportException;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.search.FacetCount;
import org.scriptorium.search.IndexMessages;
import org.scriptorium.search.PaperSearchEngine;
import org.scriptorium.search.ProgressMonitor;
import org.scriptorium.search.RankingSettings;
import org.scriptorium.search.TextEncoder;
import org.scriptorium.search.TextEncoderProvider;
import org.scriptorium.search.VectorCache;
import org.scriptorium.search.internal.index.DenseVectors;
import org.scriptorium.search.RelatedPaper;
import org.scriptorium.search.SearchHit;
import org.scriptorium.search.SearchRequest;
import org.scriptorium.search.SearchResult;
import org.scriptorium.search.internal.eval.BeirData;
import org.scriptorium.search.internal.eval.Evaluator;
import org.scriptorium.search.internal.eval.Metrics;
import org.scriptorium.search.internal.index.Fingerprints;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * The command line of search: {@code search}, {@code related} and {@code eval}. Exit codes: 0 success, 2 bad usage,
 * 3 unreadable or malformed input file, 4 query error (syntax, unknown paper), 5 index failure, 1 unexpected error.
 * A user error prints one line on the error stream, never a stack trace.
 */
public final class SearchCli {

	public static final int OK = 0, INTERNAL = 1, USAGE = 2, BAD_INPUT = 3, BAD_QUERY = 4, INDEX = 5;

	private static final String USAGE_TEXT = """
			usage: scriptorium search [--corpus default|FILE] [--index DIR] [--json] [--explain] [--facets] [--ranker RANKER] [--vectors DIR] [--limit N] QUERY...
			       scriptorium related [--corpus default|FILE] [--index DIR] [--json] [--limit N] PAPER
			       scriptorium eval --corpus default|FILE --queries QUERIES.jsonl --qrels QRELS.tsv [--ranker RANKER] [--vectors DIR] [--k1 X --b Y] [--multifield] [--prior W --graph W --candidates N] [--index DIR] [--json] [--per-query]
			FILE is a Scriptorium corpus file (JSON Lines with a {"format":"scriptorium-corpus",...} header line, as
			written by 'scriptorium export --format jsonl') or a BEIR corpus.jsonl[.gz], told apart by content; the index
			goes to a cache folder unless --index is given. --facets adds the year, venue and author counts of all matches.
			RANKER is citation (default: citation-aware BM25), bm25, dense:MODEL, rrf:MODEL (reciprocal rank fusion of
			BM25 and dense) or convex:MODEL[@W] (W × dense + (1 - W) × BM25, min-max normalised; W defaults to 0.7),
			and citation+ before a dense or hybrid ranker adds the citation-aware part. MODEL is an embedding model of
			the dense-retrieval feature (bge-small, minilm); document vectors are cached in --vectors DIR (default
			$XDG_CACHE_HOME/scriptorium/vectors or ~/.cache/scriptorium/vectors) and never computed twice."""; //$NON-NLS-1$

	private static final System.Logger LOG = System.getLogger(SearchCli.class.getName());
	private final PrintStream out;
	private final PrintStream err;

	private SearchCli(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	/** A user error with its exit code. */
	static final class CliException extends Exception {
		private static final long serialVersionUID = 1L;
		final int code;

		CliException(int code, String message) {
			super(message);
			this.code = code;
		}
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	public static int run(String[] args, PrintStream out, PrintStream err) {
		SearchCli cli = new SearchCli(out, err);
		try {
			if (args.length == 0) {
				throw new CliException(USAGE, "missing command (search, related or eval)"); //$NON-NLS-1$
			}
			if (Options.asksForHelp(args)) {
				out.println(USAGE_TEXT);
				return OK;
			}
			Options o = Options.parse(args);
			return switch (args[0]) {
			case "search" -> cli.search(o); //$NON-NLS-1$
			case "related" -> cli.related(o); //$NON-NLS-1$
			case "eval" -> cli.eval(o); //$NON-NLS-1$
			case "help", "--help", "-h" -> { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				out.println(USAGE_TEXT);
				yield OK;
			}
			default -> throw new CliException(USAGE, "unknown command '" + args[0] + "' (search, related or eval)"); //$NON-NLS-1$ //$NON-NLS-2$
			};
		} catch (CliException e) {
			err.println("error: " + e.getMessage()); //$NON-NLS-1$
			if (e.code == USAGE) {
				err.println(USAGE_TEXT.lines().findFirst().orElse("")); //$NON-NLS-1$
			}
			return e.code;
		} catch (BeirData.FormatException e) {
			err.println("error: " + e.getMessage()); //$NON-NLS-1$
			return BAD_INPUT;
		} catch (IOException | UncheckedIOException e) {
			LOG.log(System.Logger.Level.DEBUG, "index failure", e); //$NON-NLS-1$
			err.println("error: " + e.getMessage()); //$NON-NLS-1$
			return INDEX;
		} catch (RuntimeException e) {
			LOG.log(System.Logger.Level.ERROR, "unexpected failure", e); //$NON-NLS-1$
			err.println("error: unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage()); //$NON-NLS-1$ //$NON-NLS-2$
			return INTERNAL;
		}
	}

	/** Parsed options: flags, valued options and the remaining words. */
	record Options(Map<String, String> values, List<String> words) {
		private static final List<String> FLAGS = List.of("--json", "--explain", "--multifield", "--per-query", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				"--facets"); //$NON-NLS-1$
		private static final List<String> VALUED = List.of("--corpus", "--index", "--ranker", "--vectors", "--limit", "--queries", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
				"--qrels", "--k1", "--b", "--prior", "--graph", "--candidates"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$

		/** {@code --help} or {@code -h} before any {@code --}: the caller prints the usage and exits 0. */
		static boolean asksForHelp(String[] args) {
			for (String a : args) {
				if (a.equals("--")) { //$NON-NLS-1$
					return false;
				}
				if (a.equals("--help") || a.equals("-h")) { //$NON-NLS-1$ //$NON-NLS-2$
					return true;
				}
			}
			return false;
		}

		static Options parse(String[] args) throws CliException {
			Map<String, String> values = new LinkedHashMap<>();
			List<String> words = new ArrayList<>();
			boolean rest = false;
			for (int i = 1; i < args.length; i++) {
				String a = args[i];
				if (rest || !a.startsWith("--")) { //$NON-NLS-1$
					words.add(a);
				} else if (a.equals("--")) { //$NON-NLS-1$
					rest = true;
				} else if (FLAGS.contains(a)) {
					values.put(a, "true"); //$NON-NLS-1$
				} else if (VALUED.contains(a)) {
					if (i + 1 >= args.length) {
						throw new CliException(USAGE, a + " needs a value"); //$NON-NLS-1$
					}
					values.put(a, args[++i]);
				} else {
					throw new CliException(USAGE, "unknown option " + a); //$NON-NLS-1$
				}
			}
			return new Options(values, words);
		}

		boolean flag(String name) {
			return values.containsKey(name);
		}

		String get(String name) {
			return values.get(name);
		}

		String require(String name) throws CliException {
			String v = values.get(name);
			if (v == null) {
				throw new CliException(USAGE, name + " is required"); //$NON-NLS-1$
			}
			return v;
		}

		int intValue(String name, int dflt) throws CliException {
			String v = values.get(name);
			try {
				int n = v == null ? dflt : Integer.parseInt(v);
				if (n < 1) {
					throw new NumberFormatException();
				}
				return n;
			} catch (NumberFormatException e) {
				throw new CliException(USAGE, name + " expects a positive number, not '" + v + "'"); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}

		RankingSettings ranking() throws CliException {
			RankingSettings s = RankingSettings.defaults();
			try {
				if (get("--ranker") != null) { //$NON-NLS-1$
					s = s.withRankerSpec(get("--ranker")); //$NON-NLS-1$
				}
				if (get("--k1") != null || get("--b") != null) { //$NON-NLS-1$ //$NON-NLS-2$
					s = s.withBm25(get("--k1") == null ? s.k1() : Float.parseFloat(get("--k1")), //$NON-NLS-1$ //$NON-NLS-2$
							get("--b") == null ? s.b() : Float.parseFloat(get("--b"))); //$NON-NLS-1$ //$NON-NLS-2$
				}
				if (get("--prior") != null || get("--graph") != null) { //$NON-NLS-1$ //$NON-NLS-2$
					s = s.withCitationWeights(
							get("--prior") == null ? s.priorWeight() : Double.parseDouble(get("--prior")), //$NON-NLS-1$ //$NON-NLS-2$
							get("--graph") == null ? s.graphWeight() : Double.parseDouble(get("--graph"))); //$NON-NLS-1$ //$NON-NLS-2$
				}
				if (get("--candidates") != null) { //$NON-NLS-1$
					s = new RankingSettings(s.ranker(), s.multifield(), s.k1(), s.b(), s.titleWeight(), s.abstractWeight(),
							s.priorWeight(), s.graphWeight(), s.seedHits(), intValue("--candidates", s.candidates()), //$NON-NLS-1$
							s.retrieval());
				}
			} catch (IllegalArgumentException e) {
				throw new CliException(USAGE, e.getMessage());
			}
			if (flag("--multifield")) { //$NON-NLS-1$
				s = s.withMultifield(true, s.titleWeight(), s.abstractWeight());
			}
			return s;
		}
	}

	private static ICorpus corpus(String spec) throws CliException, IOException {
		if (spec == null || spec.equals("default")) { //$NON-NLS-1$
			return DefaultCorpus.get();
		}
		return corpusFile(existing(spec));
	}

	/**
	 * A corpus file, told apart by content: a Scriptorium corpus file (its header line names the format) or a BEIR
	 * {@code corpus.jsonl[.gz]}.
	 */
	static ICorpus corpusFile(Path file) throws CliException, IOException {
		String head;
		try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(
				file.getFileName().toString().endsWith(".gz") //$NON-NLS-1$
						? new java.util.zip.GZIPInputStream(Files.newInputStream(file))
						: Files.newInputStream(file),
				java.nio.charset.StandardCharsets.UTF_8))) {
			char[] buf = new char[4096];
			int n = in.read(buf);
			head = n <= 0 ? "" : new String(buf, 0, n).replace("\uFEFF", ""); //$NON-NLS-1$ //$NON-NLS-2$
		} catch (java.util.zip.ZipException e) {
			throw new CliException(BAD_INPUT, file + ": not a gzip file (" + e.getMessage() + ")"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (FormatDetector.detect(head) != Format.JSONL) {
			return BeirData.corpus(file);
		}
		if (file.getFileName().toString().endsWith(".gz")) { //$NON-NLS-1$
			throw new CliException(BAD_INPUT,
					file + ": a compressed Scriptorium corpus file; decompress it first (gunzip -k)"); //$NON-NLS-1$
		}
		JsonlCorpus loaded;
		try {
			loaded = JsonlCorpus.load(file);
		} catch (ImportException e) {
			throw new CliException(BAD_INPUT, e.getMessage());
		}
		// the file keeps each paper's reference list; its citation graph is the references resolved in the corpus
		CorpusAssembler.Result assembled = CorpusAssembler.assemble(loaded.papers());
		return ICorpus.of(loaded.name(), assembled.papers(), assembled.citations());
	}

	private static Path indexDir(Options o, ICorpus corpus, DenseVectors dense) throws IOException {
		if (o.get("--index") != null) { //$NON-NLS-1$
			return Path.of(o.get("--index")); //$NON-NLS-1$
		}
		// one folder per set of vector fields, so switching between lexical and dense rankers rebuilds nothing
		String fp = Fingerprints.of(corpus).substring(0, 16)
				+ (dense.signature().isEmpty() ? "" : "-" + dense.signature().replaceAll("[^a-z0-9-]+", "_")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		return Path.of(System.getProperty("java.io.tmpdir"), "scriptorium-search-index", fp); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** The vectors a ranking needs: the encoder of a dense or hybrid ranker, found on the class path. */
	private DenseVectors dense(Options o, RankingSettings settings) throws CliException {
		if (!settings.retrieval().usesVectors()) {
			return DenseVectors.none();
		}
		List<TextEncoder> all = TextEncoderProvider.onClassPath();
		List<TextEncoder> needed = new java.util.ArrayList<>();
		for (String model : settings.retrieval().models()) {
			needed.add(all.stream().filter(e -> e.id().equals(model)).findFirst()
					.orElseThrow(() -> new CliException(USAGE, "no embedding model '" + model + "' (" //$NON-NLS-1$ //$NON-NLS-2$
							+ (all.isEmpty() ? "the dense-retrieval feature is not on the class path" //$NON-NLS-1$
									: "available: " + String.join(", ", all.stream().map(TextEncoder::id).toList())) //$NON-NLS-1$ //$NON-NLS-2$
							+ ")"))); //$NON-NLS-1$
		}
		return DenseVectors.of(needed, vectorCacheDir(o), err::println);
	}

	/** {@code --vectors}, else {@code $XDG_CACHE_HOME/scriptorium/vectors}, else {@code ~/.cache/scriptorium/vectors}. */
	static Path vectorCacheDir(Options o) {
		if (o.get("--vectors") != null) { //$NON-NLS-1$
			return Path.of(o.get("--vectors")); //$NON-NLS-1$
		}
		return VectorCache.defaultDirectory();
	}

	private PaperSearchEngine open(Options o) throws CliException, IOException {
		ICorpus corpus = corpus(o.get("--corpus")); //$NON-NLS-1$
		DenseVectors dense = dense(o, o.ranking());
		return PaperSearchEngine.open(corpus, indexDir(o, corpus, dense), m -> err.println(m), dense.encoders(),
				vectorCacheDir(o), new ConsoleProgress(err));
	}

	private int search(Options o) throws CliException, IOException {
		if (o.words().isEmpty()) {
			throw new CliException(USAGE, "search needs a query"); //$NON-NLS-1$
		}
		String query = String.join(" ", o.words()); //$NON-NLS-1$
		SearchRequest request = new SearchRequest(query, o.intValue("--limit", 10), o.ranking(), //$NON-NLS-1$
				o.flag("--explain"), true, o.flag("--facets")); //$NON-NLS-1$ //$NON-NLS-2$
		try (PaperSearchEngine engine = open(o)) {
			SearchResult r = engine.search(request);
			if (!r.ok()) {
				throw new CliException(BAD_QUERY, r.error().get().toString());
			}
			if (o.flag("--json")) { //$NON-NLS-1$
				Map<String, Object> json = new LinkedHashMap<>();
				json.put("query", query); //$NON-NLS-1$
				json.put("ranker", request.ranking().ranker().name().toLowerCase(Locale.ROOT)); //$NON-NLS-1$
				json.put("total", r.totalHits()); //$NON-NLS-1$
				json.put("hits", r.hits()); //$NON-NLS-1$
				if (request.facets()) {
					json.put("facets", r.facets()); //$NON-NLS-1$
				}
				out.println(gson().toJson(json));
				return OK;
			}
			for (SearchHit h : r.hits()) {
				out.printf(Locale.ROOT, "%2d  %8.4f  %s  %-24s  %s%n", h.rank(), h.score(), //$NON-NLS-1$
						h.year() == null ? "    " : h.year(), h.paperId(), h.title()); //$NON-NLS-1$
				if (h.explanation() != null) {
					h.explanation().details().forEach(line -> out.println("      " + line)); //$NON-NLS-1$
				}
			}
			if (r.hits().isEmpty()) {
				err.println("no paper matches"); //$NON-NLS-1$
			}
			if (request.facets()) {
				printFacets(r);
			}
			return OK;
		}
	}

	/** One line per facet: {@code year: 2024 (12), 2023 (8)}; the counts are over all matches, not only the hits shown. */
	private void printFacets(SearchResult r) {
		out.printf(Locale.ROOT, "%nfacets of the %d matches:%n", r.totalHits()); //$NON-NLS-1$
		r.facets().forEach((name, counts) -> {
			StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-7s", name + ":")); //$NON-NLS-1$ //$NON-NLS-2$
			for (int i = 0; i < counts.size(); i++) {
				FacetCount c = counts.get(i);
				line.append(i == 0 ? " " : ", ").append(c.value()).append(" (").append(c.count()).append(')'); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			}
			out.println(line);
		});
	}

	private int related(Options o) throws CliException, IOException {
		if (o.words().isEmpty()) {
			throw new CliException(USAGE, "related needs a paper (id or citation)"); //$NON-NLS-1$
		}
		String paper = String.join(" ", o.words()); //$NON-NLS-1$
		try (PaperSearchEngine engine = open(o)) {
			List<RelatedPaper> related = engine.related(paper, o.intValue("--limit", 10)) //$NON-NLS-1$
					.orElseThrow(() -> new CliException(BAD_QUERY, "no paper matches \"" + paper + "\"")); //$NON-NLS-1$ //$NON-NLS-2$
			if (o.flag("--json")) { //$NON-NLS-1$
				out.println(gson().toJson(related));
				return OK;
			}
			for (RelatedPaper r : related) {
				out.printf(Locale.ROOT, "%8.4f  %-24s  %s  [%s]%n", r.score(), r.paperId(), r.title(), //$NON-NLS-1$
						String.join("; ", r.reasons())); //$NON-NLS-1$
			}
			return OK;
		}
	}

	private int eval(Options o) throws CliException, IOException {
		String c = o.require("--corpus"), q = o.require("--queries"), r = o.require("--qrels"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		ICorpus corpus = corpus(c);
		Path queriesFile = existing(q);
		Path qrelsFile = existing(r);
		RankingSettings settings = o.ranking();
		var queries = BeirData.queries(queriesFile);
		var qrels = BeirData.qrels(qrelsFile);
		DenseVectors dense = dense(o, settings);
		Path index = indexDir(o, corpus, dense);
		Evaluator.Report report = Evaluator.evaluate(corpus, index, dense, queries, qrels, settings, err::println,
				new ConsoleProgress(err));
		Metrics.Values m = report.mean();
		if (o.flag("--json")) { //$NON-NLS-1$
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("ranker", settings.rankerSpec()); //$NON-NLS-1$
			json.put("settings", settings); //$NON-NLS-1$
			json.put("queries", report.queries()); //$NON-NLS-1$
			json.put("ndcg@10", m.ndcg10()); //$NON-NLS-1$
			json.put("recall@100", m.recall100()); //$NON-NLS-1$
			json.put("recall@1000", m.recall1000()); //$NON-NLS-1$
			json.put("mrr@10", m.mrr10()); //$NON-NLS-1$
			if (o.flag("--per-query")) { //$NON-NLS-1$
				json.put("perQuery", report.perQuery()); //$NON-NLS-1$
			}
			out.println(gson().toJson(json));
		} else {
			out.printf(Locale.ROOT, "ranker %s%s, k1 %.2f, b %.2f, %d queries%n", //$NON-NLS-1$
					settings.rankerSpec(), settings.multifield() ? " multifield" : " flat", //$NON-NLS-1$ //$NON-NLS-2$
					settings.k1(), settings.b(), report.queries());
			out.printf(Locale.ROOT, "nDCG@10      %.4f%nR@100        %.4f%nR@1000       %.4f%nMRR@10       %.4f%n", //$NON-NLS-1$
					m.ndcg10(), m.recall100(), m.recall1000(), m.mrr10());
			if (o.flag("--per-query")) { //$NON-NLS-1$
				report.perQuery().forEach((id, v) -> out.printf(Locale.ROOT,
						"%-12s nDCG@10 %.4f  R@100 %.4f  R@1000 %.4f  MRR@10 %.4f%n", id, v.ndcg10(), v.recall100(), //$NON-NLS-1$
						v.recall1000(), v.mrr10()));
			}
		}
		return OK;
	}

	private static Path existing(String file) throws CliException {
		Path p = Path.of(file);
		if (!Files.isRegularFile(p)) {
			throw new CliException(BAD_INPUT, "no such file: " + file); //$NON-NLS-1$
		}
		if (!Files.isReadable(p)) {
			throw new CliException(BAD_INPUT, "cannot read " + file); //$NON-NLS-1$
		}
		return p;
	}

	private static Gson gson() {
		return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeSpecialFloatingPointValues()
				.create();
	}

}
