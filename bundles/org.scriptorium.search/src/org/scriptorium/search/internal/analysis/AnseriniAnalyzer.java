package org.scriptorium.search.internal.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Anserini's default English analyzer, as its BEIR baselines use it: {@link StandardTokenizer},
 * {@link EnglishPossessiveFilter}, {@link LowerCaseFilter}, {@link StopFilter} with Lucene's English stop set,
 * {@link PorterStemFilter}. (The same chain as Lucene's {@link EnglishAnalyzer} without a keyword set.)
 */
public final class AnseriniAnalyzer extends Analyzer {

	@Override
	protected TokenStreamComponents createComponents(String fieldName) {
		StandardTokenizer source = new StandardTokenizer();
		TokenStream result = new EnglishPossessiveFilter(source);
		result = new LowerCaseFilter(result);
		result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
		result = new PorterStemFilter(result);
		return new TokenStreamComponents(source, result);
	}

	@Override
	protected TokenStream normalize(String fieldName, TokenStream in) {
		return new LowerCaseFilter(in);
	}
}
