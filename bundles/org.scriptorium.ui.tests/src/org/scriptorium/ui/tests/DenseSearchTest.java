package org.scriptorium.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.dialogs.IDialogSettings;
import org.eclipse.search.ui.NewSearchUI;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.prefs.BackingStoreException;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.model.Paper;
import org.scriptorium.search.Ranker;
import org.scriptorium.search.SearchHit;
import org.scriptorium.search.SearchRequest;
import org.scriptorium.search.TextEncoder;
import org.scriptorium.search.VectorCache;
import org.scriptorium.search.service.JobFamilies;
import org.scriptorium.search.service.SearchPreferences;
import org.scriptorium.search.service.SearchService;
import org.scriptorium.search.service.TextEncoders;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.search.HashEncoder;
import org.scriptorium.tests.common.ui.PreferenceDialogTester;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.ui.ScriptoriumUI;
import org.scriptorium.ui.internal.preferences.SearchPreferencePage;
import org.scriptorium.ui.internal.search.Explanations;
import org.scriptorium.ui.internal.search.PaperSearchPage;
import org.scriptorium.ui.internal.search.PaperSearchQuery;
import org.scriptorium.ui.tests.dense.HashedEncoderProvider;
import org.scriptorium.ui.tests.pages.Combos;
import org.scriptorium.ui.tests.pages.PapersViewTester;
import org.scriptorium.ui.tests.pages.SearchDialogTester;
import org.scriptorium.ui.tests.pages.SearchViewTester;

/**
 * Dense and hybrid search in the workbench, with the deterministic hashed-words model this bundle contributes to
 * the text encoder extension point (plugin.xml) instead of the bundled ONNX models.
 */
@ExtendWith(NoErrorLoggedExtension.class)
class DenseSearchTest {

	private static final String WORDS = HashedEncoderProvider.WORDS;
	private final HashEncoder encoder = HashedEncoderProvider.words();
	private final List<Paper> corpus = DefaultCorpus.get().papers();
	private PapersViewTester papers;
	private PreferenceDialogTester preferences;
	private String rememberedRanker;

	@BeforeEach
	void remember() {
		rememberedRanker = dialogSettings().get("ranker"); //$NON-NLS-1$
		// a workspace that indexes every installed model ahead (by default only the models a ranker needs are:
		// ServeAtOnceTest); the index answers at once and computes the models' vectors in a background job: let it
		// finish, as a user who wants dense ranking waits for the job in the Progress view
		IEclipsePreferences node = InstanceScope.INSTANCE.getNode(SearchPreferences.QUALIFIER);
		node.put(SearchPreferences.DENSE_MODELS, "*"); //$NON-NLS-1$
		SearchService.get().warmUp();
		UiWait.jobs(JobFamilies.INDEX);
	}

	@AfterEach
	void restore() throws BackingStoreException {
		if (preferences != null) {
			preferences.close();
		}
		if (papers != null) {
			papers.close();
		}
		IEclipsePreferences node = InstanceScope.INSTANCE.getNode(SearchPreferences.QUALIFIER);
		node.remove(SearchPreferences.RANKER);
		node.remove(SearchPreferences.DENSE_MODELS);
		node.flush();
		dialogSettings().put("ranker", rememberedRanker); //$NON-NLS-1$
		UiWait.jobs(JobFamilies.INDEX);
	}

	private static IDialogSettings dialogSettings() {
		IDialogSettings root = PlatformUI
				.getDialogSettingsProvider(FrameworkUtil.getBundle(PaperSearchPage.class)).getDialogSettings();
		IDialogSettings s = root.getSection(PaperSearchPage.ID);
		return s != null ? s : root.addNewSection(PaperSearchPage.ID);
	}

	private String text(Paper p) {
		return VectorCache.documentText(p.title(), p.abstractText().orElse(null));
	}

	/** The best cosine of the query with the papers {@code among}, computed here with the same model. */
	private double bestCosine(String query, List<Paper> among) {
		return among.stream().mapToDouble(p -> encoder.cosine(query, text(p))).max().orElseThrow();
	}

