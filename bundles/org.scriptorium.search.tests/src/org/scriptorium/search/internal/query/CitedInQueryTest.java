package org.scriptorium.search.internal.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.search.CitedIn;
import org.scriptorium.search.PaperSearchEngine;
import org.scriptorium.search.ProgressMonitor;
import org.scriptorium.search.QueryError;
import org.scriptorium.search.SearchRequest;
import org.scriptorium.search.SearchResult;

/** {@code citedin:<file or folder>}: the papers the engine's {@link CitedIn} names, composed as the other clauses. */
class CitedInQueryTest {

	@TempDir
	static Path dir;
	static PaperSearchEngine engine;
	static final List<String> asked = new ArrayList<>();
	static final Set<String> DRAFT = Set.of("arxiv:2401.06066", "arxiv:2101.03961");

	@BeforeAll
	static void open() throws IOException {
		engine = PaperSearchEngine.open(DefaultCorpus.get(), dir.resolve("index"), m -> {
		}, ProgressMonitor.NONE);
	}

	@AfterAll
	static void close() throws IOException {
		engine.close();
	}

	private static void provide() {
		engine.setCitedIn((location, corpus) -> {
			asked.add(location);
			if (!location.startsWith("/notes")) {
				throw new CitedIn.UnknownLocationException("citedin: no file or folder " + location);
			}
			assertEquals(DefaultCorpus.get().name(), corpus.name());
			return DRAFT;
		});
	}

	private static SearchResult search(String query) throws IOException {
		return engine.search(SearchRequest.of(query).withLimit(1000).withHighlight(false));
	}

	private static Set<String> ids(String query) throws IOException {
		SearchResult r = search(query);
		assertTrue(r.ok(), () -> query + ": " + r.error());
		return r.hits().stream().map(h -> h.paperId()).collect(Collectors.toSet());
	}

	@Test
	void citedinListsThePapersOfTheLocationAndNarrowsWordsAsTheOtherClauses() throws IOException {
		provide();
		assertEquals(DRAFT, ids("citedin:/notes/draft.tex"));
		assertEquals("/notes/draft.tex", asked.get(asked.size() - 1), "a path with slashes and dots needs no quotes");
		assertEquals(DRAFT, ids("citedin:\"/notes/my draft.tex\""));
		assertEquals("/notes/my draft.tex", asked.get(asked.size() - 1));
		Set<String> both = new HashSet<>(DRAFT);
		both.retainAll(ids("switch"));
		assertFalse(both.isEmpty());
		assertEquals(both, ids("citedin:/notes/draft.tex switch"));
		assertEquals(both, ids("switch citedin:/notes/draft.tex"));
		assertTrue(ids("citedin:/notes/draft.tex -switch").contains("arxiv:2401.06066"));
	}

	@Test
	void anUnknownLocationOrNoProviderIsAnErrorAtTheClause() throws IOException {
		provide();
		QueryError e = search("routing citedin:/elsewhere/x.md").error().orElseThrow();
		assertEquals(8, e.position(), e.message());
		assertTrue(e.message().contains("no file or folder /elsewhere/x.md"), e.message());
		engine.setCitedIn(null);
		try {
			QueryError none = search("citedin:/notes").error().orElseThrow();
			assertTrue(none.message().contains("not available"), none.message());
		} finally {
			provide();
		}
	}
}
