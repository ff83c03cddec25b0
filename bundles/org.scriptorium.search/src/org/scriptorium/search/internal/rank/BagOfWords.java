package org.scriptorium.search.internal.rank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Anserini's bag-of-words query: the query text analysed with the field's analyzer, one SHOULD term query per
 * distinct term, boosted by how often the term occurs in the query. Free text with any punctuation works (no query
 * syntax), which is what evaluation queries need.
 */
public final class BagOfWords {

	private BagOfWords() {
	}

	public static Query build(String field, Analyzer analyzer, String text) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		try (TokenStream ts = analyzer.tokenStream(field, text)) {
			CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
			ts.reset();
			while (ts.incrementToken()) {
				counts.merge(term.toString(), 1, Integer::sum);
			}
			ts.end();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		BooleanQuery.Builder b = new BooleanQuery.Builder();
		counts.forEach(
				(t, n) -> b.add(new BoostQuery(new TermQuery(new Term(field, t)), n), BooleanClause.Occur.SHOULD));
		return b.build();
	}

	/** One bag-of-words query per field, each boosted by its weight, summed (Anserini's multifield). */
	public static Query build(Map<String, Float> fieldWeights, Analyzer analyzer, String text) {
		BooleanQuery.Builder b = new BooleanQuery.Builder();
		fieldWeights.forEach(
				(f, w) -> b.add(new BoostQuery(build(f, analyzer, text), w), BooleanClause.Occur.SHOULD));
		return b.build();
	}
}
