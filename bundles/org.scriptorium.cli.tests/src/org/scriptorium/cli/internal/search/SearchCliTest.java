package org.scriptorium.cli.internal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scriptorium.cli.internal.ExitCode;
import org.scriptorium.cli.internal.Resources;
import org.scriptorium.cli.internal.ScriptoriumCli;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.corpus.JsonlCorpus;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class SearchCliTest {

	@TempDir
	static Path shared;

	@TempDir
	Path dir;

	record Run(int code, String out, String err) {
	}

	private static Run run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = ScriptoriumCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		Run r = new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
		assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
		return r;
	}

	private static String index() {
		return shared.resolve("index").toString();
	}

	@Test
	void searchPrintsOneHitPerLine() {
		Run r = run("search", "--index", index(), "--limit", "5", "mixture", "of", "experts");
		assertEquals(0, r.code(), r.err());
		String[] lines = r.out().strip().split("\n");
		assertEquals(5, lines.length, r.out());
		assertTrue(lines[0].strip().startsWith("1 "), lines[0]);
	}

	@Test
	void searchAsJsonWithExplanations() {
		Run r = run("search", "--index", index(), "--json", "--explain", "--ranker", "citation", "routing");
		assertEquals(0, r.code(), r.err());
		JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
		assertEquals("citation", o.get("ranker").getAsString());
		JsonArray hits = o.getAsJsonArray("hits");
		assertEquals(10, hits.size());
		JsonObject first = hits.get(0).getAsJsonObject();
		assertTrue(first.has("paperId") && first.has("score") && first.has("explanation"), first.toString());
		assertTrue(first.getAsJsonObject("explanation").getAsJsonObject("fieldContributions").has("contents"));
	}

	/** A fielded clause next to words narrows them (issue 16): only 2024+ papers, though routing has older ones. */
	@Test
	void aYearNextToWordsNarrowsThem() {
		DefaultCorpus corpus = DefaultCorpus.get();
		Function<String, List<Integer>> years = query -> {
			Run r = run("search", "--index", index(), "--json", "--limit", "1000", query);
			assertEquals(0, r.code(), r.err());
			JsonArray hits = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("hits");
			return hits.asList().stream().map(h -> corpus.find(h.getAsJsonObject().get("paperId").getAsString())
					.orElseThrow().year().orElse(0)).toList();
		};
		assertTrue(years.apply("routing").stream().anyMatch(y -> y < 2024));
		List<Integer> narrowed = years.apply("year:>=2024 routing");
		assertFalse(narrowed.isEmpty());
		assertTrue(narrowed.stream().allMatch(y -> y >= 2024), narrowed::toString);
		assertEquals(narrowed.size(), years.apply("routing year:>=2024").size());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { //
			"2|", //
			"2|frobnicate", //
			"2|search", //
			"2|search --bogus x", //
			"2|search --limit", //
			"2|search --limit zero x", //
			"2|search --ranker magic x", //
			"3|search --corpus /no/such/corpus.jsonl x", //
			"5|search title:(unclosed", //
			"5|search cites:\"Nobody et al., 1999\"", //
			"6|related Nobody et al., 1999", //
			"2|eval --corpus x", //
			"3|eval --corpus /no/such --queries /no/such --qrels /no/such"})
	void userErrorsGetADistinctCodeAndOneLine(int code, String args) {
		String[] a = args == null ? new String[0] : args.split(" ");
		String[] withIndex = a;
		if (a.length > 0 && (a[0].equals("search") || a[0].equals("related"))) {
			withIndex = new String[a.length + 2];
			withIndex[0] = a[0];
			withIndex[1] = "--index";
			withIndex[2] = index();
			System.arraycopy(a, 1, withIndex, 3, a.length - 1);
		}
		Run r = run(withIndex);
		assertEquals(code, r.code(), r.err());
		assertTrue(r.err().startsWith("error: "), r.err());
		assertTrue(r.err().strip().lines().count() <= 2, r.err());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {"--help", "-h", "search --help", "related -h", "eval --help",
			"search --json --bogus x --help", "eval --corpus x --help"})
	void helpPrintsTheUsageAndSucceeds(String args) {
		Run r = run(args.split(" "));
		assertEquals(0, r.code(), r.err());
		assertEquals("", r.err());
		// the help of the command asked about (the tool's, listing every command, for no command)
		String command = args.startsWith("-") ? "" : args.split(" ")[0] + " ";
		assertTrue(r.out().startsWith("Usage: scriptorium " + command), r.out());
		assertTrue(r.out().contains(command.isEmpty() ? "  eval " : "--json"), r.out());
	}

	@Test
	void helpAfterDoubleDashIsAQueryWord() {
		Run r = run("search", "--index", index(), "--limit", "2", "routing", "--", "\"--help\"");
		assertEquals(0, r.code(), r.err());
		assertFalse(r.out().startsWith("Usage:"), r.out());
	}

	@Test
	void syntaxErrorNamesThePosition() {
		Run r = run("search", "--index", index(), "mixture", ")", "routing");
		assertEquals(ExitCode.BAD_QUERY, r.code());
		assertTrue(r.err().contains("position 8"), r.err());
	}

	@Test
	void relatedListsPapers() {
		Run r = run("related", "--index", index(), "--limit", "3", "arxiv:2401.06066");
		assertEquals(0, r.code(), r.err());
		assertEquals(3, r.out().strip().split("\n").length, r.out());
	}

	@Test
	void evalPrintsAllMetrics() throws IOException {
		Resources.beirTiny(dir);
		String[] args = {"eval", "--corpus", dir.resolve("corpus.jsonl").toString(), "--queries",
				dir.resolve("queries.jsonl").toString(), "--qrels", dir.resolve("qrels.tsv").toString(), "--index",
				dir.resolve("idx").toString()};
		Run r = run(args);
		assertEquals(0, r.code(), r.err());
		for (String metric : new String[]{"nDCG@10      0.9834", "R@100", "R@1000", "MRR@10       1.0000"}) {
			assertTrue(r.out().contains(metric), r.out());
		}
		String[] json = java.util.Arrays.copyOf(args, args.length + 3);
		json[args.length] = "--json";
		json[args.length + 1] = "--ranker";
		json[args.length + 2] = "citation";
		Run j = run(json);
		assertEquals(0, j.code(), j.err());
		JsonObject o = JsonParser.parseString(j.out()).getAsJsonObject();
		assertEquals(3, o.get("queries").getAsInt());
		assertEquals(0.98341, o.get("ndcg@10").getAsDouble(), 1e-5);
		assertTrue(o.has("recall@100") && o.has("recall@1000") && o.has("mrr@10"));
	}

	@Test
	void evalRejectsAMalformedCorpusWithItsLine() throws IOException {
		Resources.beirTiny(dir);
		Path bad = dir.resolve("bad.jsonl");
		Files.writeString(bad, "{\"_id\":\"a\",\"text\":\"x\"}\nnot json\n", StandardCharsets.UTF_8);
		Run r = run("eval", "--corpus", bad.toString(), "--queries", dir.resolve("queries.jsonl").toString(),
				"--qrels", dir.resolve("qrels.tsv").toString(), "--index", dir.resolve("idx").toString());
		assertEquals(ExitCode.INVALID_INPUT, r.code());
		assertTrue(r.err().contains("line 2"), r.err());
	}

	@Test
	void facetsArePrintedAndInTheJson() {
		Run r = run("search", "--index", index(), "--facets", "--limit", "3", "routing");
		assertEquals(0, r.code(), r.err());
		String facets = r.out().substring(r.out().indexOf("facets of the "));
		assertTrue(facets.contains("year:") && facets.contains("venue:") && facets.contains("author:"), r.out());
		assertTrue(facets.matches("(?s).*year: +\\d{4} \\(\\d+\\).*"), facets);

		Run j = run("search", "--index", index(), "--json", "--facets", "routing");
		assertEquals(0, j.code(), j.err());
		JsonObject o = JsonParser.parseString(j.out()).getAsJsonObject();
		JsonArray years = o.getAsJsonObject("facets").getAsJsonArray("year");
		long sum = 0;
		for (var y : years) {
			sum += y.getAsJsonObject().get("count").getAsLong();
		}
		assertTrue(sum > 0 && sum <= o.get("total").getAsLong(), "year counts " + years + ", total " + o.get("total"));
		assertTrue(o.getAsJsonObject("facets").getAsJsonArray("venue").size() > 0);
		assertTrue(o.getAsJsonObject("facets").getAsJsonArray("author").size() > 0);

		Run without = run("search", "--index", index(), "--json", "routing");
		assertFalse(JsonParser.parseString(without.out()).getAsJsonObject().has("facets"), without.out());
		assertFalse(run("search", "--index", index(), "routing").out().contains("facets of the"));
	}

	/** A corpus file as {@code scriptorium export --format jsonl} writes it: the default corpus's papers. */
	private Path exportedDefaultCorpus() throws IOException {
		Path file = dir.resolve("mine.jsonl");
		JsonlCorpus.write(file, DefaultCorpus.get().papers());
		return file;
	}

	@Test
	void searchAndRelatedReadAScriptoriumCorpusFileWithItsCitations() throws IOException {
		Path file = exportedDefaultCorpus();
		Run fromFile = run("search", "--corpus", file.toString(), "--index", dir.resolve("idx").toString(), "--json",
				"--explain", "--ranker", "citation", "load", "balancing", "loss", "for", "mixture", "of", "experts");
		assertEquals(0, fromFile.code(), fromFile.err());
		Run fromDefault = run("search", "--index", index(), "--json", "--explain", "--ranker", "citation", "load",
				"balancing", "loss", "for", "mixture", "of", "experts");
		assertEquals(0, fromDefault.code(), fromDefault.err());
		// same papers, same references: same ranking, graph contributions included
		assertEquals(ids(fromDefault), ids(fromFile));
		double graph = 0;
		for (var h : JsonParser.parseString(fromFile.out()).getAsJsonObject().getAsJsonArray("hits")) {
			graph = Math.max(graph, h.getAsJsonObject().getAsJsonObject("explanation").get("graph").getAsDouble());
		}
		assertTrue(graph > 0, "the file's references make a citation graph: " + fromFile.out());

		Run related = run("related", "--corpus", file.toString(), "--index", dir.resolve("idx").toString(), "--limit",
				"3", "arxiv:2401.06066");
		assertEquals(0, related.code(), related.err());
		assertEquals(3, related.out().strip().split("\n").length, related.out());
	}

	private static java.util.List<String> ids(Run r) {
		java.util.List<String> out = new java.util.ArrayList<>();
		for (var h : JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("hits")) {
			out.add(h.getAsJsonObject().get("paperId").getAsString());
		}
		return out;
	}

	@Test
	void evalOnAScriptoriumCorpusFileEqualsEvalOnTheCorpusItHolds() throws IOException {
		Path file = exportedDefaultCorpus();
		Path q = dir.resolve("queries.jsonl"), r = dir.resolve("qrels.tsv");
		Resources.copy("default-judged", dir, "queries.jsonl", "qrels.tsv");
		for (String ranker : new String[]{"bm25", "citation"}) {
			Run a = run("eval", "--corpus", file.toString(), "--queries", q.toString(), "--qrels", r.toString(),
					"--index", dir.resolve("idx-file").toString(), "--ranker", ranker);
			Run b = run("eval", "--corpus", "default", "--queries", q.toString(), "--qrels", r.toString(), "--index",
					dir.resolve("idx-default").toString(), "--ranker", ranker);
			assertEquals(0, a.code(), a.err());
			assertEquals(0, b.code(), b.err());
			assertEquals(b.out(), a.out(), ranker);
			assertTrue(a.out().contains("32 queries"), a.out());
		}
	}

	@Test
	void aBrokenScriptoriumCorpusFileIsRejectedWithItsLine() throws IOException {
		Path file = dir.resolve("broken.jsonl");
		Files.writeString(file, """
				{"format":"scriptorium-corpus","version":1,"papers":2}
				{"id":"a","title":"Routing experts"}
				{"id":"b","title":
				""", StandardCharsets.UTF_8);
		Run r = run("search", "--corpus", file.toString(), "--index", dir.resolve("idx").toString(), "routing");
		assertEquals(ExitCode.INVALID_INPUT, r.code(), r.err());
		assertTrue(r.err().contains("broken.jsonl:3"), r.err());
		assertTrue(Files.readString(file).contains("Routing experts"), "the file is only read");
	}

	/**
	 * Checks a run file as trec_eval reads it, independently of the writer: six white-space separated columns,
	 * {@code Q0}, ranks 1, 2, ... per query, each document once per query, scores non-increasing with rank. Returns
	 * each query's document ids in file order.
	 */
	static java.util.Map<String, java.util.List<String>> validTrecRun(Path file, String tag) throws IOException {
		java.util.Map<String, java.util.List<String>> docs = new java.util.LinkedHashMap<>();
		java.util.Map<String, Double> last = new java.util.HashMap<>();
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			String[] f = line.split(" ");
			assertEquals(6, f.length, line);
			assertEquals(6, line.strip().split("\\s+").length, line);
			assertEquals("Q0", f[1], line);
			assertEquals(tag, f[5], line);
			java.util.List<String> ids = docs.computeIfAbsent(f[0], q -> new java.util.ArrayList<>());
			assertFalse(ids.contains(f[2]), "unique docids per query: " + line);
			ids.add(f[2]);
			assertEquals(ids.size(), Integer.parseInt(f[3]), "ranks count from 1: " + line);
			double score = Double.parseDouble(f[4]);
			assertTrue(score <= last.getOrDefault(f[0], Double.POSITIVE_INFINITY), "scores non-increasing: " + line);
			last.put(f[0], score);
		}
		return docs;
	}

	@Test
	void evalWritesATrecRunThatReproducesItsFigures() throws IOException {
		Resources.copy("default-judged", dir, "queries.jsonl", "qrels.tsv");
		Path runFile = dir.resolve("out/citation.run");
		Run r = run("eval", "--corpus", "default", "--queries", dir.resolve("queries.jsonl").toString(), "--qrels",
				dir.resolve("qrels.tsv").toString(), "--index", index(), "--ranker", "citation", "--run",
				runFile.toString(), "--json", "--per-query");
		assertEquals(0, r.code(), r.err());
		var docs = validTrecRun(runFile, "citation");
		java.util.List<String> queryIds = new java.util.ArrayList<>();
		for (int i = 1; i <= 32; i++) {
			queryIds.add("dq" + i);
		}
		assertEquals(queryIds, java.util.List.copyOf(docs.keySet()));
		assertTrue(docs.values().stream().allMatch(d -> d.size() > 10 && d.size() <= 1000), "depth 1000");
		// trec_eval's nDCG@10 of the file (linear gains, ideal over all judged) equals what eval printed
		var qrels = org.scriptorium.search.internal.eval.BeirData.qrels(dir.resolve("qrels.tsv"));
		JsonObject perQuery = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonObject("perQuery");
		for (var e : docs.entrySet()) {
			java.util.Map<String, Integer> judged = qrels.get(e.getKey());
			double dcg = 0, idcg = 0;
			for (int i = 0; i < 10; i++) {
				dcg += judged.getOrDefault(e.getValue().get(i), 0) / Math.log(i + 2) * Math.log(2);
			}
			var ideal = judged.values().stream().sorted(java.util.Comparator.reverseOrder()).toList();
			for (int i = 0; i < Math.min(10, ideal.size()); i++) {
				idcg += ideal.get(i) / Math.log(i + 2) * Math.log(2);
			}
			assertEquals(perQuery.getAsJsonObject(e.getKey()).get("ndcg10").getAsDouble(), dcg / idcg, 1e-9,
					e.getKey());
		}
		JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
		JsonArray ci = o.getAsJsonObject("ci95").getAsJsonArray("ndcg@10");
		double mean = o.get("ndcg@10").getAsDouble();
		assertTrue(ci.get(0).getAsDouble() <= mean && mean <= ci.get(1).getAsDouble(), ci + " around " + mean);
	}

	@Test
	void searchWritesItsHitsAsARun() throws IOException {
		Path runFile = dir.resolve("s.run");
		Run r = run("search", "--index", index(), "--limit", "7", "--run", runFile.toString(), "--qid", "dq2",
				"--ranker", "bm25", "--json", "expert", "choice", "routing");
		assertEquals(0, r.code(), r.err());
		var docs = validTrecRun(runFile, "bm25");
		assertEquals(java.util.Set.of("dq2"), docs.keySet());
		assertEquals(7, docs.get("dq2").size());
		assertEquals(ids(r), docs.get("dq2"), "the run holds the printed hits in their order");
	}

	@Test
	void compareGivesPerQueryDeltasAndReproduciblePValues() throws IOException {
		Resources.copy("default-judged", dir, "queries.jsonl", "qrels.tsv");
		String[] args = {"eval", "--corpus", "default", "--queries", dir.resolve("queries.jsonl").toString(), "--qrels",
				dir.resolve("qrels.tsv").toString(), "--index", index(), "--compare", "bm25", "citation"};
		Run r = run(args);
		assertEquals(0, r.code(), r.err());
		assertEquals(r.out(), run(args).out(), "seeded: the same p-values every time");
		for (String q : new String[]{"dq1", "dq6", "mean", "paired randomization test p = ", "paired t-test p = "}) {
			assertTrue(r.out().contains(q), r.out());
		}
		String[] json = java.util.Arrays.copyOf(args, args.length + 1);
		json[args.length] = "--json";
		JsonObject o = JsonParser.parseString(run(json).out()).getAsJsonObject();
		assertEquals(32, o.getAsJsonArray("perQuery").size());
		double sum = 0;
		for (var row : o.getAsJsonArray("perQuery")) {
			JsonObject x = row.getAsJsonObject();
			assertEquals(x.get("b").getAsDouble() - x.get("a").getAsDouble(), x.get("delta").getAsDouble(), 1e-12);
			sum += x.get("delta").getAsDouble();
		}
		assertEquals(o.get("delta").getAsDouble(), sum / 32, 1e-12);
		for (String p : new String[]{"randomizationP", "tTestP"}) {
			double v = o.get(p).getAsDouble();
			assertTrue(v > 0 && v <= 1, p + " " + v);
		}
		assertEquals(o.get("wins").getAsInt() + o.get("losses").getAsInt() + o.get("ties").getAsInt(), 32);

		// a ranker compared with itself: no difference, nothing significant
		Run same = run("eval", "--corpus", "default", "--queries", dir.resolve("queries.jsonl").toString(), "--qrels",
				dir.resolve("qrels.tsv").toString(), "--index", index(), "--compare", "citation", "citation", "--json");
		JsonObject s = JsonParser.parseString(same.out()).getAsJsonObject();
		assertEquals(0.0, s.get("delta").getAsDouble(), 0);
		assertEquals(1.0, s.get("randomizationP").getAsDouble(), 0);
		assertEquals(1.0, s.get("tTestP").getAsDouble(), 0);
		assertEquals(32, s.get("ties").getAsInt());

		Run both = run("eval", "--corpus", "default", "--queries", dir.resolve("queries.jsonl").toString(), "--qrels",
				dir.resolve("qrels.tsv").toString(), "--compare", "bm25", "citation", "--ranker", "bm25");
		assertEquals(ExitCode.USAGE, both.code());
		assertTrue(both.err().contains("leave out --ranker"), both.err());
	}

	@Test
	void crossValidationScoresEachFoldWithTheChoiceOfTheOthersAndTestsItAgainstABaseline() throws IOException {
		Resources.copy("default-judged", dir, "queries.jsonl", "qrels.tsv");
		List<String> common = List.of("eval", "--corpus", "default", "--queries", dir.resolve("queries.jsonl").toString(),
				"--qrels", dir.resolve("qrels.tsv").toString(), "--index", index(), "--cv", "4");
		Function<List<String>, JsonObject> json = extra -> {
			List<String> args = new java.util.ArrayList<>(common);
			args.addAll(extra);
			args.add("--json");
			Run r = run(args.toArray(String[]::new));
			assertEquals(0, r.code(), r.err());
			return JsonParser.parseString(r.out()).getAsJsonObject();
		};
		JsonObject o = json.apply(List.of("--grid", "bm25", "citation", "--baseline", "bm25"));
		assertEquals(32, o.get("queries").getAsInt());
		double weighted = 0;
		int queries = 0;
		for (var f : o.getAsJsonArray("cv")) {
			JsonObject fold = f.getAsJsonObject();
			weighted += fold.get("heldOutMean").getAsDouble() * fold.get("queries").getAsInt();
			queries += fold.get("queries").getAsInt();
		}
		assertEquals(32, queries, "every query held out once");
		assertEquals(o.get("cvMean").getAsDouble(), weighted / 32, 1e-12);
		assertEquals("bm25", o.get("baseline").getAsString());
		assertEquals(o.getAsJsonArray("grid").get(0).getAsJsonObject().get("mean").getAsDouble(),
				o.get("baselineMean").getAsDouble(), 1e-12, "the baseline's figure on all queries");
		assertEquals(o.get("cvMean").getAsDouble() - o.get("baselineMean").getAsDouble(),
				o.get("deltaVsBaseline").getAsDouble(), 1e-12);
		for (String p : new String[]{"randomizationPVsBaseline", "tTestPVsBaseline"}) {
			double v = o.get(p).getAsDouble();
			assertTrue(v > 0 && v <= 1, p + " " + v);
		}
		// a grid of the baseline alone: the cross-validated choice is the baseline on every query
		JsonObject alone = json.apply(List.of("--grid", "citation", "--baseline", "citation"));
		assertEquals(0.0, alone.get("deltaVsBaseline").getAsDouble(), 0);
		assertEquals(1.0, alone.get("randomizationPVsBaseline").getAsDouble(), 0);

		List<String> text = new java.util.ArrayList<>(common);
		text.addAll(List.of("--grid", "bm25", "citation", "--baseline", "bm25"));
		Run r = run(text.toArray(String[]::new));
		assertTrue(r.out().contains("versus the baseline bm25 ("), r.out());
		List<String> notInGrid = new java.util.ArrayList<>(common);
		notInGrid.addAll(List.of("--grid", "bm25", "--baseline", "citation"));
		Run usage = run(notInGrid.toArray(String[]::new));
		assertEquals(ExitCode.USAGE, usage.code());
		assertTrue(usage.err().contains("--baseline citation is not one of the rankers of --grid"), usage.err());
		Run noCv = run("eval", "--corpus", "default", "--queries", dir.resolve("queries.jsonl").toString(), "--qrels",
				dir.resolve("qrels.tsv").toString(), "--baseline", "bm25");
		assertEquals(ExitCode.USAGE, noCv.code());
		assertTrue(noCv.err().contains("--baseline goes with --cv"), noCv.err());
	}

	@Test
	void agreementComparesTheTwoJudgesOfTheJudgedSetAndWritesTheAgreedJudgments() throws IOException {
		Resources.copy("default-judged", dir, "queries.jsonl", "qrels.tsv", "qrels-judge2.tsv");
		String q = dir.resolve("queries.jsonl").toString(), a = dir.resolve("qrels.tsv").toString(),
				b = dir.resolve("qrels-judge2.tsv").toString();
		Path agreed = dir.resolve("agreed.tsv");
		Run r = run("eval", "--queries", q, "--qrels", a, "--agreement", b, "--agreed-qrels", agreed.toString(),
				"--json");
		assertEquals(0, r.code(), r.err());
		JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
		// the second judge graded exactly the first judge's pool: every pair compared, none left over
		assertEquals(741, o.get("pairs").getAsInt());
		assertEquals(0, o.get("onlyA").getAsInt());
		assertEquals(0, o.get("onlyB").getAsInt());
		long diagonal = 0, all = 0;
		JsonArray m = o.getAsJsonArray("confusion");
		for (int i = 0; i < m.size(); i++) {
			for (int j = 0; j < m.size(); j++) {
				long c = m.get(i).getAsJsonArray().get(j).getAsLong();
				all += c;
				diagonal += i == j ? c : 0;
			}
		}
		assertEquals(741, all);
		assertEquals(diagonal / 741.0, o.get("exact").getAsDouble(), 1e-12);
		// the agreed file holds exactly the pairs on the diagonal, with their grades
		var agreedQrels = org.scriptorium.search.internal.eval.BeirData.qrels(agreed);
		assertEquals(diagonal, agreedQrels.values().stream().mapToLong(java.util.Map::size).sum());
		var first = org.scriptorium.search.internal.eval.BeirData.qrels(dir.resolve("qrels.tsv"));
		agreedQrels.forEach((query, docs) -> docs.forEach((doc, grade) -> assertEquals(first.get(query).get(doc),
				grade, query + " " + doc)));

		// the same file twice: perfect agreement
		Run self = run("eval", "--queries", q, "--qrels", a, "--agreement", a);
		assertEquals(0, self.code(), self.err());
		assertTrue(self.out().contains("exact agreement 100.0%"), self.out());
		assertTrue(self.out().contains("Cohen's kappa 1.000, linearly weighted 1.000, quadratically weighted 1.000"),
				self.out());

		Run usage = run("eval", "--queries", q, "--qrels", a, "--agreement", b, "--ranker", "bm25");
		assertEquals(ExitCode.USAGE, usage.code());
		assertTrue(usage.err().contains("ranks nothing"), usage.err());
	}
}
