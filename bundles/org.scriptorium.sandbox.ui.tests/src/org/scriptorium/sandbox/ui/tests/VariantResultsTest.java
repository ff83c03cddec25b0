package org.scriptorium.sandbox.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.FontMetrics;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.sandbox.LaunchDirectory;
import org.scriptorium.sandbox.ui.SandboxUI;
import org.scriptorium.sandbox.ui.internal.results.Charts;
import org.scriptorium.sandbox.ui.internal.results.LaunchRecord;
import org.scriptorium.sandbox.ui.internal.results.ResultsView;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.TinyExperiment;
import org.scriptorium.tests.common.launch.ExperimentProjects;
import org.scriptorium.tests.common.ui.Screenshots;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.tests.common.ui.Widgets;

/**
 * Issue 16, item 3: an E4-like experiment (two variants x two seeds) reads per variant in the Experiment Results view:
 * a table of mean &plusmn; std over seeds of the experiment's metrics (the engine's aggregate.csv), curves as mean
 * with a band per variant from every run, legends and titles that name variants, a run picker for the per-run charts,
 * the per-difficulty chart, a heat map with its colour scale, titles that fit, and SVG export.
 */
@ExtendWith(NoErrorLoggedExtension.class)
class VariantResultsTest {

	private static final Duration RUN_TIMEOUT = Duration.ofSeconds(180);

	private IProject project;

	@AfterEach
	void tearDown() throws Exception {
		Launches.cleanUpResultsTest(project);
	}

	@Test
	void aLaunchOfVariantsReadsPerVariant(@TempDir Path temp) throws Exception {
		project = ExperimentProjects.project("variant-results"); //$NON-NLS-1$
		IFile file = ExperimentProjects.write(project, "tiny-variants.moe.json", //$NON-NLS-1$
				TinyExperiment.variants("tiny-variants")); //$NON-NLS-1$
		Launches.awaitSuccess(Launches.runAs(file), RUN_TIMEOUT);

		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		ResultsView view = Launches.showResults();
		LaunchRecord launch = Launches.awaitLaunch(view, "tiny-variants"); //$NON-NLS-1$
		assertEquals(4, launch.runs().size());

		Shell shell = view.getSite().getShell();
		shell.setBounds(0, 0, 1600, 1000);
		page.activate(view);
		page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
		UiWait.flush();
		Table launches = Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, ResultsView.ID_TABLE, Table.class);
		int row = Launches.select(view, launch);
		// one mean over two different variants would mean nothing: the launch's row gives their range
		assertTrue(launches.getItem(row).getText(4).contains(" to "), launches.getItem(row).getText(4)); //$NON-NLS-1$