	/** The cosine of the query with the paper of a row titled {@code title} among {@code among}. */
	private double cosineOfTitle(String query, String title, List<Paper> among) {
		return among.stream().filter(p -> p.title().equals(title)).mapToDouble(p -> encoder.cosine(query, text(p)))
				.max().orElseThrow(() -> new AssertionError("no paper titled " + title)); //$NON-NLS-1$
	}

	@Test
	void theTestModelIsInstalledThroughTheExtensionPoint() {
		assertEquals(List.of(WORDS, HashedEncoderProvider.TRIGRAMS),
				TextEncoders.installed().stream().map(TextEncoder::id).toList());
		assertEquals(Set.of(WORDS, HashedEncoderProvider.TRIGRAMS), SearchPreferences.denseModels(),
				"* indexes every installed model"); //$NON-NLS-1$
		assertEquals("", DefaultScope.INSTANCE.getNode(SearchPreferences.QUALIFIER) //$NON-NLS-1$
				.get(SearchPreferences.DENSE_MODELS, null), "by default only the models a ranker needs are indexed"); //$NON-NLS-1$
		assertEquals("citation", SearchPreferences.ranking().rankerSpec(), "the default ranker stays citation"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Test
	void aDenseSearchFromTheDialogRanksByTheModelAndExplainsTheFirstStage() {
		String query = "expert choice routing"; //$NON-NLS-1$
		SearchDialogTester.run(dialog -> {
			Combo retrieval = dialog.retrieval();
			assertNotNull(retrieval, "the first-stage choice is there when a model is installed"); //$NON-NLS-1$
			assertEquals("Lexical (BM25)", retrieval.getText()); //$NON-NLS-1$
			dialog.type(dialog.query(), query);
			dialog.check(PaperSearchPage.BM25_ID);
			Combos.choose(retrieval, "Dense: " + WORDS); //$NON-NLS-1$
			dialog.search();
		});

		SearchViewTester results = SearchViewTester.latest();
		assertNull(results.result().error());
		assertEquals("dense:" + WORDS, results.query().request().ranking().rankerSpec()); //$NON-NLS-1$
		assertTrue(results.result().getLabel().endsWith("(dense:" + WORDS + ")"), results.result().getLabel()); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(Math.min(200, corpus.size()), results.table().getItemCount(),
				"every paper has a nearest-neighbour score: the page's limit of hits"); //$NON-NLS-1$
		SearchHit top = hit(results, 0);
		assertEquals(bestCosine(query, corpus), cosine(query, top), 1e-4,
				"the top hit is the paper nearest to the query: " + top.title()); //$NON-NLS-1$
		List<SearchHit> hits = hits(results);
		for (int i = 1; i < hits.size(); i++) {
			assertTrue(cosine(query, hits.get(i - 1)) >= cosine(query, hits.get(i)) - 1e-4,
					"ranked by cosine at rank " + (i + 1)); //$NON-NLS-1$
		}
		String why = Explanations.describe(top);
		assertTrue(why.contains("first stage: dense rank 1 (cosine ") && why.contains(WORDS), why); //$NON-NLS-1$
		assertTrue(why.contains("first-stage score"), why); //$NON-NLS-1$
		assertFalse(why.contains("citation prior"), "BM25 (text only) adds no citation part: " + why); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Test
	void aCitationAwareHybridSearchFusesBm25AndTheModelAndIsRemembered() {
		SearchDialogTester.run(dialog -> {
			dialog.type(dialog.query(), "routing"); //$NON-NLS-1$
			dialog.check(PaperSearchPage.CITATION_ID);
			Combos.choose(dialog.retrieval(), "Hybrid RRF: " + WORDS); //$NON-NLS-1$
			dialog.search();
		});
		SearchViewTester results = SearchViewTester.latest();
		assertNull(results.result().error());
		assertEquals("citation+rrf:" + WORDS, results.query().request().ranking().rankerSpec()); //$NON-NLS-1$
		long lexical = corpus.stream().filter(p -> Stems.titleOrAbstractHas(p, "routing")).count(); //$NON-NLS-1$
		assertTrue(results.table().getItemCount() > lexical,
				"fusion adds papers the model finds to the " + lexical + " BM25 matches"); //$NON-NLS-1$ //$NON-NLS-2$
		String why = Explanations.describe(hit(results, 0));
		assertTrue(why.contains("first stage: ") && why.contains("reciprocal rank fusion") //$NON-NLS-1$ //$NON-NLS-2$
				&& why.contains("citation prior"), why); //$NON-NLS-1$
		assertTrue(hits(results).stream().map(Explanations::describe)
				.anyMatch(w -> w.contains("not in BM25's top") || w.contains("not in the dense top")), //$NON-NLS-1$ //$NON-NLS-2$
				"some hits come from one list only"); //$NON-NLS-1$

		SearchDialogTester.run(dialog -> {
			assertTrue(dialog.isChecked(PaperSearchPage.CITATION_ID), "citation-aware remembered"); //$NON-NLS-1$
			assertTrue(dialog.retrieval().getText().startsWith("Hybrid RRF: " + WORDS), dialog.retrieval().getText()); //$NON-NLS-1$
			dialog.type(dialog.query(), "experts"); //$NON-NLS-1$
			dialog.search();
		});
		SearchViewTester again = SearchViewTester.latestAfter(results.query());
		assertEquals("citation+rrf:" + WORDS, again.query().request().ranking().rankerSpec()); //$NON-NLS-1$
	}

	@Test
	void aConvexHybridOfAllModelsFusesBm25WithEachModel() {
		String all = WORDS + "+" + HashedEncoderProvider.TRIGRAMS; //$NON-NLS-1$
		SearchDialogTester.run(dialog -> {
			dialog.type(dialog.query(), "token routing"); //$NON-NLS-1$
			dialog.check(PaperSearchPage.BM25_ID);
			Combos.choose(dialog.retrieval(), "Hybrid convex: " + WORDS + " + " + HashedEncoderProvider.TRIGRAMS); //$NON-NLS-1$ //$NON-NLS-2$
			dialog.search();
		});
		SearchViewTester results = SearchViewTester.latest();
		assertNull(results.result().error());
		assertEquals("convex:" + all, results.query().request().ranking().rankerSpec()); //$NON-NLS-1$
		assertTrue(results.table().getItemCount() > 0);
		String why = Explanations.describe(hit(results, 0));
		assertTrue(why.contains("first stage: ") && why.contains(WORDS) && why.contains(HashedEncoderProvider.TRIGRAMS), //$NON-NLS-1$
				why);
	}

	@Test
	void aDenseRankerChosenInThePreferencesDrivesThePapersViewFilter() throws Exception {
		preferences = PreferenceDialogTester.open(SearchPreferencePage.ID, ScriptoriumUI.WIDGET_ID_KEY);
		assertTrue(preferences.byId(SearchPreferencePage.RANKER_CITATION_ID, org.eclipse.swt.widgets.Button.class)
				.getSelection(), "citation-aware is the default"); //$NON-NLS-1$
		preferences.click(SearchPreferencePage.RANKER_BM25_ID, true);
		Combos.choose(preferences.byId(SearchPreferencePage.RANKER_RETRIEVAL_ID, Combo.class), "Dense: " + WORDS); //$NON-NLS-1$
		preferences.applyAndClose();
		assertEquals("dense:" + WORDS, InstanceScope.INSTANCE.getNode(SearchPreferences.QUALIFIER) //$NON-NLS-1$
				.get(SearchPreferences.RANKER, null));
		assertEquals("dense:" + WORDS, SearchPreferences.ranking().rankerSpec()); //$NON-NLS-1$
		assertEquals(Ranker.BM25, SearchPreferences.ranking().ranker());

		List<Paper> shown = corpus.stream().filter(p -> !p.isReferenceOnly()).toList();
		String query = "sparse mixture"; //$NON-NLS-1$
		long lexical = shown.stream()
				.filter(p -> Stems.titleOrAbstractHas(p, "sparse") && Stems.titleOrAbstractHas(p, "mixture")).count(); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(lexical < shown.size(), "BM25 would leave " + lexical); //$NON-NLS-1$
		papers = PapersViewTester.open();
		papers.typeFilter(query, shown.size());
		List<String> titles = papers.titles();
		assertEquals(bestCosine(query, shown), cosineOfTitle(query, titles.get(0), shown), 1e-4,
				"the first row is the paper nearest to the filter text: " + titles.get(0)); //$NON-NLS-1$
		for (int i = 1; i < titles.size(); i++) {
			assertTrue(cosineOfTitle(query, titles.get(i - 1), shown) >= cosineOfTitle(query, titles.get(i), shown)
					- 1e-4, "rows nearest first at row " + (i + 1)); //$NON-NLS-1$
		}
	}

	@Test
	void aRankerNamingAModelThatIsNotInstalledGetsAnActionableMessage() throws Exception {
		List<IStatus> logged = new CopyOnWriteArrayList<>();
		ILogListener listener = (status, plugin) -> logged.add(status);
		Platform.addLogListener(listener);
		try {
			IEclipsePreferences node = InstanceScope.INSTANCE.getNode(SearchPreferences.QUALIFIER);
			node.put(SearchPreferences.RANKER, "citation+dense:no-such-model"); //$NON-NLS-1$
			assertEquals("citation", SearchPreferences.ranking().rankerSpec(), "falls back to the default"); //$NON-NLS-1$ //$NON-NLS-2$
			// (the log delivers to listeners asynchronously)
			UiWait.until("a warning names the model and what is installed: " + logged, //$NON-NLS-1$
					() -> logged.stream().anyMatch(s -> s.getSeverity() == IStatus.WARNING
							&& s.getMessage().contains("'no-such-model', which is not installed") //$NON-NLS-1$
							&& s.getMessage().contains(WORDS)));
		} finally {
			Platform.removeLogListener(listener);
		}

		// a search from the history whose model was uninstalled since
		SearchRequest request = SearchRequest.of("routing").withLimit(50) //$NON-NLS-1$
				.withRanking(SearchPreferences.ranking().withRankerSpec("rrf:no-such-model")).withExplain(true); //$NON-NLS-1$
		NewSearchUI.runQueryInBackground(new PaperSearchQuery(request));
		SearchViewTester results = SearchViewTester.latest();
		String error = results.result().error();
		assertNotNull(error);
		assertTrue(error.contains("'no-such-model'") && error.contains("is not installed") //$NON-NLS-1$ //$NON-NLS-2$
				&& error.contains("installed: " + WORDS + ", " + HashedEncoderProvider.TRIGRAMS) //$NON-NLS-1$ //$NON-NLS-2$
				&& error.contains("Choose another ranking"), error); //$NON-NLS-1$
		assertFalse(error.contains("column"), error); //$NON-NLS-1$
		assertEquals(0, results.table().getItemCount());

		// the dialog remembered that ranker: it offers BM25 as the first stage instead
		dialogSettings().put("ranker", "citation+dense:no-such-model"); //$NON-NLS-1$ //$NON-NLS-2$
		SearchDialogTester.run(dialog -> {
			assertEquals("Lexical (BM25)", dialog.retrieval().getText()); //$NON-NLS-1$
			assertTrue(dialog.isChecked(PaperSearchPage.CITATION_ID));
			dialog.type(dialog.query(), "routing"); //$NON-NLS-1$
			dialog.search();
		});
		SearchViewTester lexical = SearchViewTester.latestAfter(results.query());
		assertNull(lexical.result().error());
		assertEquals("citation", lexical.query().request().ranking().rankerSpec()); //$NON-NLS-1$
	}

	@Test
	void changingTheModelsToIndexReindexesInAJobAndASearchAddsAModelItNeeds() throws Exception {
		SearchService.get().warmUp();
		UiWait.jobs(JobFamilies.INDEX);
		assertEquals(Set.of(WORDS, HashedEncoderProvider.TRIGRAMS), indexedModels());

		preferences = PreferenceDialogTester.open(SearchPreferencePage.ID, ScriptoriumUI.WIDGET_ID_KEY);
		assertTrue(preferences.byId(SearchPreferencePage.DENSE_MODEL_ID_PREFIX + WORDS,
				org.eclipse.swt.widgets.Button.class).getSelection());
		preferences.click(SearchPreferencePage.DENSE_MODEL_ID_PREFIX + HashedEncoderProvider.TRIGRAMS, false);
		preferences.applyAndClose();
		assertEquals(WORDS, InstanceScope.INSTANCE.getNode(SearchPreferences.QUALIFIER)
				.get(SearchPreferences.DENSE_MODELS, null));
		UiWait.jobs(JobFamilies.INDEX);
		assertEquals(Set.of(WORDS), indexedModels(), "the index was rebuilt without the unchecked model"); //$NON-NLS-1$

		SearchDialogTester.run(dialog -> {
			dialog.type(dialog.query(), "load balancing"); //$NON-NLS-1$
			dialog.check(PaperSearchPage.BM25_ID);
			Combos.choose(dialog.retrieval(), "Hybrid convex: " + HashedEncoderProvider.TRIGRAMS); //$NON-NLS-1$
			dialog.search();
		});
		SearchViewTester first = SearchViewTester.latest();
		assertNull(first.result().error(), "a model the index lacks is no error"); //$NON-NLS-1$
		assertTrue(first.table().getItemCount() > 0, "lexical hits meanwhile"); //$NON-NLS-1$
		String notice = first.result().notice();
		assertTrue(
				notice != null && notice.contains(HashedEncoderProvider.TRIGRAMS) && notice.contains("being computed"), //$NON-NLS-1$
				"the result says it is lexical until the vectors are computed: " + first.result().getLabel()); //$NON-NLS-1$
		assertTrue(first.result().getLabel().contains(notice), first.result().getLabel());

		UiWait.jobs(JobFamilies.INDEX); // the background job adds the model's vectors to the index
		SearchDialogTester.run(dialog -> {
			dialog.type(dialog.query(), "load balancing"); //$NON-NLS-1$
			dialog.check(PaperSearchPage.BM25_ID);
			Combos.choose(dialog.retrieval(), "Hybrid convex: " + HashedEncoderProvider.TRIGRAMS); //$NON-NLS-1$
			dialog.search();
		});
		SearchViewTester results = SearchViewTester.latestAfter(first.query());
		assertNull(results.result().error(), "an installed model the index lacks is added for the search"); //$NON-NLS-1$
		assertNull(results.result().notice());
		assertTrue(results.table().getItemCount() > 0);
		String why = Explanations.describe(hit(results, 0));
		assertTrue(why.contains("min-max normalised") && why.contains(HashedEncoderProvider.TRIGRAMS), why); //$NON-NLS-1$
		assertEquals(Set.of(WORDS, HashedEncoderProvider.TRIGRAMS), indexedModels());
	}

	private static Set<String> indexedModels() throws Exception {
		return SearchService.get().engine(new NullProgressMonitor()).encoders().stream().map(TextEncoder::id)
				.collect(Collectors.toSet());
	}

	private static SearchHit hit(SearchViewTester results, int index) {
		return hits(results).get(index);
	}

	/** The hits in rank order. */
	private static List<SearchHit> hits(SearchViewTester results) {
		return java.util.Arrays.stream(results.result().getElements()).map(SearchHit.class::cast)
				.sorted(Comparator.comparingInt(SearchHit::rank)).toList();
	}

	private double cosine(String query, SearchHit hit) {
		Paper p = DefaultCorpus.get().papers().stream().filter(x -> x.id().equals(hit.paperId())).findFirst()
				.orElseThrow(() -> new AssertionError("no paper " + hit.paperId())); //$NON-NLS-1$
		return encoder.cosine(query, text(p));
	}
}
