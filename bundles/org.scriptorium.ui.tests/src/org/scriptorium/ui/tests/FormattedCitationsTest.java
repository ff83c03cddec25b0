package org.scriptorium.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.HTMLTransfer;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.cite.CitationFormat;
import org.scriptorium.cite.CitationFormatter;
import org.scriptorium.cite.CitationStyle;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.model.Paper;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.ui.internal.JobFamilies;
import org.scriptorium.ui.internal.papers.ExportPapersWizard;
import org.scriptorium.ui.internal.papers.FormattedCitations;
import org.scriptorium.ui.tests.pages.Combos;
import org.scriptorium.ui.tests.pages.PapersViewTester;
import org.scriptorium.ui.tests.pages.WizardTester;

/**
 * Copy As &gt; Formatted Citation / Formatted Bibliography &gt; style puts the selected papers on the clipboard as text
 * and HTML; the export wizard writes a formatted bibliography in the chosen style.
 */
@ExtendWith(NoErrorLoggedExtension.class)
class FormattedCitationsTest {

	private static final String DEEPSEEKMOE = "DeepSeekMoE: Towards Ultimate Expert Specialization in Mixture-of-Experts Language Models"; //$NON-NLS-1$
	private static final String SURVEY = "A Survey on Mixture of Experts"; //$NON-NLS-1$

	private PapersViewTester papers;

	@BeforeEach
	void open() throws Exception {
		papers = PapersViewTester.open();
		setClipboard("-", "-"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@AfterEach
	void close() {
		papers.close();
		FormattedCitations.rememberStyle(CitationStyle.APA);
	}

	/** Selects DeepSeekMoE and the MoE survey (in the table's order) and returns them in that order. */
	private List<Paper> selectTwo() {
		int a = papers.rowOf(DEEPSEEKMOE);
		int b = papers.rowOf(SURVEY);
		papers.selectRows(Math.min(a, b), Math.max(a, b));
		papers.activate();
		List<Paper> seeds = DefaultCorpus.get().seedPapers();
		Paper deepseek = seeds.stream().filter(p -> p.title().equals(DEEPSEEKMOE)).findFirst().orElseThrow();
		Paper survey = seeds.stream().filter(p -> p.title().equals(SURVEY)).findFirst().orElseThrow();
		return a < b ? List.of(deepseek, survey) : List.of(survey, deepseek);
	}

	private static Object clipboard(Transfer transfer) {
		Clipboard c = new Clipboard(Display.getCurrent());
		try {
			return c.getContents(transfer);
		} finally {
			c.dispose();
		}
	}

	private static void setClipboard(String text, String html) {
		Clipboard c = new Clipboard(Display.getCurrent());
		try {
			c.setContents(new Object[]{text, html},
					new Transfer[]{TextTransfer.getInstance(), HTMLTransfer.getInstance()});
		} finally {
			c.dispose();
		}
	}

	@Test
	void copyAsFormattedCitationInApaPutsTextAndHtmlOnTheClipboard() {
		List<Paper> selected = selectTwo();
		List<String> styles = papers.contextMenu("Copy As", "Formatted Citation", "APA"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals(List.of("APA", "IEEE", "ACM", "Chicago (author-date)", "Nature"), styles); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
		String expected = "(Cai et al., 2024; Dai et al., 2024)"; //$NON-NLS-1$
		UiWait.until("the clipboard holds the APA citation", //$NON-NLS-1$
				() -> expected.equals(clipboard(TextTransfer.getInstance())));
		assertEquals(CitationFormatter.citation(selected, CitationStyle.APA, CitationFormat.HTML),
				clipboard(HTMLTransfer.getInstance()));
		assertEquals(CitationStyle.APA, FormattedCitations.lastStyle());
	}

	@Test
	void copyAsFormattedBibliographyInIeeeNumbersTheSelectedPapers() {
		List<Paper> selected = selectTwo();
		papers.contextMenu("Copy As", "Formatted Bibliography", "IEEE"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		UiWait.until("the clipboard holds an IEEE bibliography", //$NON-NLS-1$
				() -> String.valueOf(clipboard(TextTransfer.getInstance())).startsWith("[1] ")); //$NON-NLS-1$
		String text = (String) clipboard(TextTransfer.getInstance());
		String[] lines = text.split("\n"); //$NON-NLS-1$
		assertEquals(2, lines.length, text);
		assertTrue(lines[0].contains(selected.get(0).title().substring(0, 20)), text);
		assertTrue(lines[1].startsWith("[2] "), text); //$NON-NLS-1$
		assertTrue(text.contains("D. Dai et al., \u201cDeepSeekMoE"), text); //$NON-NLS-1$
		String html = (String) clipboard(HTMLTransfer.getInstance());
		assertTrue(html.startsWith("<div class=\"csl-bib-body\">"), html); //$NON-NLS-1$
		assertTrue(html.contains("<span class=\"csl-left-margin\">[2]</span>"), html); //$NON-NLS-1$
		assertEquals(CitationFormatter.bibliography(selected, CitationStyle.IEEE, CitationFormat.HTML), html);
		assertEquals(CitationStyle.IEEE, FormattedCitations.lastStyle(), "the style last used is remembered"); //$NON-NLS-1$
	}

	@Test
	void theExportWizardWritesAFormattedBibliographyInTheChosenStyle(@TempDir Path dir) throws Exception {
		List<Paper> selected = selectTwo();
		FormattedCitations.rememberStyle(CitationStyle.CHICAGO);
		Path file = dir.resolve("refs.html"); //$NON-NLS-1$
		WizardTester.runExport(ExportPapersWizard.ID, wizard -> {
			Combo style = wizard.widget(ExportPapersWizard.STYLE_ID, Combo.class);
			assertEquals("Chicago (author-date)", style.getText(), "the wizard starts with the style last used"); //$NON-NLS-1$ //$NON-NLS-2$
			assertTrue(!style.isEnabled(), "no style for BibTeX and the other data formats"); //$NON-NLS-1$
			Combo format = wizard.widget(ExportPapersWizard.FORMAT_ID, Combo.class);
			Combos.choose(format, "Formatted bibliography (HTML page)"); //$NON-NLS-1$
			assertTrue(style.isEnabled());
			Combos.choose(style, "Nature"); //$NON-NLS-1$
			wizard.widget(ExportPapersWizard.FILE_ID, Text.class).setText(file.toString());
			wizard.finish();
		});
		UiWait.jobs(JobFamilies.CORPUS_EXPORT);
		String html = Files.readString(file);
		assertTrue(html.startsWith("<!DOCTYPE html>"), html); //$NON-NLS-1$
		assertTrue(html.contains("<title>Bibliography (Nature)</title>"), html); //$NON-NLS-1$
		assertEquals(2, Pattern.compile("<div class=\"csl-entry\">").matcher(html).results().count(), html); //$NON-NLS-1$
		assertEquals(CitationFormatter.bibliographyFile(selected, CitationStyle.NATURE, CitationFormat.HTML), html);
		assertEquals(CitationStyle.NATURE, FormattedCitations.lastStyle());
	}
}
