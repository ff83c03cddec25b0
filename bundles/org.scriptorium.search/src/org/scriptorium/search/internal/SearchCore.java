package org.scriptorium.search.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.facet.LongValueFacetCounts;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.scriptorium.core.graph.CitationGraph;
import org.scriptorium.core.graph.CitationResolver;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.core.model.Paper;
import org.scriptorium.search.CitedIn;
import org.scriptorium.search.FacetCount;
import org.scriptorium.search.HitExplanation;
import org.scriptorium.search.IndexMessages;
import org.scriptorium.search.ProgressMonitor;
import org.scriptorium.search.QueryError;
import org.scriptorium.search.Ranker;
import org.scriptorium.search.RankingSettings;
import org.scriptorium.search.Retrieval;
import org.scriptorium.search.TextEncoder;
import org.scriptorium.search.internal.index.DenseVectors;
import org.scriptorium.search.internal.rank.DenseQuery;
import org.scriptorium.search.internal.rank.FirstStage;
import org.scriptorium.search.RelatedPaper;
import org.scriptorium.search.SearchHit;
import org.scriptorium.search.SearchRequest;
import org.scriptorium.search.SearchResult;
import org.scriptorium.search.internal.index.CorpusView;
import org.scriptorium.search.internal.index.IndexStore;
import org.scriptorium.search.internal.index.PaperFields;
import org.scriptorium.search.internal.query.GraphOperators;
import org.scriptorium.search.internal.query.PaperQueryParser;
import org.scriptorium.search.internal.query.QueryHighlights;
import org.scriptorium.search.internal.rank.BagOfWords;
import org.scriptorium.search.internal.rank.Explainer;
import org.scriptorium.search.internal.rank.Feedback;
import org.scriptorium.search.internal.rank.RankedDoc;
import org.scriptorium.search.internal.rank.Ranking;
import org.scriptorium.search.internal.related.RelatedPapers;

/** The engine behind {@link org.scriptorium.search.PaperSearchEngine}: store, parser, ranking, snippets, facets. */
public final class SearchCore implements AutoCloseable {

	private static final int FACET_TOP = 10;
	private final IndexStore store;
	private volatile CitedIn citedIn;

	private SearchCore(IndexStore store) {
		this.store = store;
	}

	public static SearchCore open(ICorpus corpus, Path indexDir, boolean verifyChecksums, IndexMessages messages,
			ProgressMonitor monitor) throws IOException {
		return open(corpus, indexDir, verifyChecksums, messages, DenseVectors.none(), monitor);
	}

	/** Opens with the vectors of {@code dense}'s encoders in the index (dense and hybrid rankers). */
	public static SearchCore open(ICorpus corpus, Path indexDir, boolean verifyChecksums, IndexMessages messages,
			DenseVectors dense, ProgressMonitor monitor) throws IOException {
		return new SearchCore(IndexStore.open(indexDir, corpus, verifyChecksums, messages, dense, monitor));
	}

	/**
	 * The encoder a ranking needs, or an error saying that its vectors are not in the index.
	 *
	 * @throws UnindexedModelException when the index holds no vectors of the settings' model
	 */
	private List<TextEncoder> encodersFor(RankingSettings settings) throws UnindexedModelException {
		List<TextEncoder> out = new ArrayList<>();
		for (String model : settings.retrieval().models()) {
			out.add(store.dense().encoder(model).orElseThrow(() -> new UnindexedModelException(model,
					store.dense().encoders().stream().map(TextEncoder::id).toList())));
		}
		return out;
	}

	/** The query's vector for each encoder. */
	private static List<float[]> vectors(List<TextEncoder> encoders, String text) throws IOException {
		return vectors(encoders, text, null);
	}

	/**
	 * The query's vector for each encoder, looked up in and added to {@code memo} (keyed by model id and text) when it
	 * is not null.
	 */
	private static List<float[]> vectors(List<TextEncoder> encoders, String text, Map<String, float[]> memo)
			throws IOException {
		List<float[]> out = new ArrayList<>(encoders.size());
		for (TextEncoder e : encoders) {
			String key = e.id() + '\n' + text;
			float[] v = memo == null ? null : memo.get(key);
			if (v == null) {
				v = e.encodeQuery(text);
				if (memo != null) {
					memo.put(key, v);
				}
			}
			out.add(v);
		}
		return out;
	}

