package org.scriptorium.sandbox.ui.internal.results;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.scriptorium.core.io.Csv;

/** JFreeChart charts of a launch, drawn offscreen into a {@link BufferedImage} and converted for SWT. */
public final class Charts {

	/** The training metric whose curve is drawn. */
	public static final String CURVE_METRIC = "train.ce"; //$NON-NLS-1$

	/** At most this many runs get a curve (a sweep has many). */
	private static final int MAX_CURVES = 8;

	private Charts() {
	}

	/** {@link #CURVE_METRIC} over the training steps, one series per run of {@code launch}. */
	public static JFreeChart curves(LaunchRecord launch) {
		XYSeriesCollection data = new XYSeriesCollection();
		for (LaunchRecord.Run run : launch.runs().subList(0, Math.min(MAX_CURVES, launch.runs().size()))) {
			XYSeries series = new XYSeries(run.id(), false, true);
			for (double[] point : RunHistory.curve(launch, run.id(), CURVE_METRIC)) {
				series.add(point[0], point[1]);
			}
			if (!series.isEmpty()) {
				data.addSeries(series);
			}
		}
		JFreeChart chart = ChartFactory.createXYLineChart(launch.experiment() + ": " + CURVE_METRIC, "step", //$NON-NLS-1$ //$NON-NLS-2$
				CURVE_METRIC, data, PlotOrientation.VERTICAL, true, false, false);
		style(chart);
		return chart;
	}

	/** Test accuracy against the average number of activated experts, one point per run (the Pareto plot). */
	public static JFreeChart pareto(LaunchRecord launch) {
		XYSeries series = new XYSeries("runs", false, true); //$NON-NLS-1$
		for (LaunchRecord.Run run : launch.runs()) {
			Double k = run.metrics().get("test.avgK"); //$NON-NLS-1$
			Double accuracy = run.metrics().get("test.accuracy"); //$NON-NLS-1$
			if (k != null && accuracy != null) {
				series.add(k, accuracy);
			}
		}
		JFreeChart chart = ChartFactory.createScatterPlot(launch.experiment() + ": accuracy vs activated experts", //$NON-NLS-1$
				"test.avgK", "test.accuracy", new XYSeriesCollection(series), PlotOrientation.VERTICAL, false, false, //$NON-NLS-1$ //$NON-NLS-2$
				false);
		style(chart);
		return chart;
	}

	/**
	 * The load of each expert in the first run of {@code launch}: the mean over the domains of the share of the
	 * domain's tokens routed to it (bars); null if the run has no domain x expert frequencies.
	 */
	public static JFreeChart load(LaunchRecord launch) {
		double[][] matrix = launch.runs().isEmpty() ? null : RunHistory.domainExpert(launch, launch.runs().get(0).id());
		if (matrix == null) {
			return null;
		}
		org.jfree.data.category.DefaultCategoryDataset data = new org.jfree.data.category.DefaultCategoryDataset();
		for (int e = 0; e < matrix[0].length; e++) {
			double sum = 0;
			for (double[] row : matrix) {
				sum += row[e];
			}
			data.addValue(sum / matrix.length, "load", "e" + e); //$NON-NLS-1$ //$NON-NLS-2$
		}
		JFreeChart chart = ChartFactory
				.createBarChart(launch.experiment() + ": expert load (" + launch.runs().get(0).id() //$NON-NLS-1$
						+ ')', "expert", "mean routing frequency", data, PlotOrientation.VERTICAL, false, false, false); //$NON-NLS-1$ //$NON-NLS-2$
		chart.setBackgroundPaint(Color.WHITE);
		chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
		chart.getCategoryPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
		return chart;
	}

