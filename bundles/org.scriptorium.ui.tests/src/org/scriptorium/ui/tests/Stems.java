package org.scriptorium.ui.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.scriptorium.core.model.Paper;

/**
 * An independent expectation for word queries: whether a paper's title or abstract contains a word, compared as
 * English stems (Lucene's EnglishAnalyzer: Porter stemming, possessives and stop words), as the search engine's
 * default analyzer compares them.
 */
final class Stems {

	private static final Analyzer ANALYZER = new EnglishAnalyzer();

	private Stems() {
	}

	static Set<String> of(String text) {
		Set<String> out = new HashSet<>();
		try (TokenStream ts = ANALYZER.tokenStream("f", text)) { //$NON-NLS-1$
			CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
			ts.reset();
			while (ts.incrementToken()) {
				out.add(term.toString());
			}
			ts.end();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out;
	}

	/** Whether the title or abstract of {@code paper} has every word of {@code words} (as stems). */
	static boolean titleOrAbstractHas(Paper paper, String words) {
		return of(paper.title() + "\n" + paper.abstractText().orElse("")).containsAll(of(words)); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
