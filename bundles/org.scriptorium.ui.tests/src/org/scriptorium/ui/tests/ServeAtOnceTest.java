package org.scriptorium.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.widgets.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.model.Paper;
import org.scriptorium.search.TextEncoder;
import org.scriptorium.search.VectorCache;
import org.scriptorium.search.service.JobFamilies;
import org.scriptorium.search.service.SearchPreferences;
import org.scriptorium.search.service.SearchService;
import org.scriptorium.search.service.TextEncoders;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.search.HashEncoder;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.tests.common.ui.Widgets;
import org.scriptorium.ui.ScriptoriumUI;
import org.scriptorium.ui.internal.views.PapersView;
import org.scriptorium.ui.tests.dense.HashedEncoderProvider;
import org.scriptorium.ui.tests.pages.PapersViewTester;

/**
 * The Papers filter answers at once on a fresh workspace although the preferred ranker is dense: the lexical index
 * serves while a background job embeds the papers, and dense ranking joins when the vectors are ready. The word
 * model is held (its embedding waits until the test releases it), which makes it as slow as a real model on a large
 * corpus without any timing: the filter's rows must come while no paper has been embedded.
 */
@ExtendWith(NoErrorLoggedExtension.class)
class ServeAtOnceTest {

	private static final String WORDS = HashedEncoderProvider.WORDS;
	private final HashEncoder model = HashedEncoderProvider.WORDS_MODEL;
	private final List<Paper> shown = DefaultCorpus.get().papers().stream().filter(p -> !p.isReferenceOnly())
			.toList();
	private PapersViewTester papers;

	@AfterEach
	void restore() throws Exception {
		model.release();
		if (papers != null) {
			papers.close();
		}
		IEclipsePreferences node = InstanceScope.INSTANCE.getNode(SearchPreferences.QUALIFIER);
		node.remove(SearchPreferences.RANKER);
		node.flush();
		UiWait.jobs(JobFamilies.INDEX);
	}

	/** A workspace whose paper index and vector cache were never built: both folders are deleted. */
	private static void freshWorkspace() throws IOException {
		UiWait.jobs(JobFamilies.INDEX);
		SearchService.get().close();
		Path index = SearchService.indexLocation();
		for (Path folder : List.of(index, index.resolveSibling(index.getFileName() + ".vectors"), //$NON-NLS-1$
				SearchService.vectorLocation())) {
			if (Files.isDirectory(folder)) {
				try (Stream<Path> files = Files.walk(folder)) {
					for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
						Files.delete(f);
					}
				}
			}
		}
	}

	private double cosine(String query, String title) {
		return shown.stream().filter(p -> p.title().equals(title))
				.mapToDouble(
						p -> model.cosine(query, VectorCache.documentText(p.title(), p.abstractText().orElse(null))))
				.max().orElseThrow(() -> new AssertionError("no paper titled " + title)); //$NON-NLS-1$
	}

	private String countTooltip() {
		Label count = Widgets.byId((org.eclipse.swt.widgets.Composite) papers.part().getSite().getShell(),
				ScriptoriumUI.WIDGET_ID_KEY, PapersView.COUNT_ID, Label.class);
		return count.getToolTipText();
	}

	/** The ids of the models whose vectors the default corpus' index holds now. */
	private static Set<String> indexedModels() throws Exception {
		return SearchService.get().engine(new NullProgressMonitor()).encoders().stream().map(TextEncoder::id)
				.collect(Collectors.toSet());
	}

	@Test
	void byDefaultNoModelIsEmbeddedUntilARankerNeedsItAndThenOnlyThatModel() throws Exception {
		freshWorkspace();
		HashEncoder trigrams = (HashEncoder) TextEncoders.get(HashedEncoderProvider.TRIGRAMS).orElseThrow();
		int words = model.embeddedCount(), trigramsBefore = trigrams.embeddedCount();
		// the default ranker (citation) is lexical: opening the index embeds nothing
		SearchService.get().warmUp();
		UiWait.jobs(JobFamilies.INDEX);
		assertEquals(Set.of(), indexedModels());
		assertEquals(words, model.embeddedCount());
		assertEquals(trigramsBefore, trigrams.embeddedCount());

		// a dense ranker in the preferences: its model is embedded in the background, the other one is not
		IEclipsePreferences node = InstanceScope.INSTANCE.getNode(SearchPreferences.QUALIFIER);
		node.put(SearchPreferences.RANKER, "dense:" + WORDS); //$NON-NLS-1$
		node.flush();
		UiWait.jobs(JobFamilies.INDEX);
		assertEquals(Set.of(WORDS), indexedModels());
		assertTrue(model.embeddedCount() > words, "the ranker's model embedded the papers"); //$NON-NLS-1$
		assertEquals(trigramsBefore, trigrams.embeddedCount(), "no paper was embedded with the unused model"); //$NON-NLS-1$
	}

	@Test
	void theFirstFilterAnswersLexicallyWhileTheVectorsAreComputedAndDenseRankingJoinsWhenReady() throws Exception {
		freshWorkspace();
		model.hold();
		int embeddedBefore = model.embeddedCount();
		IEclipsePreferences node = InstanceScope.INSTANCE.getNode(SearchPreferences.QUALIFIER);
		node.put(SearchPreferences.RANKER, "dense:" + WORDS); //$NON-NLS-1$
		node.flush();

		String query = "routing"; //$NON-NLS-1$
		long lexical = shown.stream().filter(p -> Stems.titleOrAbstractHas(p, query)).count();
		assertTrue(lexical > 0 && lexical < shown.size(), "BM25 matches " + lexical); //$NON-NLS-1$

		papers = PapersViewTester.open();
		papers.typeFilter(query, (int) lexical);
		// the rows came before any paper was embedded: the vector job waits at the held model
		UiWait.until("the vector job reaches the model", model::isWaiting); //$NON-NLS-1$
		assertEquals(embeddedBefore, model.embeddedCount(), "no paper was embedded before the filter answered"); //$NON-NLS-1$
		assertTrue(Stream.of(Job.getJobManager().find(JobFamilies.INDEX)).anyMatch(j -> j.getName().contains(WORDS)),
				"a background job of the index family computes the vectors"); //$NON-NLS-1$
		assertTrue(papers.count().contains("lexical: vectors pending"), papers.count()); //$NON-NLS-1$
		String notice = countTooltip();
		assertTrue(notice != null && notice.contains("dense:" + WORDS) && notice.contains("being computed") //$NON-NLS-1$ //$NON-NLS-2$
				&& notice.contains("Progress view"), notice); //$NON-NLS-1$

		model.release();
		UiWait.jobs(JobFamilies.INDEX);
		assertTrue(model.embeddedCount() > embeddedBefore, "the job embedded the papers"); //$NON-NLS-1$
		papers.clearFilter();
		papers.typeFilter(query, shown.size());
		// dense ranking joined: every paper has a cosine, nearest first, and the status is gone
		assertFalse(papers.count().contains("lexical"), papers.count()); //$NON-NLS-1$
		assertNull(countTooltip());
		List<String> titles = papers.titles();
		double best = shown.stream().mapToDouble(p -> cosine(query, p.title())).max().orElseThrow();
		assertEquals(best, cosine(query, titles.get(0)), 1e-4, "nearest first: " + titles.get(0)); //$NON-NLS-1$
		for (int i = 1; i < titles.size(); i++) {
			assertTrue(cosine(query, titles.get(i - 1)) >= cosine(query, titles.get(i)) - 1e-4,
					"rows nearest first at row " + (i + 1)); //$NON-NLS-1$
		}
	}
}
