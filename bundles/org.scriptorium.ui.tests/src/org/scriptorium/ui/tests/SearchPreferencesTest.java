package org.scriptorium.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.service.prefs.BackingStoreException;
import org.scriptorium.search.Ranker;
import org.scriptorium.search.RankingSettings;
import org.scriptorium.search.Retrieval;
import org.scriptorium.search.service.JobFamilies;
import org.scriptorium.search.service.SearchPreferences;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.ui.tests.dense.HashedEncoderProvider;

/** The ranker preference as a ranker spec, and the list of models to index. */
@ExtendWith(NoErrorLoggedExtension.class)
class SearchPreferencesTest {

	private final IEclipsePreferences node = InstanceScope.INSTANCE.getNode(SearchPreferences.QUALIFIER);

	@AfterEach
	void restore() throws BackingStoreException {
		node.remove(SearchPreferences.RANKER);
		node.remove(SearchPreferences.DENSE_MODELS);
		node.flush();
		UiWait.jobs(JobFamilies.INDEX);
	}

	@Test
	void theModelsToIndexAreAllInstalledOnesOrAList() {
		assertEquals(List.of(HashedEncoderProvider.WORDS, HashedEncoderProvider.TRIGRAMS),
				List.copyOf(SearchPreferences.parseModels("*"))); //$NON-NLS-1$
		assertEquals(List.of("a", "b-2"), List.copyOf(SearchPreferences.parseModels(" a , b-2 ,"))); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals(List.of(), List.copyOf(SearchPreferences.parseModels(""))); //$NON-NLS-1$
		node.put(SearchPreferences.DENSE_MODELS, HashedEncoderProvider.TRIGRAMS);
		assertEquals(List.of(HashedEncoderProvider.TRIGRAMS), List.copyOf(SearchPreferences.denseModels()));
	}

	@Test
	void everyRankerSpecOfAnInstalledModelIsReadBack() {
		for (String spec : new String[]{"bm25", "citation", "dense:test-words", "rrf:test-trigrams", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				"convex:test-words", "convex:test-words@0.3", "citation+convex:test-trigrams@0.6", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				"citation+dense:test-words"}) { //$NON-NLS-1$
			node.put(SearchPreferences.RANKER, spec);
			assertEquals(spec, SearchPreferences.ranking().rankerSpec());
		}
		node.put(SearchPreferences.RANKER, "citation+convex:test-words@0.3"); //$NON-NLS-1$
		RankingSettings r = SearchPreferences.ranking();
		assertEquals(Ranker.CITATION, r.ranker());
		assertEquals(new Retrieval(Retrieval.Kind.CONVEX, HashedEncoderProvider.WORDS, 0.3, Retrieval.DEFAULT_RRF_K,
				Retrieval.DEFAULT_DEPTH), r.retrieval());
		node.put(SearchPreferences.RANKER, "BM25"); //$NON-NLS-1$
		assertEquals("bm25", SearchPreferences.ranking().rankerSpec(), "the values of earlier versions still read"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Test
	void aRankerPreferenceThatIsNotARankerFallsBackWithAWarning() {
		List<IStatus> logged = new CopyOnWriteArrayList<>();
		ILogListener listener = (status, plugin) -> logged.add(status);
		Platform.addLogListener(listener);
		try {
			node.put(SearchPreferences.RANKER, "convex:test-words@2"); //$NON-NLS-1$
			assertEquals("citation", SearchPreferences.ranking().rankerSpec()); //$NON-NLS-1$
			SearchPreferences.ranking();
			UiWait.jobs(JobFamilies.INDEX); // the preference change asks the engines in a job too
			// (the log delivers to listeners asynchronously; a second delivery would come after this marker)
			ILog.of(SearchPreferencesTest.class).info("marker"); //$NON-NLS-1$
			UiWait.until("the marker is logged", () -> logged.stream().anyMatch(s -> s.getMessage().equals("marker"))); //$NON-NLS-1$ //$NON-NLS-2$
		} finally {
			Platform.removeLogListener(listener);
		}
		List<IStatus> warnings = logged.stream().filter(s -> s.getSeverity() == IStatus.WARNING
				&& s.getMessage().contains("'convex:test-words@2' is not a ranker")).toList(); //$NON-NLS-1$
		assertEquals(1, warnings.size(), "warned once, not at every search: " + logged); //$NON-NLS-1$
		assertTrue(warnings.get(0).getMessage().contains("from 0 to 1"), warnings.get(0).getMessage()); //$NON-NLS-1$
	}
}
