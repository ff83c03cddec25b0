package org.scriptorium.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.graph.CitationGraph;
import org.scriptorium.core.model.Paper;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.tests.common.ui.Widgets;
import org.scriptorium.ui.PaperLinks;
import org.scriptorium.ui.ScriptoriumUI;
import org.scriptorium.ui.internal.JobFamilies;
import org.scriptorium.ui.internal.views.NeighbourhoodView;
import org.scriptorium.ui.tests.pages.PapersViewTester;

/** The Citation Neighbourhood view follows the Papers view's selection; double-click navigates there. */
@ExtendWith(NoErrorLoggedExtension.class)
class NeighbourhoodViewTest {

	private static final String DEEPSEEKMOE = "2401.06066"; //$NON-NLS-1$

	private PapersViewTester papers;
	private NeighbourhoodView view;
	private final CitationGraph graph = CitationGraph.of(DefaultCorpus.get());

	@BeforeEach
	void open() throws Exception {
		papers = PapersViewTester.open();
		// Window > Show View through the view's command, as its key binding (Alt+Shift+Q N) runs it
		ICommandService commands = PlatformUI.getWorkbench().getService(ICommandService.class);
		PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(ParameterizedCommand.generateCommand(
				commands.getCommand("org.eclipse.ui.views.showView"), //$NON-NLS-1$
				Map.of("org.eclipse.ui.views.showView.viewId", NeighbourhoodView.ID)), null); //$NON-NLS-1$
		view = (NeighbourhoodView) page().findView(NeighbourhoodView.ID);
	}

	@AfterEach
	void close() {
		page().hideView(view);
		papers.close();
	}

	private static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	private Tree tree() {
		return Widgets.byId(view.getSite().getShell(), ScriptoriumUI.WIDGET_ID_KEY, NeighbourhoodView.TREE_ID,
				Tree.class);
	}

	private Paper select(String arxiv) throws Exception {
		Paper paper = PaperLinks.findByArxivId(arxiv).orElseThrow();
		PaperLinks.showPaper(page(), arxiv);
		UiWait.until(paper.title() + " is selected", () -> paper.title().equals(papers.selectedTitle())); //$NON-NLS-1$
		return paper;
	}

	@Test
	void showsTheReferencesCitingCoCitedAndCoupledPapersTwoLevelsDeepAndNavigates() throws Exception {
		Paper paper = select(DEEPSEEKMOE);
		UiWait.until("the neighbourhood of the selected paper is computed", () -> paper.equals(view.paper())); //$NON-NLS-1$
		UiWait.jobs(JobFamilies.NEIGHBOURHOOD);
		UiWait.until("the groups are shown", () -> tree().getItemCount() == 4); //$NON-NLS-1$
		String header = Widgets.byId(view.getSite().getShell(), ScriptoriumUI.WIDGET_ID_KEY, NeighbourhoodView.PAPER_ID,
				Label.class).getText();
		assertTrue(header.contains(paper.title()), header);

		TreeItem[] groups = tree().getItems();
		int refs = graph.references(paper.id()).size();
		int citing = graph.citedBy(paper.id()).size();
		assertEquals("References (" + refs + ")", groups[0].getText()); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("Cited by (" + citing + ")", groups[1].getText()); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(groups[2].getText().startsWith("Co-cited ("), groups[2].getText()); //$NON-NLS-1$
		assertTrue(groups[3].getText().startsWith("Coupled ("), groups[3].getText()); //$NON-NLS-1$
		assertEquals(refs, groups[0].getItemCount());
		assertEquals(citing, groups[1].getItemCount());

		// second level: a citing paper's own citing papers; first, find one that is cited in the corpus
		TreeItem citingItem = null;
		for (TreeItem item : groups[1].getItems()) {
			Paper p = DefaultCorpus.get().papers().stream().filter(q -> item.getText().startsWith(q.title()))
					.findFirst().orElseThrow();
			if (!graph.citedBy(p.id()).isEmpty()) {
				citingItem = item;
				Event expand = new Event(); // as SWTBot expands: the tree's Expand event, then the item opens
				expand.item = item;
				tree().notifyListeners(SWT.Expand, expand);
				item.setExpanded(true);
				UiWait.flush();
				assertEquals(graph.citedBy(p.id()).size(), item.getItemCount(), item.getText());
				break;
			}
		}
		assertTrue(citingItem != null, "a paper citing DeepSeekMoE is itself cited"); //$NON-NLS-1$

		// double-click a reference: the Papers view selects it
		TreeItem reference = groups[0].getItem(0);
		String title = graph.references(paper.id()).stream().map(id -> DefaultCorpus.get().find(id).orElseThrow())
				.findFirst().orElseThrow().title();
		assertTrue(reference.getText().startsWith(title), reference.getText());
		tree().setSelection(reference);
		Event e = new Event();
		e.item = reference;
		tree().notifyListeners(SWT.Selection, e);
		e = new Event();
		e.item = reference;
		tree().notifyListeners(SWT.DefaultSelection, e);
		papers.settle();
		UiWait.until("the Papers view selects the reference", () -> title.equals(papers.selectedTitle())); //$NON-NLS-1$
		UiWait.until("and the neighbourhood follows", () -> title.equals(String.valueOf(view.paper() == null //$NON-NLS-1$
				? null
				: view.paper().title())));
	}
}
