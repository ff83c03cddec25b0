package org.scriptorium.search.internal.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.scriptorium.search.Retrieval;
import org.scriptorium.search.internal.index.DenseVectors;

/**
 * The first stage of ranking, before the citation-aware part: BM25 hits of the query, the nearest neighbours of the
 * query's vector in an encoder's KNN field (Lucene's HNSW graph, filtered by the query's structured part), or a
 * fusion of both lists: reciprocal rank fusion {@code Σ 1/(k + rank)}, or the convex combination
 * {@code w · dense' + (1 - w) · bm25'} of scores min-max normalised over each list (a document missing from a list
 * gets 0 there). Dense scores are cosines (unit vectors). Ties go to the lower document id, so rankings are
 * deterministic.
 */
public final class FirstStage {

	private FirstStage() {
	}

	/**
	 * First-stage hits with a note per document saying where its score came from (for "why this rank").
	 *
	 * @param docs  ranked, best first
	 * @param total how many documents matched (lexical), or were retrieved (dense, fused)
	 * @param notes per document, e.g. "BM25 rank 3 (12.41), dense rank 1 (cosine 0.812, bge-small)"
	 */
	public record Hits(TopDocs docs, long total, Map<Integer, String> notes) {
	}

	/**
	 * Retrieves {@code n} documents.
	 *
	 * @param lexical the BM25 query (may be null for dense retrieval)
	 * @param filter  dense: documents must match it (the query's fielded part), or null
	 * @param vectors the query's vector for each of {@link Retrieval#models()}, in order (empty for lexical)
	 */
	public static Hits retrieve(IndexSearcher s, Retrieval r, Query lexical, Query filter, List<float[]> vectors,
			int n) throws IOException {
		if (r.kind() == Retrieval.Kind.LEXICAL) {
			TopDocs td = s.search(lexical, n);
			return new Hits(td, td.totalHits.value(), Map.of());
		}
		List<String> models = r.models();
		if (r.kind() == Retrieval.Kind.DENSE) {
			ScoreDoc[] dense = dense(s, models.get(0), vectors.get(0), n, filter);
			Map<Integer, String> notes = new HashMap<>();
			for (int i = 0; i < dense.length; i++) {
				notes.put(dense[i].doc, denseNote(i, dense[i].score, models.get(0)));
			}
			return new Hits(topDocs(dense), dense.length, notes);
		}
		int depth = Math.max(n, r.depth());
		List<ScoreDoc[]> dense = new ArrayList<>();
		for (int m = 0; m < models.size(); m++) {
			dense.add(dense(s, models.get(m), vectors.get(m), depth, filter));
		}
		return fuse(s.search(lexical, depth).scoreDocs, dense, r, n);
	}

	/** Nearest neighbours by cosine (Lucene scores unit-vector dot products as {@code (1 + cos) / 2}). */
	private static ScoreDoc[] dense(IndexSearcher s, String model, float[] vector, int k, Query filter)
			throws IOException {
		ScoreDoc[] hits = s.search(new KnnFloatVectorQuery(DenseVectors.field(model), vector, k, filter), k).scoreDocs;
		for (ScoreDoc d : hits) {
			d.score = 2 * d.score - 1;
		}
		return hits;
	}

	/** Fuses a BM25 list and one dense list into the top {@code n}. */
	public static Hits fuse(ScoreDoc[] bm25, ScoreDoc[] dense, Retrieval r, int n) {
		return fuse(bm25, List.<ScoreDoc[]>of(dense), r, n);
	}

