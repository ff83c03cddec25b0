package org.scriptorium.ui.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.core.model.Paper;
import org.scriptorium.bench.internal.SyntheticPapers;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.ui.internal.JobFamilies;
import org.scriptorium.ui.tests.pages.PapersViewTester;

/**
 * A UI benchmark, not a test: how long the Papers view takes to show synthetic corpora of 1k, 10k and 100k papers
 * and to apply a filter, each against a baseline measured in the same run (a plain, non-virtual JFace table for
 * showing; a linear scan of titles and abstracts for filtering). It runs only with {@code -Dscriptorium.bench=true}
 * (see docs/PERFORMANCE.md) and asserts nothing about time. The synthetic papers are materialised once
 * ({@link ICorpus#of}), as a loaded user corpus would be. Timings are taken on the UI thread while dispatching
 * events, so they include painting and have a granularity of about 20 ms.
 */
@EnabledIfSystemProperty(named = "scriptorium.bench", matches = "true")
class PapersViewBenchmark {

	@Test
	void openAndFilter() throws Exception {
		StringBuilder report = new StringBuilder(
				"| papers | open view (ms) | plain table (ms) | ratio | first filter incl. index build (ms) | filter (ms) | linear scan (ms) | ratio | rows |\n" //$NON-NLS-1$
						+ "|---|---|---|---|---|---|---|---|---|\n"); //$NON-NLS-1$
		for (int n : new int[]{1_000, 10_000, 100_000}) {
			SyntheticPapers synthetic = new SyntheticPapers(n, 25, 42);
			ICorpus corpus = ICorpus.of("bench-" + n, synthetic.papers(), synthetic.citations()); //$NON-NLS-1$
			String word = corpus.papers().get(0).title().split(" ")[0].toLowerCase(Locale.ROOT); //$NON-NLS-1$

			PapersViewTester papers = PapersViewTester.open();
			long t0 = System.nanoTime();
			papers.loader().load(() -> corpus, corpus.name(), null, null);
			UiWait.jobs(JobFamilies.CORPUS_LOAD);
			papers.settle();
			UiWait.until("the view lists " + n + " papers", () -> papers.rowCount() == n); //$NON-NLS-1$ //$NON-NLS-2$
			papers.table().getItem(0).getText(0);
			long open = System.nanoTime() - t0;

			long plain = plainTable(corpus.papers());

			t0 = System.nanoTime();
			papers.filter().setText(word);
			papers.settle();
			long firstFilter = System.nanoTime() - t0;
			papers.filter().setText(""); //$NON-NLS-1$
			papers.settle();
			t0 = System.nanoTime();
			papers.filter().setText(word);
			papers.settle();
			long filter = System.nanoTime() - t0;
			int rows = papers.rowCount();

			t0 = System.nanoTime();
			int scanned = 0;
			for (Paper p : corpus.papers()) {
				String text = (p.title() + ' ' + p.abstractText().orElse("")).toLowerCase(Locale.ROOT); //$NON-NLS-1$
				if (text.contains(word)) {
					scanned++;
				}
			}
			long scan = System.nanoTime() - t0;
			papers.close();

			report.append(
					String.format(Locale.ROOT, "| %,d | %d | %d | %.2f | %d | %d | %d | %.2f | %,d (scan: %,d) |%n", n, //$NON-NLS-1$
							open / 1_000_000, plain / 1_000_000, (double) open / plain, firstFilter / 1_000_000,
							filter / 1_000_000, scan / 1_000_000, (double) filter / Math.max(scan, 1), rows, scanned));
		}
		Path out = Path.of(System.getProperty("scriptorium.screenshots", "target"), "..", "papers-view-benchmark.md"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		write(out, report.toString());
		System.out.println(report);
	}

	/** The baseline: a plain (non-virtual) JFace table that creates every row at once. */
	private static long plainTable(List<Paper> papers) {
		Shell shell = new Shell(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell());
		try {
			shell.setLayout(new org.eclipse.swt.layout.FillLayout());
			shell.setSize(1200, 800);
			shell.open();
			long t0 = System.nanoTime();
			TableViewer viewer = new TableViewer(shell, SWT.MULTI | SWT.FULL_SELECTION);
			viewer.setContentProvider(ArrayContentProvider.getInstance());
			viewer.setLabelProvider(new LabelProvider() {
				@Override
				public String getText(Object element) {
					return ((Paper) element).title();
				}
			});
			viewer.setInput(new ArrayList<>(papers));
			shell.layout();
			UiWait.flush();
			return System.nanoTime() - t0;
		} finally {
			shell.dispose();
		}
	}

	private static void write(Path file, String text) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.writeString(file, text);
	}
}
