package org.scriptorium.search.internal.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.scriptorium.search.HighlightTerms;
import org.scriptorium.search.internal.index.PaperFields;

/**
 * The {@link HighlightTerms} of a parsed query: the terms and term patterns (wildcards, fuzzy terms) its clauses on
 * the English text fields match, collected with a {@link QueryVisitor}; negated clauses are left out. A text is
 * searched for them with the index's analyzer, so that it is compared exactly as the index compares it.
 */
public final class QueryHighlights implements HighlightTerms {

	private static final Set<String> TEXT_FIELDS = Set.of(PaperFields.TITLE, PaperFields.ABSTRACT,
			PaperFields.CONTENTS);

	private final Analyzer analyzer;
	private final Set<BytesRef> terms;
	private final List<ByteRunAutomaton> patterns;

	private QueryHighlights(Analyzer analyzer, Set<BytesRef> terms, List<ByteRunAutomaton> patterns) {
		this.analyzer = analyzer;
		this.terms = terms;
		this.patterns = patterns;
	}

	/**
	 * The terms of {@code query} to highlight, found in texts with {@code analyzer} (the index's analyzer; its
	 * English text fields' analysis is used).
	 */
	public static HighlightTerms of(Query query, Analyzer analyzer) {
		Set<BytesRef> terms = new HashSet<>();
		List<ByteRunAutomaton> patterns = new ArrayList<>();
		query.visit(new QueryVisitor() {
			@Override
			public boolean acceptField(String field) {
				return TEXT_FIELDS.contains(field);
			}

			@Override
			public void consumeTerms(Query q, Term... found) {
				for (Term t : found) {
					terms.add(BytesRef.deepCopyOf(t.bytes()));
				}
			}

			@Override
			public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
				patterns.add(automaton.get());
			}

			@Override
			public QueryVisitor getSubVisitor(Occur occur, Query parent) {
				return occur == Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
			}
		});
		return terms.isEmpty() && patterns.isEmpty()
				? NONE
				: new QueryHighlights(analyzer, Set.copyOf(terms), List.copyOf(patterns));
	}

	@Override
	public List<Range> find(String text) {
		List<Range> out = new ArrayList<>();
		try (TokenStream ts = analyzer.tokenStream(PaperFields.ABSTRACT, text)) {
			CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
			OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
			ts.reset();
			while (ts.incrementToken()) {
				if (matches(new BytesRef(term))) {
					out.add(new Range(offset.startOffset(), offset.endOffset()));
				}
			}
			ts.end();
		} catch (IOException e) {
			throw new UncheckedIOException(e); // analysing a string in memory does not read anything
		}
		return out;
	}

	private boolean matches(BytesRef term) {
		if (terms.contains(term)) {
			return true;
		}
		for (ByteRunAutomaton p : patterns) {
			if (p.run(term.bytes, term.offset, term.length)) {
				return true;
			}
		}
		return false;
	}
}
