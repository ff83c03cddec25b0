package org.scriptorium.search.internal.related;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.scriptorium.core.graph.CitationSimilarity;
import org.scriptorium.core.graph.ScoredPaper;
import org.scriptorium.core.model.Paper;
import org.scriptorium.search.RelatedPaper;
import org.scriptorium.search.internal.analysis.AnseriniAnalyzer;
import org.scriptorium.search.internal.index.CorpusView;
import org.scriptorium.search.internal.index.PaperFields;
import org.scriptorium.search.internal.rank.Ranking;

/**
 * Papers related to one paper from three kinds of evidence: co-citation (Salton), bibliographic coupling
 * (Adamic/Adar) and text similarity (Lucene's {@link MoreLikeThis} over title and abstract). The three ranked lists
 * are merged by reciprocal rank fusion ({@code Σ 1 / (60 + rank)}), so a paper supported by several kinds ranks
 * first.
 */
public final class RelatedPapers {

	/** The usual RRF constant. */
	public static final int RRF_K = 60;
	private static final int PER_LIST = 50;

	private RelatedPapers() {
	}

	private static final class Entry {
		double score;
		final List<String> reasons = new ArrayList<>();
	}

	public static List<RelatedPaper> related(IndexSearcher s, CorpusView view, Paper paper, int k) throws IOException {
		Map<String, Entry> merged = new LinkedHashMap<>();
		var node = view.graph().indexOf(paper.id());
		if (node.isPresent()) {
			CitationSimilarity sim = view.similarity();
			add(merged, sim.topCoCited(node.getAsInt(), PER_LIST), "co-cited (Salton %.2f)"); //$NON-NLS-1$
			add(merged, sim.topCoupled(node.getAsInt(), PER_LIST), "shares references (Adamic/Adar %.2f)"); //$NON-NLS-1$
		}
		TopDocs self = s.search(new TermQuery(new Term(PaperFields.ID, paper.id())), 1);
		if (self.scoreDocs.length > 0) {
			int doc = self.scoreDocs[0].doc;
			MoreLikeThis mlt = new MoreLikeThis(s.getIndexReader());
			mlt.setAnalyzer(new AnseriniAnalyzer());
			mlt.setFieldNames(new String[]{PaperFields.TITLE, PaperFields.ABSTRACT});
			mlt.setMinTermFreq(1);
			mlt.setMinDocFreq(1);
			mlt.setMaxQueryTerms(25);
			Query like = mlt.like(doc);
			Query notSelf = new BooleanQuery.Builder().add(like, BooleanClause.Occur.MUST)
					.add(new TermQuery(new Term(PaperFields.ID, paper.id())), BooleanClause.Occur.MUST_NOT).build();
			List<ScoredPaper> text = new ArrayList<>();
			var leaves = s.getIndexReader().leaves();
			for (ScoreDoc sd : s.search(notSelf, PER_LIST).scoreDocs) {
				text.add(new ScoredPaper(-1, Ranking.id(leaves, sd.doc), sd.score));
			}
			add(merged, text, "similar text (more-like-this %.2f)"); //$NON-NLS-1$
		}
		List<RelatedPaper> out = new ArrayList<>();
		merged.forEach((id, e) -> out.add(new RelatedPaper(id,
				view.corpus().find(id).map(Paper::title).orElse(id), e.score, List.copyOf(e.reasons))));
		out.sort(Comparator.comparingDouble(RelatedPaper::score).reversed().thenComparing(RelatedPaper::paperId));
		return List.copyOf(out.subList(0, Math.min(k, out.size())));
	}

	private static void add(Map<String, Entry> merged, List<ScoredPaper> list, String reason) {
		for (int i = 0; i < list.size(); i++) {
			ScoredPaper p = list.get(i);
			Entry e = merged.computeIfAbsent(p.id(), x -> new Entry());
			e.score += 1.0 / (RRF_K + i + 1);
			e.reasons.add(String.format(Locale.ROOT, reason, p.score()));
		}
	}
}
