package org.scriptorium.search.internal.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.util.BytesRef;
import org.scriptorium.core.graph.CitationGraph;
import org.scriptorium.search.Ranker;
import org.scriptorium.search.RankingSettings;
import org.scriptorium.search.internal.index.CorpusView;
import org.scriptorium.search.internal.index.PaperFields;

/**
 * Runs a query with BM25 and, for the citation-aware ranker, re-ranks the top text hits:
 * <pre>
 * score = bm25 / maxBm25 + priorWeight · prior + graphWeight · propagated / maxPropagated
 * prior = 0.5 ln(1 + citedBy) + 0.5 max(0, ln(n · PageRank))
 * </pre>
 * where the propagated mass is one step of personalized PageRank (restart 0) from the top {@code seedHits} text hits,
 * each seeded with its normalised BM25 score and spreading it evenly over its references and citing papers. Only
 * documents matching the query are ranked (a filter stays a filter); matching documents outside the text top list
 * that receive mass join the candidates. On a corpus without citation edges the text order and scores are kept
 * exactly.
 */
public final class Ranking {

	private Ranking() {
	}

	/** The ranked documents and the number of matches. */
	public record Result(List<RankedDoc> docs, long totalHits) {
	}

	/** A searcher over the same reader with the BM25 parameters of the settings. */
	public static IndexSearcher searcher(IndexSearcher base, RankingSettings settings) {
		IndexSearcher s = new IndexSearcher(base.getIndexReader());
		s.setSimilarity(new BM25Similarity(settings.k1(), settings.b()));
		return s;
	}

	public static Result rank(IndexSearcher s, CorpusView view, Query q, int limit, RankingSettings settings)
			throws IOException {
		boolean citation = settings.ranker() == Ranker.CITATION;
		TopDocs td = s.search(q, citation ? Math.max(limit, settings.candidates()) : limit);
		long total = td.totalHits.value();
		CitationGraph g = view.graph();
		if (!citation || td.scoreDocs.length == 0 || g.edgeCount() == 0) {
			List<RankedDoc> out = new ArrayList<>();
			for (int i = 0; i < Math.min(limit, td.scoreDocs.length); i++) {
				ScoreDoc sd = td.scoreDocs[i];
				out.add(new RankedDoc(sd.doc, sd.score, sd.score, 0, 0, List.of()));
			}
			return new Result(out, total);
		}
		return rerank(s, view, q, td, limit, settings, total);
	}

	private static Result rerank(IndexSearcher s, CorpusView view, Query q, TopDocs td, int limit,
			RankingSettings settings, long total) throws IOException {
		CitationGraph g = view.graph();
		List<LeafReaderContext> leaves = s.getIndexReader().leaves();
		double maxText = td.scoreDocs[0].score > 0 ? td.scoreDocs[0].score : 1;
		// candidates in text order
		Map<Integer, Double> text = new LinkedHashMap<>();
		for (ScoreDoc sd : td.scoreDocs) {
			text.put(sd.doc, (double) sd.score);
		}
		// one propagation step from the seeds
		Map<Integer, Double> mass = new HashMap<>();
		Map<Integer, List<String>> reasons = new HashMap<>();
		int seeds = Math.min(settings.seedHits(), td.scoreDocs.length);
		for (int k = 0; k < seeds; k++) {
			OptionalInt node = g.indexOf(id(leaves, td.scoreDocs[k].doc));
			if (node.isEmpty()) {
				continue;
			}
			int u = node.getAsInt();
			int deg = g.referenceCount(u) + g.citedByCount(u);
			if (deg == 0) {
				continue;
			}
			double share = td.scoreDocs[k].score / maxText / deg;
			int rank = k + 1;
			for (int v : g.references(u)) {
				mass.merge(v, share, Double::sum);
				reasons.computeIfAbsent(v, x -> new ArrayList<>()).add("cited by top text hit #" + rank); //$NON-NLS-1$
			}
			for (int v : g.citedBy(u)) {
				mass.merge(v, share, Double::sum);
				reasons.computeIfAbsent(v, x -> new ArrayList<>()).add("cites top text hit #" + rank); //$NON-NLS-1$
			}
		}
		double maxMass = mass.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
		// matching documents outside the text top list that received mass
		Map<Integer, Integer> docOfNode = new HashMap<>();
		if (!mass.isEmpty()) {
			List<BytesRef> ids = mass.keySet().stream().map(n -> new BytesRef(g.idOf(n))).toList();
			Query restricted = new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST)
					.add(new TermInSetQuery(PaperFields.ID, ids), BooleanClause.Occur.FILTER).build();
			for (ScoreDoc sd : s.search(restricted, ids.size()).scoreDocs) {
				text.putIfAbsent(sd.doc, (double) sd.score);
				g.indexOf(id(leaves, sd.doc)).ifPresent(n -> docOfNode.put(n, sd.doc));
			}
		}
		Map<Integer, Integer> nodeOfDoc = new HashMap<>();
		docOfNode.forEach((n, d) -> nodeOfDoc.put(d, n));
		List<RankedDoc> ranked = new ArrayList<>(text.size());
		Map<Integer, Integer> textOrder = new HashMap<>();
		for (Map.Entry<Integer, Double> e : text.entrySet()) {
			int doc = e.getKey();
			textOrder.put(doc, textOrder.size());
			double prior = settings.priorWeight() * prior(leaves, doc);
			Integer node = nodeOfDoc.get(doc);
			double graph = 0;
			List<String> why = List.of();
			if (node != null && maxMass > 0) {
				graph = settings.graphWeight() * mass.get(node) / maxMass;
				why = reasons.get(node);
			}
			double score = e.getValue() / maxText + prior + graph;
			ranked.add(new RankedDoc(doc, score, e.getValue(), prior, graph, why));
		}
		ranked.sort(Comparator.comparingDouble(RankedDoc::score).reversed()
				.thenComparingInt(r -> textOrder.get(r.doc())));
		return new Result(List.copyOf(ranked.subList(0, Math.min(limit, ranked.size()))), total);
	}

	/** The unweighted prior of a document from its graph doc values. */
	public static double prior(List<LeafReaderContext> leaves, int doc) throws IOException {
		LeafReaderContext c = leaves.get(ReaderUtil.subIndex(doc, leaves));
		LeafReader r = c.reader();
		int local = doc - c.docBase;
		long citedBy = 0;
		NumericDocValues cb = r.getNumericDocValues(PaperFields.CITED_BY);
		if (cb != null && cb.advanceExact(local)) {
			citedBy = cb.longValue();
		}
		double pr = 1;
		NumericDocValues p = r.getNumericDocValues(PaperFields.PAGERANK);
		if (p != null && p.advanceExact(local)) {
			pr = Double.longBitsToDouble(p.longValue());
		}
		double lnPr = pr > 0 ? Math.log(pr) : 0;
		if (Math.abs(lnPr) < 1e-9) {
			lnPr = 0; // the uniform PageRank of a graph without edges, up to rounding
		}
		return 0.5 * Math.log1p(citedBy) + 0.5 * Math.max(0, lnPr);
	}

	/** The paper id of a document. */
	public static String id(List<LeafReaderContext> leaves, int doc) throws IOException {
		LeafReaderContext c = leaves.get(ReaderUtil.subIndex(doc, leaves));
		SortedDocValues ids = c.reader().getSortedDocValues(PaperFields.ID);
		if (ids == null || !ids.advanceExact(doc - c.docBase)) {
			return ""; //$NON-NLS-1$
		}
		return ids.lookupOrd(ids.ordValue()).utf8ToString();
	}
}