	/**
	 * Fuses a BM25 list and the dense lists of {@link Retrieval#models()} into the top {@code n}: RRF sums
	 * {@code 1 / (k + rank)} over the lists; the convex combination gives BM25 {@code 1 - w} and each dense list
	 * {@code w / models}, or its own weight ({@link Retrieval#weightOf}).
	 */
	public static Hits fuse(ScoreDoc[] bm25, List<ScoreDoc[]> dense, Retrieval r, int n) {
		List<ScoreDoc[]> lists = new ArrayList<>();
		lists.add(bm25);
		lists.addAll(dense);
		int m = lists.size();
		Map<Integer, double[]> parts = new HashMap<>(); // doc -> {rank, score} per list (rank 0: absent)
		double[][] ranges = new double[m][];
		for (int l = 0; l < m; l++) {
			ScoreDoc[] list = lists.get(l);
			ranges[l] = range(list);
			for (int i = 0; i < list.length; i++) {
				double[] p = parts.computeIfAbsent(list[i].doc, d -> new double[2 * m]);
				p[2 * l] = i + 1;
				p[2 * l + 1] = list[i].score;
			}
		}
		List<String> models = r.models();
		List<ScoreDoc> fused = new ArrayList<>(parts.size());
		Map<Integer, String> notes = new HashMap<>();
		for (var e : parts.entrySet()) {
			double[] p = e.getValue();
			double score = 0;
			for (int l = 0; l < m; l++) {
				if (p[2 * l] == 0) {
					continue;
				}
				if (r.kind() == Retrieval.Kind.RRF) {
					score += 1.0 / (r.rrfK() + p[2 * l]);
				} else {
					double weight = l == 0 ? 1 - r.denseWeight() : r.weightOf(l - 1);
					score += weight * normalise(p[2 * l + 1], ranges[l]);
				}
			}
			fused.add(new ScoreDoc(e.getKey(), (float) score));
			notes.put(e.getKey(), note(p, r, models, score));
		}
		fused.sort(Comparator.comparingDouble((ScoreDoc d) -> -d.score).thenComparingInt(d -> d.doc));
		ScoreDoc[] top = fused.subList(0, Math.min(n, fused.size())).toArray(ScoreDoc[]::new);
		return new Hits(topDocs(top), fused.size(), notes);
	}

	private static double[] range(ScoreDoc[] docs) {
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		for (ScoreDoc d : docs) {
			min = Math.min(min, d.score);
			max = Math.max(max, d.score);
		}
		return new double[]{min, max};
	}

	private static double normalise(double x, double[] range) {
		return range[1] > range[0] ? (x - range[0]) / (range[1] - range[0]) : 1;
	}

	private static String denseNote(int rank, double cosine, String model) {
		return String.format(Locale.ROOT, "dense rank %d (cosine %.4f, %s)", rank + 1, cosine, model); //$NON-NLS-1$
	}

	private static String note(double[] p, Retrieval r, List<String> models, double score) {
		StringBuilder b = new StringBuilder(p[0] > 0
				? String.format(Locale.ROOT, "BM25 rank %d (%.4f)", (int) p[0], p[1]) //$NON-NLS-1$
				: "not in BM25's top " + r.depth()); //$NON-NLS-1$
		for (int l = 1; 2 * l < p.length; l++) {
			b.append(", ").append(p[2 * l] > 0 //$NON-NLS-1$
					? denseNote((int) p[2 * l] - 1, p[2 * l + 1], models.get(l - 1))
					: "not in the " + models.get(l - 1) + " top " + r.depth()); //$NON-NLS-1$ //$NON-NLS-2$
		}
		b.append("; ").append(r.kind() == Retrieval.Kind.RRF //$NON-NLS-1$
				? String.format(Locale.ROOT, "reciprocal rank fusion (k %d) = %.5f", r.rrfK(), score) //$NON-NLS-1$
				: String.format(Locale.ROOT, "%.2f × dense + %.2f × BM25, each min-max normalised = %.4f", //$NON-NLS-1$
						r.denseWeight(), 1 - r.denseWeight(), score));
		return b.toString();
	}

	private static TopDocs topDocs(ScoreDoc[] docs) {
		return new TopDocs(new TotalHits(docs.length, TotalHits.Relation.EQUAL_TO), docs);
	}
}
