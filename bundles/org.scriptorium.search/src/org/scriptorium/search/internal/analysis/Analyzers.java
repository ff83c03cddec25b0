package org.scriptorium.search.internal.analysis;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.scriptorium.search.internal.index.PaperFields;

/** The analyzer of every index field. */
public final class Analyzers {

	private Analyzers() {
	}

	/** English text fields use {@link AnseriniAnalyzer}; author and venue {@link NameAnalyzer}. */
	public static Analyzer perField() {
		NameAnalyzer names = new NameAnalyzer();
		return new PerFieldAnalyzerWrapper(new AnseriniAnalyzer(),
				Map.of(PaperFields.AUTHOR, names, PaperFields.VENUE, names));
	}
}