	/** A dense or hybrid ranker asked for a model whose vectors the index does not hold. */
	public static final class UnindexedModelException extends IOException {
		private static final long serialVersionUID = 1L;

		UnindexedModelException(String model, List<String> indexed) {
			super("The search index holds no vectors of the embedding model '" + model + "' (" //$NON-NLS-1$ //$NON-NLS-2$
					+ (indexed.isEmpty()
							? "it holds none: the dense-retrieval feature is not installed or no model is enabled" //$NON-NLS-1$
							: "it holds " + String.join(", ", indexed)) //$NON-NLS-1$ //$NON-NLS-2$
					+ "). Choose an indexed model or enable this one in the search preferences."); //$NON-NLS-1$
		}
	}

	/** See {@link org.scriptorium.search.PaperSearchEngine#setCitedIn(CitedIn)}. */
	public void setCitedIn(CitedIn value) {
		citedIn = value;
	}

	public IndexStore store() {
		return store;
	}

	/** A ranked id with its score (evaluation runs). */
	public record ScoredId(String id, double score) {
	}

	/** Runs free text as Anserini does (bag of words, no syntax): for evaluation. */
	public List<ScoredId> searchFreeText(String text, int k, RankingSettings settings) throws IOException {
		return searchFreeText(text, k, settings, null);
	}

	/**
	 * As {@link #searchFreeText(String, int, RankingSettings)}, the query's vectors looked up in and added to
	 * {@code queryVectors} (by model and text; null: none kept), so that rankers sharing a model embed each query once.
	 */
	public List<ScoredId> searchFreeText(String text, int k, RankingSettings settings,
			Map<String, float[]> queryVectors) throws IOException {
		List<float[]> vectors = vectors(encodersFor(settings), text, queryVectors);
		IndexSearcher base = store.acquire();
		try {
			IndexSearcher s = Ranking.searcher(base, settings);
			Query q = settings.multifield()
					? BagOfWords.build(multifieldWeights(settings), store.analyzer(), text)
					: BagOfWords.build(PaperFields.CONTENTS, store.analyzer(), text);
			Retrieval first = settings.retrieval();
			if (first.rm3() && !settings.multifield()) {
				q = Feedback.rm3(s, store.analyzer(), PaperFields.CONTENTS, text,
						s.search(q, Feedback.FB_DOCS).scoreDocs);
			}
			if (first.rocchio()) {
				List<float[]> moved = new ArrayList<>();
				for (int m = 0; m < first.models().size(); m++) {
					String model = first.models().get(m);
					ScoreDoc[] top = s.search(new KnnFloatVectorQuery(DenseVectors.field(model), vectors.get(m),
							Feedback.FB_DOCS), Feedback.FB_DOCS).scoreDocs;
					moved.add(Feedback.rocchio(s, model, vectors.get(m), top));
				}
				vectors = moved;
			}
			Ranking.Result r = Ranking.rank(s, store.view(),
					FirstStage.retrieve(s, settings.retrieval(), q, null, vectors, Ranking.depth(k, settings)), k,
					settings);
			List<ScoredId> out = new ArrayList<>(r.docs().size());
			var leaves = s.getIndexReader().leaves();
			for (RankedDoc d : r.docs()) {
				out.add(new ScoredId(Ranking.id(leaves, d.doc()), d.score()));
			}
			return out;
		} finally {
			store.release(base);
		}
	}

	private static Map<String, Float> multifieldWeights(RankingSettings settings) {
		Map<String, Float> m = new LinkedHashMap<>();
		m.put(PaperFields.TITLE, settings.titleWeight());
		m.put(PaperFields.ABSTRACT, settings.abstractWeight());
		return m;
	}

	/** Parses a query against the current corpus. */
	public PaperQueryParser.Parsed parse(String query, RankingSettings settings) {
		CorpusView view = store.view();
		String[] fields = settings.multifield()
				? new String[]{PaperFields.TITLE, PaperFields.ABSTRACT}
				: new String[]{PaperFields.CONTENTS};
		Map<String, Float> boosts = settings.multifield() ? multifieldWeights(settings) : Map.of();
		return new PaperQueryParser(store.analyzer(), fields, boosts, new Graph(view)).parse(query);
	}