		// the table per variant: mean ± std over the seeds of the experiment's metrics, as the engine aggregated them
		Table variants = Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, ResultsView.ID_VARIANTS, Table.class);
		assertEquals(List.of("Variant", "Runs", "test.accuracy", "test.avgK", "trainTestGap"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
				Arrays.stream(variants.getColumns()).map(TableColumn::getText).toList());
		List<LaunchDirectory.AggregateRow> aggregate = new LaunchDirectory(launch.directory()).aggregate();
		List<List<String>> expected = new ArrayList<>();
		for (LaunchDirectory.AggregateRow a : aggregate) {
			List<String> cells = new ArrayList<>(List.of(a.point().get("variant"), a.succeeded() + "/" + a.runs())); //$NON-NLS-1$ //$NON-NLS-2$
			for (String m : List.of("test.accuracy", "test.avgK", "trainTestGap")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				cells.add(String.format(Locale.ROOT, "%.4f \u00b1 %.4f", a.metrics().get(m)[0], a.metrics().get(m)[1])); //$NON-NLS-1$
			}
			expected.add(cells);
		}
		assertEquals(expected, view.variantRows());
		assertEquals(List.of("top1", "top2"), view.variantRows().stream().map(r -> r.get(0)).toList()); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("1.0000 \u00b1 0.0000", view.variantRows().get(0).get(3), "top-1 activates one expert"); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("2.0000 \u00b1 0.0000", view.variantRows().get(1).get(3), "top-2 activates two experts"); //$NON-NLS-1$ //$NON-NLS-2$

		// curves: mean and band per variant, from all four runs; legends name the variants, never run ids
		JFreeChart curves = view.chart(ResultsView.ID_CURVES);
		assertEquals(4, Charts.curveRuns(launch), "every run's curve is used"); //$NON-NLS-1$
		YIntervalSeriesCollection bands = (YIntervalSeriesCollection) curves.getXYPlot().getDataset();
		assertEquals(List.of("top1", "top2"), List.of(bands.getSeriesKey(0), bands.getSeriesKey(1))); //$NON-NLS-1$ //$NON-NLS-2$
		boolean someSpread = false;
		for (int s = 0; s < bands.getSeriesCount(); s++) {
			for (int i = 0; i < bands.getItemCount(s); i++) {
				assertTrue(bands.getStartYValue(s, i) <= bands.getYValue(s, i)
						&& bands.getYValue(s, i) <= bands.getEndYValue(s, i));
				someSpread |= bands.getEndYValue(s, i) - bands.getStartYValue(s, i) > 0;
			}
		}
		assertTrue(someSpread, "two seeds give a band around the mean"); //$NON-NLS-1$
		assertEquals(List.of("top1", "top2"), legend(curves)); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(List.of("top1", "top2"), legend(view.chart(ResultsView.ID_PARETO))); //$NON-NLS-1$ //$NON-NLS-2$

		// the per-difficulty chart: top-k activates a fixed number of experts, so it shows accuracy per level
		JFreeChart difficulty = view.chart(ResultsView.ID_DIFFICULTY);
		assertEquals("Accuracy per difficulty", difficulty.getTitle().getText()); //$NON-NLS-1$
		Map<String, Map<String, Double>> perLevel = Charts.values(difficulty);
		assertEquals(List.of("top1", "top2"), List.copyOf(perLevel.keySet())); //$NON-NLS-1$ //$NON-NLS-2$
		for (String variant : perLevel.keySet()) {
			for (String level : List.of("easy", "medium", "hard")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				double mean = launch.runsOf(variant).stream()
						.mapToDouble(r -> r.metrics().get("test.accuracy." + level)).average().orElseThrow(); //$NON-NLS-1$
				assertEquals(mean, perLevel.get(variant).get(level), 1e-12, variant + " " + level);
			}
		}

		// the per-run charts follow the run picker
		Combo picker = Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, ResultsView.ID_RUN_PICKER, Combo.class);
		assertEquals(4, picker.getItemCount());
		assertTrue(picker.getItem(0).startsWith("top1, seed 1"), picker.getItem(0)); //$NON-NLS-1$
		assertTrue(Charts.titles(view.chart(ResultsView.ID_LOAD)).contains("top1, seed 1")); //$NON-NLS-1$
		int last = Arrays.asList(picker.getItems()).indexOf(Arrays.stream(picker.getItems())
				.filter(i -> i.startsWith("top2, seed 2")).findFirst().orElseThrow()); //$NON-NLS-1$
		picker.select(last); // as SWTBotCombo.setSelection does
		picker.notifyListeners(SWT.Selection, new Event());
		UiWait.until("the load chart shows the picked run", //$NON-NLS-1$
				() -> Charts.titles(view.chart(ResultsView.ID_LOAD)).contains("top2, seed 2")); //$NON-NLS-1$
		JFreeChart heatmap = view.chart(ResultsView.ID_HEATMAP);
		assertTrue(Charts.titles(heatmap).contains("top2, seed 2"), Charts.titles(heatmap).toString()); //$NON-NLS-1$
		assertNotNull(Charts.colourScale(heatmap), "the heat map has its colour scale"); //$NON-NLS-1$

		// every title fits the chart as drawn in the view, and none names a run id
		FontMetrics metrics = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics()
				.getFontMetrics(Charts.TITLE_FONT);
		for (String id : List.of(ResultsView.ID_CURVES, ResultsView.ID_PARETO, ResultsView.ID_DIFFICULTY,
				ResultsView.ID_LOAD, ResultsView.ID_HEATMAP)) {
			String title = view.chart(id).getTitle().getText();
			assertTrue(metrics.stringWidth(title) <= 360, id + ": the title is cut: " + title); //$NON-NLS-1$
			for (String text : Charts.titles(view.chart(id))) {
				assertFalse(text.matches(".*p\\d{4}-s\\d.*"), id + ": " + text); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}

		// vector export beside PNG
		Path svg = temp.resolve("curves.svg"); //$NON-NLS-1$
		view.exportChart(ResultsView.ID_CURVES, svg);
		String text = Files.readString(svg);
		assertTrue(text.contains("<svg") && text.contains(">top1<") && text.contains(">top2<"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				text.substring(0, Math.min(400, text.length())));
		Path png = temp.resolve("heatmap.png"); //$NON-NLS-1$
		view.exportChart(ResultsView.ID_HEATMAP, png);
		assertEquals('P', Files.readAllBytes(png)[1]);

		// nothing is cut: every cell's text fits its column, and at 1600x1000 every chart is inside the view
		UiWait.flush();
		ResultsDrawn.assertNoCellCut(launches);
		ResultsDrawn.assertNoCellCut(variants);
		ScrolledComposite scrolled = (ScrolledComposite) Widgets
				.byId(shell, SandboxUI.WIDGET_ID_KEY, ResultsView.ID_CURVES, Label.class).getParent().getParent();
		Rectangle visible = scrolled.getDisplay().map(scrolled, null, scrolled.getClientArea());
		for (String id : List.of(ResultsView.ID_CURVES, ResultsView.ID_PARETO, ResultsView.ID_DIFFICULTY,
				ResultsView.ID_LOAD, ResultsView.ID_HEATMAP)) {
			Label chart = Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, id, Label.class);
			Rectangle bounds = chart.getDisplay().map(chart.getParent(), null, chart.getBounds());
			assertTrue(visible.contains(bounds.x, bounds.y) && visible.contains(bounds.x + bounds.width - 1,
					bounds.y + bounds.height - 1), id + " at " + bounds + " is not inside the view's " + visible); //$NON-NLS-1$ //$NON-NLS-2$
			assertNotNull(chart.getImage(), id);
			assertEquals(new Point(bounds.width, bounds.height),
					new Point(chart.getImage().getBounds().width, chart.getImage().getBounds().height),
					id + ": the chart is drawn at the size it is shown"); //$NON-NLS-1$
		}

		// the colour scale's title fits beside the heat map as drawn in the view
		Label heat = Widgets.byId(shell, SandboxUI.WIDGET_ID_KEY, ResultsView.ID_HEATMAP, Label.class);
		ChartRenderingInfo info = new ChartRenderingInfo();
		java.awt.Graphics2D g = new BufferedImage(heat.getSize().x, heat.getSize().y, BufferedImage.TYPE_INT_RGB)
				.createGraphics();
		heatmap.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, heat.getSize().x, heat.getSize().y), info);
		var scaleAxis = Charts.colourScale(heatmap).getAxis();
		int titleLength = g.getFontMetrics(scaleAxis.getLabelFont()).stringWidth(scaleAxis.getLabel());
		g.dispose();
		assertTrue(titleLength <= info.getPlotInfo().getDataArea().getHeight(), "the colour scale's title \"" //$NON-NLS-1$
				+ scaleAxis.getLabel() + "\" (" + titleLength + " px) is longer than the scale " //$NON-NLS-1$ //$NON-NLS-2$
				+ info.getPlotInfo().getDataArea().getHeight());

		String folder = System.getProperty("scriptorium.screenshots"); //$NON-NLS-1$
		if (folder != null) {
			shell.update();
			Path shot = Screenshots.capture(shell, Path.of(folder, "results-variants.png")); //$NON-NLS-1$
			assertTrue(Files.size(shot) > 10_000, "a screenshot with content"); //$NON-NLS-1$
		}

		// in the perspective's Results stack (not maximised) the charts cannot all fit: the view scrolls to them
		page.setPartState(page.getReference(view), IWorkbenchPage.STATE_RESTORED);
		UiWait.flush();
		if (scrolled.getMinHeight() > scrolled.getClientArea().height) {
			assertTrue(scrolled.getVerticalBar().getVisible(), "a vertical scroll bar reaches the lower charts"); //$NON-NLS-1$
		}
		if (scrolled.getMinWidth() > scrolled.getClientArea().width) {
			assertTrue(scrolled.getHorizontalBar().getVisible(), "a horizontal scroll bar reaches the right charts"); //$NON-NLS-1$
		}
	}

	private static List<String> legend(JFreeChart chart) {
		List<String> out = new ArrayList<>();
		var items = chart.getXYPlot().getLegendItems();
		for (int i = 0; i < items.getItemCount(); i++) {
			out.add(items.get(i).getLabel());
		}
		return out;
	}
}
