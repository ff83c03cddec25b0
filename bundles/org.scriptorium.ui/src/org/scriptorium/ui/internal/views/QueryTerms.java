package org.scriptorium.ui.internal.views;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Finds where the words of a filter query occur in a text, compared as English stems the way the index compares
 * them, to highlight them in the details pane. Operators, field names and syntax are ignored.
 */
final class QueryTerms {

	/** A range of the text to highlight. */
	record Range(int start, int end) {
	}

	private static final Analyzer ANALYZER = new EnglishAnalyzer();

	private final Set<String> stems;

	QueryTerms(String query) {
		String words = query.replaceAll("\\b(AND|OR|NOT)\\b", " ") //$NON-NLS-1$ //$NON-NLS-2$
				.replaceAll("\\b[a-zA-Z]+:", " ") //$NON-NLS-1$ //$NON-NLS-2$
				.replaceAll("[^\\p{L}\\p{N}'\\s]", " "); //$NON-NLS-1$ //$NON-NLS-2$
		stems = new HashSet<>();
		analyze(words, (stem, start, end) -> stems.add(stem));
	}

	boolean isEmpty() {
		return stems.isEmpty();
	}

	List<Range> find(String text) {
		List<Range> out = new ArrayList<>();
		if (!stems.isEmpty()) {
			analyze(text, (stem, start, end) -> {
				if (stems.contains(stem)) {
					out.add(new Range(start, end));
				}
			});
		}
		return out;
	}

	private interface TokenSink {
		void accept(String stem, int start, int end);
	}

	private static void analyze(String text, TokenSink sink) {
		try (TokenStream ts = ANALYZER.tokenStream("f", text)) { //$NON-NLS-1$
			CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
			OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
			ts.reset();
			while (ts.incrementToken()) {
				sink.accept(term.toString(), offset.startOffset(), offset.endOffset());
			}
			ts.end();
		} catch (IOException e) {
			// analysing a string in memory does not fail; nothing to highlight then
		}
	}
}