	public SearchResult search(SearchRequest request) throws IOException {
		if (request.ranking().retrieval().feedback()) {
			return SearchResult.failed(new QueryError("Pseudo-relevance feedback (" //$NON-NLS-1$
					+ request.ranking().rankerSpec() + ") ranks free text for evaluation only: use it with eval.", -1)); //$NON-NLS-1$
		}
		PaperQueryParser.Parsed parsed = parse(request.query(), request.ranking());
		if (!parsed.ok()) {
			return SearchResult.failed(parsed.error());
		}
		RankingSettings settings = request.ranking();
		// only dense and hybrid rankers split the query into text to embed and fielded clauses
		DenseQuery dq = settings.retrieval().usesVectors() ? DenseQuery.split(request.query()) : null;
		Query filter = null;
		List<float[]> vectors = List.of();
		if (dq != null && !dq.text().isEmpty()) {
			List<TextEncoder> encoders;
			try {
				encoders = encodersFor(settings);
			} catch (UnindexedModelException e) {
				return SearchResult.failed(new QueryError(e.getMessage(), -1));
			}
			vectors = vectors(encoders, dq.text());
			if (!dq.filter().isEmpty()) {
				PaperQueryParser.Parsed f = parse(dq.filter(), settings);
				filter = f.ok() ? f.query() : null;
			}
		} else if (dq != null) {
			settings = settings.withRetrieval(Retrieval.LEXICAL); // only fielded clauses: nothing to embed
		}
		IndexSearcher base = store.acquire();
		try {
			IndexSearcher s = Ranking.searcher(base, settings);
			Query q = parsed.query();
			Ranking.Result ranked;
			FirstStage.Hits first;
			try {
				first = FirstStage.retrieve(s, settings.retrieval(), q, filter, vectors,
						Ranking.depth(request.limit(), settings));
				ranked = Ranking.rank(s, store.view(), first, request.limit(), settings);
			} catch (IndexSearcher.TooManyClauses e) {
				return SearchResult.failed(new QueryError(
						"The query expands to too many terms; make wildcards more specific.", -1)); //$NON-NLS-1$
			}
			List<RankedDoc> docs = ranked.docs();
			Map<Integer, String> snippets = request.highlight() ? snippets(s, q, docs) : Map.of();
			StoredFields stored = s.getIndexReader().storedFields();
			List<SearchHit> hits = new ArrayList<>(docs.size());
			boolean citation = request.ranking().ranker() == Ranker.CITATION;
			for (int i = 0; i < docs.size(); i++) {
				RankedDoc d = docs.get(i);
				Document doc = stored.document(d.doc());
				HitExplanation why = request.explain()
						? Explainer.explain(s, q, d, citation, first.notes().get(d.doc()))
						: null;
				Number year = doc.getField(PaperFields.YEAR) == null
						? null
						: doc.getField(PaperFields.YEAR).numericValue();
				hits.add(new SearchHit(i + 1, doc.get(PaperFields.ID), doc.get(PaperFields.TITLE),
						List.of(doc.getValues(PaperFields.AUTHORS_STORED)), year == null ? null : year.intValue(),
						doc.get(PaperFields.VENUE), d.score(), snippets.get(d.doc()), why));
			}
			Map<String, List<FacetCount>> facets = request.facets() ? facets(s, q) : Map.of();
			return new SearchResult(List.copyOf(hits), ranked.totalHits(), facets, Optional.empty(),
					QueryHighlights.of(q, store.analyzer()));
		} finally {
			store.release(base);
		}
	}

	private Map<Integer, String> snippets(IndexSearcher s, Query q, List<RankedDoc> docs) throws IOException {
		if (docs.isEmpty()) {
			return Map.of();
		}
		UnifiedHighlighter h = UnifiedHighlighter.builder(s, store.analyzer()).withFieldMatcher(f -> true)
				.withMaxLength(20_000).build();
		int[] ids = docs.stream().mapToInt(RankedDoc::doc).toArray();
		int[] ordered = ids.clone();
		java.util.Arrays.sort(ordered); // the highlighter wants ascending doc ids
		Map<String, String[]> byField = h.highlightFields(new String[]{PaperFields.TITLE, PaperFields.ABSTRACT},
				q, ordered, new int[]{1, 2});
		Map<Integer, String> out = new LinkedHashMap<>();
		String[] titles = byField.get(PaperFields.TITLE);
		String[] abstracts = byField.get(PaperFields.ABSTRACT);
		for (int i = 0; i < ordered.length; i++) {
			String a = abstracts[i];
			String t = titles[i];
			String snippet = a != null && a.contains("<b>") ? a : t != null && t.contains("<b>") ? t : a; //$NON-NLS-1$ //$NON-NLS-2$
			if (snippet != null) {
				out.put(ordered[i], snippet.strip());
			}
		}
		return out;
	}

