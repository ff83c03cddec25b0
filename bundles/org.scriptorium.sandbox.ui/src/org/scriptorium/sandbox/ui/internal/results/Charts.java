package org.scriptorium.sandbox.ui.internal.results;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.batik.svggen.SVGSyntax;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.scriptorium.core.io.AtomicFile;
import org.scriptorium.core.io.Csv;
import org.w3c.dom.Document;

/** JFreeChart charts of a launch, drawn offscreen into a {@link BufferedImage} and converted for SWT. */
public final class Charts {

	/** The training metric whose curve is drawn. */
	public static final String CURVE_METRIC = "train.ce"; //$NON-NLS-1$

	/** The font of every chart's title: small enough that the titles fit the charts drawn in the view. */
	public static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 13);

	/** The font of the line under a title (the run a chart is about, what it shows). */
	public static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

	private Charts() {
	}

	/** The name a chart gives a sweep point: its label, or the experiment's name for a launch without points. */
	public static String name(LaunchRecord launch, String variant) {
		return variant.isEmpty() ? launch.experiment() : variant;
	}

	/**
	 * {@link #CURVE_METRIC} over the training steps: per sweep point (variant) the mean over its runs (seeds) with a
	 * band of one standard deviation, from every run of the launch.
	 */
	public static JFreeChart curves(LaunchRecord launch) {
		YIntervalSeriesCollection data = new YIntervalSeriesCollection();
		for (LaunchRecord.Variant variant : launch.variants()) {
			Map<Double, List<Double>> byStep = new TreeMap<>();
			for (LaunchRecord.Run run : launch.runsOf(variant.label())) {
				for (double[] point : RunHistory.curve(launch, run.id(), CURVE_METRIC)) {
					byStep.computeIfAbsent(point[0], k -> new ArrayList<>()).add(point[1]);
				}
			}
			YIntervalSeries series = new YIntervalSeries(name(launch, variant.label()), false, true);
			byStep.forEach((step, values) -> {
				double[] ms = RunHistory.meanStd(values.stream().mapToDouble(Double::doubleValue).toArray());
				series.add(step, ms[0], ms[0] - ms[1], ms[0] + ms[1]);
			});
			if (!series.isEmpty()) {
				data.addSeries(series);
			}
		}
		JFreeChart chart = ChartFactory.createXYLineChart(CURVE_METRIC + " (mean \u00b1 std over seeds)", "step", //$NON-NLS-1$ //$NON-NLS-2$
				CURVE_METRIC, data, PlotOrientation.VERTICAL, true, false, false);
		DeviationRenderer renderer = new DeviationRenderer(true, false);
		renderer.setAlpha(0.2f);
		for (int i = 0; i < data.getSeriesCount(); i++) {
			renderer.setSeriesStroke(i, new BasicStroke(1.5f));
		}
		chart.getXYPlot().setRenderer(renderer);
		style(chart);
		return chart;
	}

	/** The number of runs whose curve went into {@link #curves(LaunchRecord)} (for tests): every run with one. */
	public static int curveRuns(LaunchRecord launch) {
		return (int) launch.runs().stream()
				.filter(r -> !RunHistory.curve(launch, r.id(), CURVE_METRIC).isEmpty()).count();
	}

	/**
	 * Test accuracy against the average number of activated experts, one point per run, one series (colour and
	 * legend entry) per sweep point: the Pareto plot of a sweep.
	 */
	public static JFreeChart pareto(LaunchRecord launch) {
		XYSeriesCollection data = new XYSeriesCollection();
		for (LaunchRecord.Variant variant : launch.variants()) {
			XYSeries series = new XYSeries(name(launch, variant.label()), false, true);
			for (LaunchRecord.Run run : launch.runsOf(variant.label())) {
				Double k = run.metrics().get("test.avgK"); //$NON-NLS-1$
				Double accuracy = run.metrics().get("test.accuracy"); //$NON-NLS-1$
				if (k != null && accuracy != null) {
					series.add(k, accuracy);
				}
			}
			if (!series.isEmpty()) {
				data.addSeries(series);
			}
		}
		JFreeChart chart = ChartFactory.createScatterPlot("Accuracy vs activated experts", //$NON-NLS-1$
				"test.avgK", "test.accuracy", data, PlotOrientation.VERTICAL, data.getSeriesCount() > 1, false, //$NON-NLS-1$ //$NON-NLS-2$
				false);
		style(chart);
		subtitle(chart, "one point per run"); //$NON-NLS-1$
		return chart;
	}

	/** Adds a line of smaller text under the title of {@code chart}, e.g. the run a chart is about. */
	private static void subtitle(JFreeChart chart, String text) {
		chart.addSubtitle(0, new org.jfree.chart.title.TextTitle(text, SUBTITLE_FONT));
	}

	/** The texts of a chart's title and its text subtitles (for tests). */
	public static List<String> titles(JFreeChart chart) {
		List<String> out = new ArrayList<>();
		out.add(chart.getTitle().getText());
		for (int i = 0; i < chart.getSubtitleCount(); i++) {
			if (chart.getSubtitle(i) instanceof org.jfree.chart.title.TextTitle t) {
				out.add(t.getText());
			}
		}
		return out;
	}

	/**
	 * The load of each expert in {@code run}: the mean over the domains of the share of the domain's tokens routed
	 * to it (bars); null if the run has no domain x expert frequencies.
	 */
	public static JFreeChart load(LaunchRecord launch, LaunchRecord.Run run) {
		double[][] matrix = run == null ? null : RunHistory.domainExpert(launch, run.id());
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
		JFreeChart chart = ChartFactory.createBarChart("Expert load", "expert", //$NON-NLS-1$ //$NON-NLS-2$
				"mean routing frequency", data, PlotOrientation.VERTICAL, false, false, false); //$NON-NLS-1$
		chart.setBackgroundPaint(Color.WHITE);
		chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
		chart.getCategoryPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
		chart.getTitle().setFont(TITLE_FONT);
		subtitle(chart, run.label());
		return chart;
	}

	/**
	 * The domain x expert routing frequencies of {@code run} as a heatmap, with its colour scale beside it; null if
	 * the run has none.
	 */
	public static JFreeChart heatmap(LaunchRecord launch, LaunchRecord.Run run) {
		double[][] matrix = run == null ? null : RunHistory.domainExpert(launch, run.id());
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
		JFreeChart chart = new JFreeChart("Domain x expert routing", TITLE_FONT, plot, false); //$NON-NLS-1$
		subtitle(chart, run.label());
		org.jfree.chart.axis.NumberAxis scaleAxis = new org.jfree.chart.axis.NumberAxis("share of the domain"); //$NON-NLS-1$
		scaleAxis.setRange(0, 1);
		scaleAxis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
		scaleAxis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
		PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
		legend.setPosition(RectangleEdge.RIGHT);
		legend.setStripWidth(12);
		legend.setAxisOffset(4);
		legend.setMargin(new RectangleInsets(4, 4, 4, 4));
		chart.addSubtitle(legend);
		chart.setBackgroundPaint(Color.WHITE);
		return chart;
	}

	/** The colour scale of a heatmap drawn by {@link #heatmap(LaunchRecord, LaunchRecord.Run)}, or null (for tests). */
	public static PaintScaleLegend colourScale(JFreeChart chart) {
		for (int i = 0; i < chart.getSubtitleCount(); i++) {
			if (chart.getSubtitle(i) instanceof PaintScaleLegend legend) {
				return legend;
			}
		}
		return null;
	}

	/** The difficulty levels of the synthetic data, easiest first (metrics {@code test.avgK.<level>}). */
	public static final List<String> DIFFICULTIES = List.of("easy", "medium", "hard"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

	/**
	 * Per difficulty level, bars grouped by level, one series per sweep point (mean over its seeds): the activated
	 * experts ({@code test.avgK.easy}, {@code .medium}, {@code .hard}: do harder examples get more experts?) when
	 * some point's routing activates a number of experts that varies with the example; otherwise (top-k, Switch,
	 * THOR: every example gets the same number, so those bars would all be equal, e.g. 1.0) the accuracy per level
	 * ({@code test.accuracy.<level>}). Null if no run reports them.
	 */
	public static JFreeChart difficulty(LaunchRecord launch) {
		Map<String, Map<String, Double>> avgK = perDifficulty(launch, "test.avgK."); //$NON-NLS-1$
		boolean varies = avgK.values().stream().anyMatch(levels -> levels.values().stream()
				.mapToDouble(Double::doubleValue).max().orElse(0)
				- levels.values().stream().mapToDouble(Double::doubleValue).min().orElse(0) > 1e-6);
		String metric = varies ? "test.avgK" : "test.accuracy"; //$NON-NLS-1$ //$NON-NLS-2$
		Map<String, Map<String, Double>> values = varies ? avgK : perDifficulty(launch, "test.accuracy."); //$NON-NLS-1$
		org.jfree.data.category.DefaultCategoryDataset data = new org.jfree.data.category.DefaultCategoryDataset();
		values.forEach((variant, levels) -> levels.forEach((level, value) -> data.addValue(value, variant, level)));
		if (data.getColumnCount() == 0) {
			return null;
		}
		JFreeChart chart = ChartFactory.createBarChart(
				varies ? "Activated experts per difficulty" : "Accuracy per difficulty", //$NON-NLS-1$ //$NON-NLS-2$
				"difficulty", metric, data, PlotOrientation.VERTICAL, data.getRowCount() > 1, false, false); //$NON-NLS-1$
		chart.setBackgroundPaint(Color.WHITE);
		chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
		chart.getCategoryPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
		chart.getTitle().setFont(TITLE_FONT);
		if (!varies) {
			subtitle(chart, "every example gets the same number of experts"); //$NON-NLS-1$
			if (chart.getCategoryPlot().getRangeAxis() instanceof org.jfree.chart.axis.NumberAxis axis) {
				axis.setAutoRangeIncludesZero(false);
			}
		}
		return chart;
	}

	/** Sweep point name to level to the mean over its runs of {@code prefix + level}; points without it left out. */
	private static Map<String, Map<String, Double>> perDifficulty(LaunchRecord launch, String prefix) {
		Map<String, Map<String, Double>> out = new java.util.LinkedHashMap<>();
		for (LaunchRecord.Variant variant : launch.variants()) {
			Map<String, Double> levels = new java.util.LinkedHashMap<>();
			for (String level : DIFFICULTIES) {
				double[] v = launch.runsOf(variant.label()).stream().map(r -> r.metrics().get(prefix + level))
						.filter(x -> x != null && !x.isNaN()).mapToDouble(Double::doubleValue).toArray();
				if (v.length > 0) {
					levels.put(level, RunHistory.meanStd(v)[0]);
				}
			}
			if (!levels.isEmpty()) {
				out.put(name(launch, variant.label()), levels);
			}
		}
		return out;
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
		JFreeChart chart = ChartFactory.createBarChart("nDCG@10 per expert and router", //$NON-NLS-1$
				"expert / router", "test.ndcg10", data, PlotOrientation.VERTICAL, false, false, false); //$NON-NLS-1$ //$NON-NLS-2$
		chart.getTitle().setFont(TITLE_FONT);
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
		JFreeChart chart = ChartFactory.createStackedBarChart("Chosen experts per router", //$NON-NLS-1$
				"router", "share of queries", data, PlotOrientation.VERTICAL, true, false, false); //$NON-NLS-1$ //$NON-NLS-2$
		chart.getTitle().setFont(TITLE_FONT);
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
		chart.getTitle().setFont(TITLE_FONT);
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

	/** Writes {@code chart} drawn at {@code width} x {@code height} to {@code file} as PNG. */
	public static void writePng(JFreeChart chart, int width, int height, Path file) throws IOException {
		ImageIO.write(draw(chart, width, height), "png", file.toFile()); //$NON-NLS-1$
	}

	/**
	 * Writes {@code chart} at {@code width} x {@code height} to {@code file} as SVG, a vector image (lines, shapes and
	 * text stay sharp at any size, e.g. in a paper): JFreeChart draws into Apache Batik's SVG generator.
	 */
	public static void writeSvg(JFreeChart chart, int width, int height, Path file) throws IOException {
		Document document;
		try {
			document = DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation()
					.createDocument(SVGSyntax.SVG_NAMESPACE_URI, SVGSyntax.SVG_SVG_TAG, null);
		} catch (ParserConfigurationException e) {
			throw new IOException("No XML document builder for the SVG export", e); //$NON-NLS-1$
		}
		SVGGraphics2D svg = new SVGGraphics2D(SVGGeneratorContext.createDefault(document), false);
		svg.setSVGCanvasSize(new Dimension(width, height));
		chart.draw(svg, new Rectangle2D.Double(0, 0, width, height));
		StringWriter text = new StringWriter();
		svg.stream(text, true);
		AtomicFile.write(file, text.toString());
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
