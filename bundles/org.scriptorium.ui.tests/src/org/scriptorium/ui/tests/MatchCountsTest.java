package org.scriptorium.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.search.ui.IQueryListener;
import org.eclipse.search.ui.ISearchQuery;
import org.eclipse.search.ui.NewSearchUI;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.model.Paper;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.tests.common.ui.Widgets;
import org.scriptorium.ui.ScriptoriumUI;
import org.scriptorium.ui.internal.views.PapersView;
import org.scriptorium.ui.tests.pages.PapersViewTester;
import org.scriptorium.ui.tests.pages.SearchDialogTester;
import org.scriptorium.ui.tests.pages.SearchViewTester;

/**
 * What the Papers view and the Search view say about matches (issue 16): how many matches the view hides and a link
 * that shows them, "Searching…" before a search's results arrive, and a query error's whole message.
 */
@ExtendWith(NoErrorLoggedExtension.class)
class MatchCountsTest {

	private final List<Paper> all = DefaultCorpus.get().papers();
	private PapersViewTester papers;

	@BeforeEach
	void open() throws Exception {
		papers = PapersViewTester.open();
	}

	@AfterEach
	void close() {
		papers.close();
	}

	private <T extends org.eclipse.swt.widgets.Widget> T widget(String id, Class<T> type) {
		return Widgets.byId((Composite) papers.part().getSite().getShell(), ScriptoriumUI.WIDGET_ID_KEY, id, type);
	}

	@Test
	void theCountSaysHowManyMatchesAreHiddenAndTheLinkShowsThem() {
		List<Paper> matches = all.stream()
				.filter(p -> Stems.titleOrAbstractHas(p, "expert") && Stems.titleOrAbstractHas(p, "choice")).toList(); //$NON-NLS-1$ //$NON-NLS-2$
		long hidden = matches.stream().filter(Paper::isReferenceOnly).count();
		assertTrue(hidden > 0, "reference-only papers match 'expert choice'"); //$NON-NLS-1$
		String best = "Mixture-of-experts with expert choice routing"; //$NON-NLS-1$
		assertTrue(matches.stream().anyMatch(p -> p.isReferenceOnly() && p.title().equals(best)));

		papers.typeFilter("expert choice", (int) (matches.size() - hidden)); //$NON-NLS-1$
		Link link = widget(PapersView.HIDDEN_MATCHES_ID, Link.class);
		UiWait.until("the hidden matches are counted", link::isVisible); //$NON-NLS-1$
		assertEquals(hidden + " more hidden (reference-only): <a>Show</a>", link.getText()); //$NON-NLS-1$
		assertTrue(link.getSize().x >= link.computeSize(SWT.DEFAULT, SWT.DEFAULT).x, "the link is not clipped"); //$NON-NLS-1$

		// a click on the link, as SWTBot clicks one: the Selection event
		Event click = new Event();
		click.text = "Show"; //$NON-NLS-1$
		link.notifyListeners(SWT.Selection, click);
		papers.settle();
		UiWait.until("every match is listed", () -> papers.rowCount() == matches.size()); //$NON-NLS-1$
		int row = papers.rowOf(best);
		assertTrue(papers.isItalic(row), "the reference-only paper is in italics"); //$NON-NLS-1$
		assertFalse(link.isVisible(), "nothing is hidden any more"); //$NON-NLS-1$
	}

	@Test
	void aQueryErrorShowsItsWholeMessage() {
		org.scriptorium.tests.common.ui.Input.type(papers.filter(), "routing bogus:term"); //$NON-NLS-1$
		UiWait.until("the count shows the query error", () -> papers.count().startsWith("Query error at column")); //$NON-NLS-1$ //$NON-NLS-2$
		String text = papers.count();
		assertTrue(text.startsWith("Query error at column 9: Unknown field 'bogus:'"), text); //$NON-NLS-1$
		assertTrue(text.endsWith("citedby, citedin or related."), "the whole message: " + text); //$NON-NLS-1$ //$NON-NLS-2$
		Label label = widget(PapersView.COUNT_ID, Label.class);
		UiWait.flush();
		Point size = label.getSize();
		GC gc = new GC(label);
		int oneLine;
		try {
			oneLine = gc.textExtent(text).x;
		} finally {
			gc.dispose();
		}
		boolean fits = oneLine <= size.x
				|| (label.getStyle() & SWT.WRAP) != 0 && label.computeSize(size.x, SWT.DEFAULT).y <= size.y;
		assertTrue(fits, "the message is drawn whole in " + size + " (one line needs " + oneLine + ")"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertTrue(label.getLocation().x + size.x <= label.getParent().getClientArea().width,
				"the label ends inside the view"); //$NON-NLS-1$
	}

	@Test
	void theSearchViewSaysSearchingBeforeTheResultsArrive() {
		AtomicReference<String> atStart = new AtomicReference<>();
		IQueryListener listener = new IQueryListener() {
			@Override
			public void queryStarting(ISearchQuery query) {
				atStart.compareAndSet(null, query.getSearchResult().getLabel());
			}

			@Override
			public void queryRemoved(ISearchQuery query) {
			}

			@Override
			public void queryFinished(ISearchQuery query) {
			}

			@Override
			public void queryAdded(ISearchQuery query) {
			}
		};
		NewSearchUI.addQueryListener(listener);
		try {
			SearchDialogTester.run(dialog -> {
				dialog.type(dialog.query(), "routing"); //$NON-NLS-1$
				dialog.search();
			});
			SearchViewTester results = SearchViewTester.latest();
			assertEquals("'routing' - Searching\u2026", atStart.get()); //$NON-NLS-1$
			assertTrue(results.result().getLabel().matches("'routing' - \\d+ papers shown of \\d+ matches .*"), //$NON-NLS-1$
					results.result().getLabel());
		} finally {
			NewSearchUI.removeQueryListener(listener);
		}
	}
}
