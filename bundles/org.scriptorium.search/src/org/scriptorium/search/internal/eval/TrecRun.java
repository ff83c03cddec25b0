package org.scriptorium.search.internal.eval;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.scriptorium.core.io.AtomicFile;
import org.scriptorium.search.SearchHit;
import org.scriptorium.search.internal.SearchCore.ScoredId;

/**
 * TREC run files, the input of trec_eval, ir_measures and ranx: one line per retrieved document,
 * {@code qid Q0 docid rank score tag}, separated by single spaces. Each query's lines are written in trec_eval's own
 * order ({@link Metrics#trecOrder}: score descending, ties by document id descending), ranks count from 1, a document
 * appears once per query, scores are written exactly (shortest round-trip decimal), so evaluating the file with
 * trec_eval gives the figures {@link Metrics} computes.
 */
public final class TrecRun {

	private TrecRun() {
	}

	/**
	 * Writes the runs of several queries (in map order) atomically to {@code file}.
	 *
	 * @throws IllegalArgumentException if the tag, a query id or a document id is empty or contains white space
	 *                                  (trec_eval splits lines at white space)
	 */
	public static void write(Path file, Map<String, List<ScoredId>> runs, String tag) throws IOException {
		checkToken(tag, "run tag"); //$NON-NLS-1$
		runs.forEach((qid, run) -> {
			checkToken(qid, "query id"); //$NON-NLS-1$
			run.forEach(h -> checkToken(h.id(), "document id")); //$NON-NLS-1$
		});
		AtomicFile.write(file, out -> write(out, runs, tag));
	}

	/** Writes the hits of one search as the run of query {@code qid} (see {@link #write(Path, Map, String)}). */
	public static void writeHits(Path file, String qid, List<SearchHit> hits, String tag) throws IOException {
		List<ScoredId> run = new ArrayList<>();
		hits.forEach(h -> run.add(new ScoredId(h.paperId(), h.score())));
		write(file, Map.of(qid, run), tag);
	}

	/** Writes the runs as TREC lines to {@code out} (no checks; see {@link #write(Path, Map, String)}). */
	public static void write(Writer out, Map<String, List<ScoredId>> runs, String tag) throws IOException {
		for (Map.Entry<String, List<ScoredId>> e : runs.entrySet()) {
			Set<String> seen = new HashSet<>();
			int rank = 0;
			for (ScoredId h : Metrics.trecOrder(e.getValue())) {
				if (!seen.add(h.id())) {
					continue;
				}
				out.write(e.getKey() + " Q0 " + h.id() + " " + (++rank) + " " + format(h.score()) + " " + tag //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
						+ "\n"); //$NON-NLS-1$
			}
		}
	}

	/** A score as trec_eval reads it back ({@code atof}): the shortest decimal that gives the same double. */
	static String format(double score) {
		if (!Double.isFinite(score)) {
			throw new IllegalArgumentException("score " + score + " cannot be written to a run file"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return Double.toString(score).toLowerCase(Locale.ROOT);
	}

	/** A run tag made of a ranker spec: white space and other separators become {@code _}. */
	public static String tagOf(String rankerSpec) {
		String t = rankerSpec.strip().replaceAll("\\s+", "_"); //$NON-NLS-1$ //$NON-NLS-2$
		return t.isEmpty() ? "scriptorium" : t; //$NON-NLS-1$
	}

	/**
	 * Reads a run file strictly, as trec_eval needs it: six columns, ranks 1, 2, ... per query in file order, one
	 * line per document and query, scores non-increasing. Returns each query's run in file order.
	 *
	 * @throws IOException naming the file, line and column that break a rule
	 */
	public static Map<String, List<ScoredId>> read(Path file) throws IOException {
		Map<String, List<ScoredId>> runs = new LinkedHashMap<>();
		Map<String, Set<String>> docs = new LinkedHashMap<>();
		int no = 0;
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			no++;
			String where = file + ":" + no + ": "; //$NON-NLS-1$ //$NON-NLS-2$
			String[] f = line.strip().split("\\s+"); //$NON-NLS-1$
			if (f.length != 6) {
				throw new IOException(where + "expected 6 columns (qid Q0 docid rank score tag), found " + f.length); //$NON-NLS-1$
			}
			List<ScoredId> run = runs.computeIfAbsent(f[0], q -> new ArrayList<>());
			if (!docs.computeIfAbsent(f[0], q -> new HashSet<>()).add(f[2])) {
				throw new IOException(where + "document " + f[2] + " appears twice for query " + f[0]); //$NON-NLS-1$ //$NON-NLS-2$
			}
			int rank;
			double score;
			try {
				rank = Integer.parseInt(f[3]);
			} catch (NumberFormatException e) {
				throw new IOException(where + "rank (column 4) is not an integer: " + f[3]); //$NON-NLS-1$
			}
			try {
				score = Double.parseDouble(f[4]);
			} catch (NumberFormatException e) {
				throw new IOException(where + "score (column 5) is not a number: " + f[4]); //$NON-NLS-1$
			}
			if (rank != run.size() + 1) {
				throw new IOException(where + "rank " + rank + " of query " + f[0] + " should be " + (run.size() + 1)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			}
			if (!run.isEmpty() && score > run.get(run.size() - 1).score()) {
				throw new IOException(where + "score " + f[4] + " is higher than the previous rank's"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			run.add(new ScoredId(f[2], score));
		}
		return runs;
	}

	private static void checkToken(String s, String what) {
		if (s == null || s.isEmpty() || !s.equals(s.replaceAll("\\s", ""))) { //$NON-NLS-1$ //$NON-NLS-2$
			throw new IllegalArgumentException(
					"the " + what + " '" + s + "' cannot be written to a TREC run file (empty or contains white space)"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
	}
}
