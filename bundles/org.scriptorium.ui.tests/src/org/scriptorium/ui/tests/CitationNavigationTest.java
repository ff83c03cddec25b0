package org.scriptorium.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.graph.CitationGraph;
import org.scriptorium.core.model.Paper;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.ui.PaperLinks;
import org.scriptorium.ui.internal.views.PapersActions;
import org.scriptorium.ui.internal.views.PapersView;
import org.scriptorium.ui.tests.pages.PapersViewTester;

/** References, cited-by and related lists of the selected paper, navigation along them, back and forward. */
@ExtendWith(NoErrorLoggedExtension.class)
class CitationNavigationTest {

	private static final String DEEPSEEKMOE = "2401.06066"; //$NON-NLS-1$

	private PapersViewTester papers;
	private final DefaultCorpus corpus = DefaultCorpus.get();
	private final CitationGraph graph = CitationGraph.of(corpus);

	@BeforeEach
	void open() throws Exception {
		papers = PapersViewTester.open();
	}

	@AfterEach
	void close() {
		papers.close();
	}

	private Paper deepSeekMoE() {
		return PaperLinks.findByArxivId(DEEPSEEKMOE).orElseThrow();
	}

	private void select(Paper paper) throws Exception {
		PaperLinks.showPaper(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), paper.ids().arxiv());
		UiWait.until(paper.title() + " is selected", () -> paper.title().equals(papers.selectedTitle())); //$NON-NLS-1$
	}

	@Test
	void theTabsListTheReferencesAndTheCitingPapersOfTheSelectedPaper() throws Exception {
		Paper paper = deepSeekMoE();
		select(paper);

		List<String> refs = papers.relationRows(PapersView.REFERENCES_ID);
		assertEquals(graph.references(paper.id()).size(), refs.size());
		assertTrue(refs.size() > 20, "DeepSeekMoE's bibliography is in the default corpus: " + refs.size()); //$NON-NLS-1$
		List<String> citing = papers.relationRows(PapersView.CITED_BY_ID);
		assertEquals(graph.citedBy(paper.id()).size(), citing.size());
		assertTrue(citing.stream().anyMatch(t -> t.startsWith("Unchosen Experts Can Contribute Too")), //$NON-NLS-1$
				"the seed edge from Unchosen Experts to DeepSeekMoE: " + citing); //$NON-NLS-1$

		UiWait.jobs(org.scriptorium.ui.internal.JobFamilies.RELATED);
		UiWait.until("related papers are listed", () -> !papers.relationRows(PapersView.RELATED_ID).isEmpty()); //$NON-NLS-1$
		List<String> related = papers.relationRows(PapersView.RELATED_ID);
		assertTrue(related.stream().anyMatch(t -> t.startsWith("Unchosen Experts Can Contribute Too")), //$NON-NLS-1$
				"co-cited and coupled with DeepSeekMoE: " + related); //$NON-NLS-1$
		assertFalse(related.stream().anyMatch(t -> t.startsWith(paper.title())), "not itself"); //$NON-NLS-1$
	}

	@Test
	void openingACitingPaperNavigatesAndBackAndForwardReturn() throws Exception {
		Paper paper = deepSeekMoE();
		select(paper);
		List<String> citing = papers.relationRows(PapersView.CITED_BY_ID);
		int row = 0;
		while (!citing.get(row).startsWith("Unchosen Experts Can Contribute Too")) { //$NON-NLS-1$
			row++;
		}
		papers.openRelation(PapersView.CITED_BY_ID, row);
		UiWait.until("the citing paper is selected", //$NON-NLS-1$
				() -> String.valueOf(papers.selectedTitle()).startsWith("Unchosen Experts Can Contribute Too")); //$NON-NLS-1$
		assertTrue(papers.relationRows(PapersView.REFERENCES_ID).stream().anyMatch(t -> t.startsWith(paper.title())),
				"its references list DeepSeekMoE"); //$NON-NLS-1$

		PapersActions actions = papers.actionsPart();
		assertTrue(actions.backAction().isEnabled());
		actions.backAction().run();
		UiWait.until("back at DeepSeekMoE", () -> paper.title().equals(papers.selectedTitle())); //$NON-NLS-1$
		assertTrue(actions.forwardAction().isEnabled());
		actions.forwardAction().run();
		UiWait.until("forward again", //$NON-NLS-1$
				() -> String.valueOf(papers.selectedTitle()).startsWith("Unchosen Experts Can Contribute Too")); //$NON-NLS-1$
		assertFalse(actions.forwardAction().isEnabled());
	}

	@Test
	void theCitationPathGoesFromAPaperThroughItsReferences() throws Exception {
		Paper unchosen = corpus.seedPapers().stream()
				.filter(p -> p.title().startsWith("Unchosen Experts Can Contribute Too")).findFirst().orElseThrow(); //$NON-NLS-1$
		Paper deepSeek = deepSeekMoE();
		// a reference of DeepSeekMoE that Unchosen Experts does not cite directly: a path of length 3
		String target = graph.references(deepSeek.id()).stream()
				.filter(id -> !graph.references(unchosen.id()).contains(id)).findFirst().orElseThrow();
		Paper to = corpus.find(target).orElseThrow();

		List<Paper> path = papers.tabsPart().showPath(unchosen, to);

		assertEquals(List.of(unchosen.title(), deepSeek.title(), to.title()),
				path.stream().map(Paper::title).toList());
		List<String> rows = papers.relationRows(PapersView.PATH_ID);
		assertEquals(3, rows.size());
		assertTrue(rows.get(1).startsWith(deepSeek.title()), rows.toString());
	}

	@Test
	void openingAReferenceOnlyPaperListsReferenceOnlyPapers() throws Exception {
		Paper paper = deepSeekMoE();
		select(paper);
		List<Paper> refs = graph.references(paper.id()).stream().map(id -> corpus.find(id).orElseThrow()).toList();
		int row = 0;
		while (!refs.get(row).isReferenceOnly()) {
			row++;
		}
		Paper target = refs.get(row);
		papers.openRelation(PapersView.REFERENCES_ID, row);
		UiWait.until("the reference-only paper is selected", () -> target.title().equals(papers.selectedTitle())); //$NON-NLS-1$
		assertTrue(papers.details().getText().contains("no abstract"), papers.details().getText()); //$NON-NLS-1$
	}
}
