package org.scriptorium.search.internal.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.scriptorium.core.graph.CitationGraph;
import org.scriptorium.search.Ranker;
import org.scriptorium.search.Retrieval;
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
 * each seeded with its normalised BM25 score and spreading it evenly over its references and citing papers. The
 * candidates are the top {@code candidates} text hits (documents matching the query: a filter stays a filter); the
 * propagation is evaluated on them only, reading each candidate's reference row once. Each candidate's graph
 * node and prior come from {@link GraphColumns} (arrays read once per index reader), not from per-query doc-value
 * lookups. On a corpus without citation edges the text order and scores are kept exactly.
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
		return rank(s, view, FirstStage.retrieve(s, Retrieval.LEXICAL, q, null, List.of(), depth(limit, settings)),
				limit,
				settings);
	}

	/** How many first-stage hits {@link #rank(IndexSearcher, CorpusView, FirstStage.Hits, int, RankingSettings)} needs. */
	public static int depth(int limit, RankingSettings settings) {
		return settings.ranker() == Ranker.CITATION ? Math.max(limit, settings.candidates()) : limit;
	}

	/** Ranks first-stage hits (BM25, dense or fused), re-ranking them with citation evidence when asked. */
	public static Result rank(IndexSearcher s, CorpusView view, FirstStage.Hits first, int limit,
			RankingSettings settings) throws IOException {
		boolean citation = settings.ranker() == Ranker.CITATION;
		TopDocs td = first.docs();
		long total = first.total();
		CitationGraph g = view.graph();
		if (!citation || td.scoreDocs.length == 0 || g.edgeCount() == 0) {
			List<RankedDoc> out = new ArrayList<>();
			for (int i = 0; i < Math.min(limit, td.scoreDocs.length); i++) {
				ScoreDoc sd = td.scoreDocs[i];
				out.add(new RankedDoc(sd.doc, sd.score, sd.score, 0, 0, List.of()));
			}
			return new Result(out, total);
		}
		return rerank(s, view, td, limit, settings, total);
	}

	private static Result rerank(IndexSearcher s, CorpusView view, TopDocs td, int limit,
			RankingSettings settings, long total) throws IOException {
		CitationGraph g = view.graph();
		ScoreDoc[] all = td.scoreDocs;
		ScoreDoc[] hits = java.util.Arrays.copyOf(all, Math.min(all.length, settings.candidates()));
		double maxText = hits[0].score > 0 ? hits[0].score : 1;
		GraphColumns columns = GraphColumns.of(s.getIndexReader(), view);
		int[] nodes = new int[hits.length];
		for (int i = 0; i < hits.length; i++) {
			nodes[i] = columns.node(hits[i].doc);
		}
		// the seeds spread their normalised text score evenly over their references and citing papers
		int seeds = Math.min(settings.seedHits(), hits.length);
		double[] share = new double[seeds];
		for (int k = 0; k < seeds; k++) {
			int u = nodes[k];
			int deg = u < 0 ? 0 : g.referenceCount(u) + g.citedByCount(u);
			share[k] = deg == 0 ? 0 : hits[k].score / maxText / deg;
		}
		// the links between seeds and candidates, reading one CSR row (the references) per candidate instead of two
		// binary searches per (seed, candidate) pair: the rows are where the cache misses are, the lists are short
		int n = hits.length;
		boolean[] seedCites = new boolean[n * seeds]; // [i * seeds + k]: seed k cites candidate i
		boolean[] citesSeed = new boolean[n * seeds]; // [i * seeds + k]: candidate i cites seed k
		for (int i = 0; i < n; i++) {
			int c = nodes[i];
			if (c < 0) {
				continue;
			}
			for (int t : g.references(c)) {
				if (t == c) {
					continue;
				}
				for (int k = 0; k < seeds; k++) {
					if (nodes[k] == t) {
						citesSeed[i * seeds + k] = true;
					}
				}
				if (i < seeds) {
					for (int j = 0; j < n; j++) {
						if (nodes[j] == t) {
							seedCites[j * seeds + i] = true;
						}
					}
				}
			}
		}
		// one propagation step, evaluated on the candidates (the text top list)
		double[] mass = new double[hits.length];
		List<List<String>> reasons = new ArrayList<>(hits.length);
		double maxMass = 0;
		for (int i = 0; i < hits.length; i++) {
			int c = nodes[i];
			List<String> why = List.of();
			for (int k = 0; c >= 0 && k < seeds; k++) {
				int sNode = nodes[k];
				if (share[k] == 0 || sNode == c) {
					continue;
				}
				if (seedCites[i * seeds + k]) {
					mass[i] += share[k];
					why = add(why, "cited by top text hit #" + (k + 1)); //$NON-NLS-1$
				}
				if (citesSeed[i * seeds + k]) {
					mass[i] += share[k];
					why = add(why, "cites top text hit #" + (k + 1)); //$NON-NLS-1$
				}
			}
			reasons.add(why);
			maxMass = Math.max(maxMass, mass[i]);
		}
		List<RankedDoc> ranked = new ArrayList<>(hits.length);
		for (int i = 0; i < hits.length; i++) {
			double prior = settings.priorWeight() * columns.prior(hits[i].doc);
			double graph = maxMass > 0 ? settings.graphWeight() * mass[i] / maxMass : 0;
			double score = hits[i].score / maxText + prior + graph;
			ranked.add(new RankedDoc(hits[i].doc, score, hits[i].score, prior, graph, reasons.get(i)));
		}
		// stable sort: equal scores keep the text order
		ranked.sort(Comparator.comparingDouble(RankedDoc::score).reversed());
		// below the candidates the text order stays: their normalised text score is at most any candidate's score
		for (int i = hits.length; i < all.length && ranked.size() < limit; i++) {
			double text = all[i].score / maxText;
			ranked.add(new RankedDoc(all[i].doc, text, all[i].score, 0, 0, List.of()));
		}
		return new Result(List.copyOf(ranked.subList(0, Math.min(limit, ranked.size()))), total);
	}

	private static List<String> add(List<String> l, String s) {
		List<String> out = l.isEmpty() ? new ArrayList<>() : l;
		out.add(s);
		return out;
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
		return prior(citedBy, pr);
	}

	/** {@code 0.5 ln(1 + citedBy) + 0.5 max(0, ln(pagerank))}, with {@code pagerank} normalised so 1 is average. */
	public static double prior(long citedBy, double pr) {
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
