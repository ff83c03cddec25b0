package org.scriptorium.search.internal.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.core.model.Citation;
import org.scriptorium.search.PaperSearchEngine;
import org.scriptorium.search.ProgressMonitor;
import org.scriptorium.search.RankingSettings;
import org.scriptorium.search.SearchHit;
import org.scriptorium.search.SearchRequest;
import org.scriptorium.search.internal.index.CorpusView;
import org.scriptorium.search.internal.index.IndexStore;
import org.scriptorium.search.tests.MemoryCorpus;

/** The per-reader arrays of the citation-aware ranker hold what the doc values and the graph say, and follow updates. */
class GraphColumnsTest {

	@TempDir
	Path dir;

	/** Node and prior of every document, the slow way: doc values and the graph's id map. */
	private static void assertColumnsMatchDocValues(IndexStore store) throws IOException {
		IndexSearcher s = store.acquire();
		try {
			CorpusView view = store.view();
			GraphColumns c = GraphColumns.of(s.getIndexReader(), view);
			assertSame(c, GraphColumns.of(s.getIndexReader(), view), "built once per reader");
			List<LeafReaderContext> leaves = s.getIndexReader().leaves();
			int inGraph = 0;
			for (int doc = 0; doc < s.getIndexReader().maxDoc(); doc++) {
				String id = Ranking.id(leaves, doc);
				int expected = id.isEmpty() ? -1 : view.graph().indexOf(id).orElse(-1);
				assertEquals(expected, c.node(doc), id);
				assertEquals(Ranking.prior(leaves, doc), c.prior(doc), id); // exact: same doubles
				inGraph += expected >= 0 ? 1 : 0;
			}
			assertTrue(inGraph > 0);
		} finally {
			store.release(s);
		}
	}

	private static List<String> ids(PaperSearchEngine e, String q) throws IOException {
		return e.search(new SearchRequest(q, 30, RankingSettings.defaults(), false, false, false)).hits().stream()
				.map(h -> h.paperId() + " " + h.score()).toList();
	}

	@Test
	void columnsHoldTheDocValuesAndFollowAnUpdate() throws IOException {
		MemoryCorpus base = MemoryCorpus.ofDefault();
		try (PaperSearchEngine e = PaperSearchEngine.open(base, dir.resolve("a"), m -> {
		}, ProgressMonitor.NONE)) {
			IndexStore store = e.core().store();
			assertColumnsMatchDocValues(store);
			IndexSearcher before = store.acquire();
			GraphColumns old;
			try {
				old = GraphColumns.of(before.getIndexReader(), store.view());
			} finally {
				store.release(before);
			}
			// a new citation changes cited-by counts and PageRank: a new reader, new columns
			String query = "mixture of experts routing";
			SearchHit top = e.search(new SearchRequest(query, 30, RankingSettings.defaults(), false, false, false))
					.hits().get(29);
			String citing = base.papers().get(0).id().equals(top.paperId())
					? base.papers().get(1).id()
					: base.papers().get(0).id();
			MemoryCorpus next = base.plusCitation(new Citation(citing, top.paperId(), Citation.Kind.REFERENCE_LIST));
			e.update(next, ProgressMonitor.NONE);
			assertColumnsMatchDocValues(store);
			IndexSearcher after = store.acquire();
			try {
				assertNotSame(old, GraphColumns.of(after.getIndexReader(), store.view()));
			} finally {
				store.release(after);
			}
			// the updated engine ranks exactly like an engine opened on the updated corpus
			try (PaperSearchEngine fresh = PaperSearchEngine.open(next, dir.resolve("b"), m -> {
			}, ProgressMonitor.NONE)) {
				for (String q : List.of(query, "load balancing loss experts", "data selection language models")) {
					assertEquals(ids(fresh, q), ids(e, q), q);
				}
			}
		}
	}
}
