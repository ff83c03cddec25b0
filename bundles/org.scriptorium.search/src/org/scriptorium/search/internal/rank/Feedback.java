package org.scriptorium.search.internal.rank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.scriptorium.search.internal.index.DenseVectors;
import org.scriptorium.search.internal.index.PaperFields;

/**
 * Pseudo-relevance feedback: the first hits of a query are taken as relevant and the query is moved towards them.
 * <ul>
 * <li><b>RM3</b> for BM25 (Lavrenko and Croft's relevance model, interpolated with the query as Anserini does): each of
 * the top {@link #FB_DOCS} documents gives its term distribution (analysed title and abstract, frequencies over the
 * document length, terms in more than {@link #MAX_DF_RATIO} of the documents left out), weighted by the document's
 * score; the {@link #FB_TERMS} heaviest terms, normalised, are mixed
 * with the normalised query terms ({@link #ORIGINAL_WEIGHT} each side) into a new bag-of-words query.</li>
 * <li><b>Rocchio</b> for dense retrieval: the query vector plus {@link #ROCCHIO_BETA} times the centroid of the top
 * {@link #FB_DOCS} documents' vectors, normalised to unit length.</li>
 * </ul>
 */
public final class Feedback {

	/** Feedback documents (Anserini's RM3 default). */
	public static final int FB_DOCS = 10;
	/** Expansion terms (Anserini's RM3 default). */
	public static final int FB_TERMS = 10;
	/** Weight of the original query in RM3 (Anserini's default). */
	public static final double ORIGINAL_WEIGHT = 0.5;
	/** Feedback terms in more documents than this share are left out (Anserini's RM3 filter). */
	public static final double MAX_DF_RATIO = 0.1;
	/** Weight of the feedback centroid in Rocchio (the query's is 1). */
	public static final double ROCCHIO_BETA = 0.5;

	private Feedback() {
	}

	/** The RM3 query of {@code query}'s analysed terms, expanded from the first hits {@code top} of BM25. */
	public static Query rm3(IndexSearcher s, Analyzer analyzer, String field, String text, ScoreDoc[] top)
			throws IOException {
		Map<String, Double> original = normalised(terms(analyzer, field, text));
		Map<String, Double> model = new HashMap<>();
		StoredFields stored = s.getIndexReader().storedFields();
		int docs = Math.max(1, s.getIndexReader().numDocs());
		for (int i = 0; i < Math.min(FB_DOCS, top.length); i++) {
			Document d = stored.document(top[i].doc, java.util.Set.of(PaperFields.TITLE, PaperFields.ABSTRACT));
			String body = (d.get(PaperFields.TITLE) == null ? "" : d.get(PaperFields.TITLE)) + " " //$NON-NLS-1$ //$NON-NLS-2$
					+ (d.get(PaperFields.ABSTRACT) == null ? "" : d.get(PaperFields.ABSTRACT)); //$NON-NLS-1$
			Map<String, Double> tf = terms(analyzer, field, body);
			// Anserini leaves out terms in more than a tenth of the documents (they describe nothing)
			tf.keySet().removeIf(t -> {
				try {
					return s.getIndexReader().docFreq(new Term(field, t)) > MAX_DF_RATIO * docs;
				} catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
			Map<String, Double> p = normalised(tf);
			double weight = top[i].score;
			p.forEach((t, w) -> model.merge(t, w * weight, Double::sum));
		}
		List<Map.Entry<String, Double>> best = new ArrayList<>(model.entrySet());
		best.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
		Map<String, Double> expansion = new LinkedHashMap<>();
		for (int i = 0; i < Math.min(FB_TERMS, best.size()); i++) {
			expansion.put(best.get(i).getKey(), best.get(i).getValue());
		}
		expansion = normalised(expansion);
		Map<String, Double> mixed = new LinkedHashMap<>();
		original.forEach((t, w) -> mixed.merge(t, ORIGINAL_WEIGHT * w, Double::sum));
		expansion.forEach((t, w) -> mixed.merge(t, (1 - ORIGINAL_WEIGHT) * w, Double::sum));
		BooleanQuery.Builder b = new BooleanQuery.Builder();
		mixed.forEach((t, w) -> b.add(new BoostQuery(new TermQuery(new Term(field, t)), (float) (double) w),
				BooleanClause.Occur.SHOULD));
		return b.build();
	}

	/** Anserini's filter of feedback terms: 2 to 20 letters or digits. */
	private static boolean usable(String term) {
		return term.length() >= 2 && term.length() <= 20 && term.chars().allMatch(Character::isLetterOrDigit);
	}

	private static Map<String, Double> terms(Analyzer analyzer, String field, String text) {
		Map<String, Double> counts = new LinkedHashMap<>();
		try (TokenStream ts = analyzer.tokenStream(field, text)) {
			CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
			ts.reset();
			while (ts.incrementToken()) {
				String t = term.toString();
				if (usable(t)) {
					counts.merge(t, 1.0, Double::sum);
				}
			}
			ts.end();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return counts;
	}

	private static Map<String, Double> normalised(Map<String, Double> weights) {
		double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
		Map<String, Double> out = new LinkedHashMap<>();
		weights.forEach((t, w) -> out.put(t, sum == 0 ? 0 : w / sum));
		return out;
	}

	/** Rocchio: {@code vector + β · centroid(top documents' vectors of encoder)}, unit length. */
	public static float[] rocchio(IndexSearcher s, String encoder, float[] vector, ScoreDoc[] top) throws IOException {
		double[] sum = new double[vector.length];
		int n = 0;
		List<LeafReaderContext> leaves = s.getIndexReader().leaves();
		for (int i = 0; i < Math.min(FB_DOCS, top.length); i++) {
			LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(top[i].doc, leaves));
			FloatVectorValues values = leaf.reader().getFloatVectorValues(DenseVectors.field(encoder));
			if (values == null) {
				continue;
			}
			KnnVectorValues.DocIndexIterator it = values.iterator();
			int local = top[i].doc - leaf.docBase;
			if (it.advance(local) != local) {
				continue;
			}
			float[] v = values.vectorValue(it.index());
			for (int j = 0; j < sum.length; j++) {
				sum[j] += v[j];
			}
			n++;
		}
		float[] out = new float[vector.length];
		double norm = 0;
		for (int j = 0; j < out.length; j++) {
			double x = vector[j] + (n == 0 ? 0 : ROCCHIO_BETA * sum[j] / n);
			out[j] = (float) x;
			norm += x * x;
		}
		norm = Math.sqrt(norm);
		for (int j = 0; j < out.length && norm > 0; j++) {
			out[j] /= (float) norm;
		}
		return out;
	}
}
