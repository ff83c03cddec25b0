package org.scriptorium.search.internal.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.core.model.Citation;
import org.scriptorium.core.model.Paper;
import org.scriptorium.search.PaperSearchEngine;
import org.scriptorium.search.ProgressMonitor;
import org.scriptorium.search.SearchRequest;
import org.scriptorium.search.SearchResult;
import org.scriptorium.search.tests.MemoryCorpus;

class IncrementalUpdateTest {

	@TempDir
	Path dir;

	@Test
	void changedAddedAndRemovedPapersAreUpdatedById() throws Exception {
		MemoryCorpus base = MemoryCorpus.ofDefault();
		try (PaperSearchEngine e = PaperSearchEngine.open(base, dir, m -> {
		}, ProgressMonitor.NONE)) {
			List<Paper> papers = new ArrayList<>(base.papers());
			Paper changed = papers.get(0).toBuilder().abstractText("Zanzibar quokkas route tokens.").build();
			papers.set(0, changed);
			Paper removed = papers.remove(1);
			papers.add(Paper.builder("new:1", "Quokka routing").abstractText("zanzibar").year(2026).build());
			MemoryCorpus next = base.withPapers(papers);
			PaperSearchEngine.IndexUpdate u = e.update(next, ProgressMonitor.NONE);
			assertEquals(1, u.added());
			assertEquals(1, u.changed());
			assertEquals(1, u.deleted());
			assertEquals(base.size(), e.documentCount());
			assertEquals(java.util.Set.of(changed.id(), "new:1"), new java.util.HashSet<>(ids(e, "zanzibar")));
			assertEquals(List.of(), ids(e, "id:" + removed.id()));
			assertEquals(0, e.update(next, ProgressMonitor.NONE).added(), "an unchanged corpus is a no-op");
		}
	}

	@Test
	void newCitationsRewriteGraphValuesInPlace() throws Exception {
		MemoryCorpus base = MemoryCorpus.defaultWithoutCitations();
		try (PaperSearchEngine e = PaperSearchEngine.open(base, dir, m -> {
		}, ProgressMonitor.NONE)) {
			String a = base.papers().get(0).id(), b = base.papers().get(1).id();
			PaperSearchEngine.IndexUpdate u = e.update(
					base.plusCitation(new Citation(a, b, Citation.Kind.REFERENCE_LIST)),
					ProgressMonitor.NONE);
			assertEquals(0, u.added() + u.changed() + u.deleted(), "no text changed");
			assertEquals(base.size(), u.graphValuesUpdated(), "PageRank of every paper changed");
			assertEquals(List.of(a), ids(e, "cites:" + b));
		}
	}

	private static List<String> ids(PaperSearchEngine e, String q) throws Exception {
		SearchResult r = e.search(SearchRequest.of(q).withLimit(50));
		assertTrue(r.ok(), () -> q + " " + r.error());
		return r.hits().stream().map(h -> h.paperId()).toList();
	}

	/** Searches in another thread never fail and never see an empty or half-built index while we re-index. */
	@Test
	void searchingWhileReindexingWorks() throws Exception {
		MemoryCorpus base = MemoryCorpus.ofDefault();
		try (PaperSearchEngine e = PaperSearchEngine.open(base, dir, m -> {
		}, ProgressMonitor.NONE)) {
			int expected = e.search(SearchRequest.of("experts").withLimit(1)).totalHits() > 0 ? 1 : 0;
			assertEquals(1, expected);
			AtomicBoolean stop = new AtomicBoolean();
			List<Throwable> failures = new CopyOnWriteArrayList<>();
			AtomicInteger searches = new AtomicInteger();
			AtomicInteger sizes = new AtomicInteger();
			Thread searcher = new Thread(() -> {
				while (!stop.get() || searches.get() < 20) {
					try {
						SearchResult r = e.search(SearchRequest.of("*:*").withLimit(1).withHighlight(false));
						int n = (int) r.totalHits();
						if (n != base.size() && n != base.size() - 1) {
							failures.add(new AssertionError("saw " + n + " documents"));
						}
						sizes.accumulateAndGet(n, Math::max);
						searches.incrementAndGet();
					} catch (Throwable t) {
						failures.add(t);
						return;
					}
				}
			});
			searcher.start();
			MemoryCorpus smaller = base.withPapers(base.papers().subList(0, base.size() - 1));
			for (int i = 0; i < 4; i++) {
				e.rebuild(i % 2 == 0 ? smaller : base, ProgressMonitor.NONE);
				e.update(i % 2 == 0 ? base : smaller, ProgressMonitor.NONE);
			}
			stop.set(true);
			searcher.join();
			assertEquals(List.of(), failures);
			assertTrue(searches.get() >= 20);
			assertEquals(base.size(), sizes.get());
		}
	}
}