	/** The domain x expert routing frequencies of the first run of {@code launch} as a heatmap; null if none. */
	public static JFreeChart heatmap(LaunchRecord launch) {
		double[][] matrix = launch.runs().isEmpty() ? null : RunHistory.domainExpert(launch, launch.runs().get(0).id());
		if (matrix == null) {
			return null;
		}
		org.jfree.data.xy.DefaultXYZDataset data = new org.jfree.data.xy.DefaultXYZDataset();
		int n = matrix.length * matrix[0].length;
		double[][] xyz = new double[3][n];
		int i = 0;
		for (int d = 0; d < matrix.length; d++) {
			for (int e = 0; e < matrix[d].length; e++) {
				xyz[0][i] = e;
				xyz[1][i] = d;
				xyz[2][i] = matrix[d][e];
				i++;
			}
		}
		data.addSeries("frequency", xyz); //$NON-NLS-1$
		org.jfree.chart.renderer.xy.XYBlockRenderer renderer = new org.jfree.chart.renderer.xy.XYBlockRenderer();
		org.jfree.chart.renderer.LookupPaintScale scale = new org.jfree.chart.renderer.LookupPaintScale(0, 1.0001,
				Color.WHITE);
		for (int step = 0; step <= 10; step++) {
			int shade = 255 - step * 22;
			scale.add(step / 10.0, new Color(shade, shade, 255));
		}
		renderer.setPaintScale(scale);
		org.jfree.chart.axis.NumberAxis experts = new org.jfree.chart.axis.NumberAxis("expert"); //$NON-NLS-1$
		experts.setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
		experts.setRange(-0.5, matrix[0].length - 0.5);
		org.jfree.chart.axis.NumberAxis domains = new org.jfree.chart.axis.NumberAxis("domain"); //$NON-NLS-1$
		domains.setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
		domains.setRange(-0.5, matrix.length - 0.5);
		XYPlot plot = new XYPlot(data, experts, domains, renderer);
		plot.setBackgroundPaint(Color.WHITE);
		JFreeChart chart = new JFreeChart(launch.experiment() + ": domain x expert (" + launch.runs().get(0).id() + ')', //$NON-NLS-1$
				JFreeChart.DEFAULT_TITLE_FONT, plot, false);
		chart.setBackgroundPaint(Color.WHITE);
		return chart;
	}