	private static Map<String, List<FacetCount>> facets(IndexSearcher s, Query q) throws IOException {
		FacetsCollector fc = FacetsCollectorManager.search(s, q, 1, new FacetsCollectorManager()).facetsCollector();
		IndexReader reader = s.getIndexReader();
		Map<String, List<FacetCount>> out = new LinkedHashMap<>();
		LongValueFacetCounts years = new LongValueFacetCounts(PaperFields.YEAR, fc);
		out.put("year", counts(years.getAllChildrenSortByValue())); //$NON-NLS-1$
		out.put("venue", stringFacet(reader, fc, PaperFields.VENUE_FACET)); //$NON-NLS-1$
		out.put("author", stringFacet(reader, fc, PaperFields.AUTHOR_FACET)); //$NON-NLS-1$
		return out;
	}

	private static List<FacetCount> stringFacet(IndexReader reader, FacetsCollector fc, String field)
			throws IOException {
		StringDocValuesReaderState state;
		try {
			state = new StringDocValuesReaderState(reader, field);
		} catch (IllegalArgumentException | IllegalStateException e) {
			return List.of(); // no document has the field yet
		}
		return counts(new StringValueFacetCounts(state, fc).getTopChildren(FACET_TOP, field));
	}

	private static List<FacetCount> counts(FacetResult r) {
		if (r == null) {
			return List.of();
		}
		List<FacetCount> out = new ArrayList<>();
		for (LabelAndValue lv : r.labelValues) {
			out.add(new FacetCount(lv.label, lv.value.longValue()));
		}
		return List.copyOf(out);
	}

	/** Papers related to a paper given by id or citation string. */
	public Optional<List<RelatedPaper>> related(String paper, int k) throws IOException {
		CorpusView view = store.view();
		Optional<Paper> p = resolve(view, paper);
		if (p.isEmpty()) {
			return Optional.empty();
		}
		IndexSearcher base = store.acquire();
		try {
			return Optional.of(RelatedPapers.related(Ranking.searcher(base, RankingSettings.defaults()), view,
					p.get(), k));
		} finally {
			store.release(base);
		}
	}

	static Optional<Paper> resolve(CorpusView view, String paper) {
		Optional<Paper> exact = view.corpus().find(paper.strip());
		if (exact.isPresent()) {
			return exact;
		}
		CitationResolver r = view.resolver();
		return r.resolveOne(paper);
	}

	private final class Graph implements GraphOperators {
		private final CorpusView view;

		Graph(CorpusView view) {
			this.view = view;
		}

		private int node(String paper) throws UnresolvedPaperException {
			Optional<Paper> p = resolve(view, paper);
			OptionalInt n = p.isEmpty() ? OptionalInt.empty() : view.graph().indexOf(p.get().id());
			if (n.isEmpty()) {
				throw new UnresolvedPaperException(
						"No paper of " + view.corpus().name() + " matches \"" + paper + "\"."); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			}
			return n.getAsInt();
		}

		@Override
		public Collection<String> citing(String paper) throws UnresolvedPaperException {
			CitationGraph g = view.graph();
			return g.toIds(g.citedBy(node(paper)));
		}

		@Override
		public Collection<String> citedBy(String paper) throws UnresolvedPaperException {
			CitationGraph g = view.graph();
			return g.toIds(g.references(node(paper)));
		}

		@Override
		public Collection<String> citedIn(String location) throws UnresolvedPaperException {
			CitedIn c = citedIn;
			if (c == null) {
				throw new UnresolvedPaperException(
						"citedin: is not available here (it needs the paper-references bundle)."); //$NON-NLS-1$
			}
			try {
				return c.paperIds(location, view.corpus());
			} catch (CitedIn.UnknownLocationException e) {
				throw new UnresolvedPaperException(e.getMessage());
			}
		}

		@Override
		public Collection<String> related(String paper) throws UnresolvedPaperException {
			int n = node(paper);
			try {
				return SearchCore.this.related(view.graph().idOf(n), 20).orElse(List.of()).stream()
						.map(RelatedPaper::paperId).toList();
			} catch (IOException e) {
				throw new UnresolvedPaperException("Related papers could not be computed: " + e.getMessage()); //$NON-NLS-1$
			}
		}
	}

	@Override
	public void close() throws IOException {
		store.close();
	}
}