	/** The difficulty levels of the synthetic data, easiest first (metrics {@code test.avgK.<level>}). */
	public static final List<String> DIFFICULTIES = List.of("easy", "medium", "hard"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

	/**
	 * Activated experts per difficulty level ({@code test.avgK.easy}, {@code .medium}, {@code .hard}), bars grouped by
	 * level, one series per run (the first {@value #MAX_CURVES}): do harder examples get more experts? Null if no run
	 * reports them.
	 */
	public static JFreeChart difficulty(LaunchRecord launch) {
		org.jfree.data.category.DefaultCategoryDataset data = new org.jfree.data.category.DefaultCategoryDataset();
		for (LaunchRecord.Run run : launch.runs().subList(0, Math.min(MAX_CURVES, launch.runs().size()))) {
			for (String level : DIFFICULTIES) {
				Double k = run.metrics().get("test.avgK." + level); //$NON-NLS-1$
				if (k != null && !k.isNaN()) {
					data.addValue(k, run.id(), level);
				}
			}
		}
		if (data.getColumnCount() == 0) {
			return null;
		}
		JFreeChart chart = ChartFactory.createBarChart(launch.experiment() + ": activated experts per difficulty", //$NON-NLS-1$
				"difficulty", "test.avgK", data, PlotOrientation.VERTICAL, data.getRowCount() > 1, false, false); //$NON-NLS-1$ //$NON-NLS-2$
		chart.setBackgroundPaint(Color.WHITE);
		chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
		chart.getCategoryPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
		return chart;
	}

	/**
	 * A retrieval-routing launch (sandbox task {@code retrieval-routing}): nDCG@10 of every expert and router
	 * ({@code test.ndcg10.<name>}, mean over the runs), in the order the run reported them; null if none.
	 */
	public static JFreeChart retrievalSystems(LaunchRecord launch) {
		org.jfree.data.category.DefaultCategoryDataset data = new org.jfree.data.category.DefaultCategoryDataset();
		for (String name : names(launch, "test.ndcg10.")) { //$NON-NLS-1$
			data.addValue(launch.metric("test.ndcg10." + name), "nDCG@10", name); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (data.getColumnCount() == 0) {
			return null;
		}
		JFreeChart chart = ChartFactory.createBarChart(launch.experiment() + ": nDCG@10 per expert and router", //$NON-NLS-1$
				"expert / router", "test.ndcg10", data, PlotOrientation.VERTICAL, false, false, false); //$NON-NLS-1$ //$NON-NLS-2$
		chart.setBackgroundPaint(Color.WHITE);
		chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
		chart.getCategoryPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
		if (chart.getCategoryPlot().getRangeAxis() instanceof org.jfree.chart.axis.NumberAxis axis) {
			axis.setAutoRangeIncludesZero(false);
		}
		return chart;
	}

	/**
	 * A retrieval-routing launch: the share of queries each router sends to each expert
	 * ({@code test.chosen.<router>.<expert>}, mean over the runs), stacked per router; null if none.
	 */
	public static JFreeChart chosenExperts(LaunchRecord launch) {
		org.jfree.data.category.DefaultCategoryDataset data = new org.jfree.data.category.DefaultCategoryDataset();
		for (String key : names(launch, "test.chosen.")) { //$NON-NLS-1$
			int dot = key.indexOf('.');
			if (dot > 0) {
				data.addValue(launch.metric("test.chosen." + key), key.substring(dot + 1), key.substring(0, dot)); //$NON-NLS-1$
			}
		}
		if (data.getColumnCount() == 0) {
			return null;
		}
		JFreeChart chart = ChartFactory.createStackedBarChart(launch.experiment() + ": chosen experts per router", //$NON-NLS-1$
				"router", "share of queries", data, PlotOrientation.VERTICAL, true, false, false); //$NON-NLS-1$ //$NON-NLS-2$
		chart.setBackgroundPaint(Color.WHITE);
		chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
		chart.getCategoryPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
		return chart;
	}

	/** The metric names of the launch's runs that start with {@code prefix}, without it, in first-seen order. */
	private static List<String> names(LaunchRecord launch, String prefix) {
		java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
		for (LaunchRecord.Run run : launch.runs()) {
			for (String m : run.metrics().keySet()) {
				if (m.startsWith(prefix)) {
					out.add(m.substring(prefix.length()));
				}
			}
		}
		return List.copyOf(out);
	}

	/** The values of a category chart: row (series) to column (category) to value (for tests). */
	public static java.util.Map<String, java.util.Map<String, Double>> values(JFreeChart chart) {
		var data = chart.getCategoryPlot().getDataset();
		java.util.Map<String, java.util.Map<String, Double>> out = new java.util.LinkedHashMap<>();
		for (int r = 0; r < data.getRowCount(); r++) {
			java.util.Map<String, Double> row = new java.util.LinkedHashMap<>();
			for (int c = 0; c < data.getColumnCount(); c++) {
				Number v = data.getValue(r, c);
				if (v != null) {
					row.put(data.getColumnKey(c).toString(), v.doubleValue());
				}
			}
			out.put(data.getRowKey(r).toString(), row);
		}
		return out;
	}

	private static void style(JFreeChart chart) {
		chart.setBackgroundPaint(Color.WHITE);
		XYPlot plot = chart.getXYPlot();
		plot.setBackgroundPaint(Color.WHITE);
		plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
		plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
		if (plot.getRangeAxis() instanceof org.jfree.chart.axis.NumberAxis axis) {
			axis.setAutoRangeIncludesZero(false);
			axis.setAutoRangeMinimumSize(0.01); // a single point or a flat curve still gets a readable axis
		}
		if (plot.getDomainAxis() instanceof org.jfree.chart.axis.NumberAxis axis) {
			axis.setAutoRangeIncludesZero(false);
			axis.setAutoRangeMinimumSize(0.5);
		}
	}

	/** {@code chart} drawn into a {@code width} x {@code height} image. */
	public static BufferedImage draw(JFreeChart chart, int width, int height) {
		BufferedImage image = new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			chart.draw(g, new Rectangle2D.Double(0, 0, image.getWidth(), image.getHeight()));
		} finally {
			g.dispose();
		}
		return image;
	}

	/** The pixels of an RGB {@code image} as SWT image data. */
	public static ImageData toImageData(BufferedImage image) {
		int width = image.getWidth();
		int height = image.getHeight();
		ImageData data = new ImageData(width, height, 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
		int[] row = new int[width];
		for (int y = 0; y < height; y++) {
			image.getRGB(0, y, width, 1, row, 0, width);
			for (int x = 0; x < width; x++) {
				row[x] &= 0xFFFFFF;
			}
			data.setPixels(0, y, width, row, 0);
		}
		return data;
	}

	/** The number of points of every series of an XY chart (for tests). */
	public static int pointCount(JFreeChart chart) {
		var dataset = chart.getXYPlot().getDataset();
		int count = 0;
		for (int s = 0; s < dataset.getSeriesCount(); s++) {
			count += dataset.getItemCount(s);
		}
		return count;
	}

	/** The CSV of {@code launches}: one line per launch with its key metrics. */
	public static String csv(List<LaunchRecord> launches) {
		StringBuilder csv = new StringBuilder("experiment,strategy,date,status,runs,test.accuracy,test.avgK,reason\n"); //$NON-NLS-1$
		for (LaunchRecord launch : launches) {
			csv.append(Csv.field(launch.experiment())).append(',').append(Csv.field(launch.strategy())).append(',')
					.append(Csv.field(launch.date())).append(',').append(launch.status()).append(',')
					.append(launch.runs().size()).append(',').append(Csv.decimal(launch.metric("test.accuracy"))) //$NON-NLS-1$
					.append(',')
					.append(Csv.decimal(launch.metric("test.avgK"))).append(',').append(Csv.field(launch.reason())) //$NON-NLS-1$
					.append('\n');
		}
		return csv.toString();
	}
}
