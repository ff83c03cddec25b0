package org.scriptorium.sandbox.ui.internal.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.ListSelectionDialog;
import org.eclipse.ui.part.ViewPart;
import org.jfree.chart.JFreeChart;
import org.scriptorium.sandbox.LaunchComparison;
import org.scriptorium.sandbox.LaunchDirectory;
import org.scriptorium.sandbox.RunDirectory;
import org.scriptorium.sandbox.ui.SandboxUI;
import org.scriptorium.sandbox.ui.internal.widgets.MethodLinks;

import com.google.gson.JsonObject;
import org.scriptorium.ui.internal.jobs.JobUtil;

/**
 * The Results view: the launches of routing experiments found in the projects' {@code runs} folders (experiment,
 * strategy, date, status, key metrics), filterable; the selected launch's details (its strategies and losses linked to
 * their papers), its training curves, accuracy vs activated experts, expert load, domain x expert routing and activated
 * experts per difficulty drawn with JFreeChart; the comparison of two selected launches; export of the curves chart
 * (PNG) and the table (CSV). It reloads when a launch's {@code summary.json} changes in the workspace.
 */
public class ResultsView extends ViewPart {

	/** The view's id. */
	public static final String ID = SandboxUI.PLUGIN_ID + ".resultsView"; //$NON-NLS-1$

	/** Family of the job that reads the launches. */
	public static final Object JOB_FAMILY = ID;

	/** Widget ids for tests. */
	public static final String ID_TABLE = "results.table"; //$NON-NLS-1$
	public static final String ID_FILTER = "results.filter"; //$NON-NLS-1$
	public static final String ID_DETAILS = "results.details"; //$NON-NLS-1$
	public static final String ID_CURVES = "results.curves"; //$NON-NLS-1$
	public static final String ID_PARETO = "results.pareto"; //$NON-NLS-1$
	public static final String ID_LOAD = "results.load"; //$NON-NLS-1$
	public static final String ID_HEATMAP = "results.heatmap"; //$NON-NLS-1$
	public static final String ID_DIFFICULTY = "results.difficulty"; //$NON-NLS-1$
	public static final String ID_METHODS = "results.methods"; //$NON-NLS-1$
	public static final String ID_VARIANTS = "results.variants"; //$NON-NLS-1$
	public static final String ID_RUN_PICKER = "results.runPicker"; //$NON-NLS-1$

	/** The size of exported charts (PNG: twice this). */
	private static final int CHART_WIDTH = 380;
	private static final int CHART_HEIGHT = 250;
	/** The least size of a chart in the view; larger views draw them larger. */
	private static final int CHART_MIN_WIDTH = 300;
	private static final int CHART_MIN_HEIGHT = 190;
	/** The most charts side by side (a wide view); a narrower view puts fewer in a row. */
	private static final int CHART_COLUMNS = 3;

	private TableViewer viewer;
	private Text filter;
	private Label details;
	private ChartPane curves;
	private ChartPane pareto;
	private ChartPane load;
	private ChartPane heatmap;
	private ChartPane difficulty;
	private Link methodsLink;
	private TableViewer variantsViewer;
	private Combo runPicker;
	/** The area below the launches (details, variants, charts) and the rows of it that span all chart columns. */
	private ScrolledComposite scrolled;
	private Composite bottom;
	private final List<Control> fullWidth = new ArrayList<>();
	private final Action compareAction = new Action(Messages.ResultsView_compare) {
		@Override
		public void run() {
			compareSelected();
		}
	};
	private volatile List<LaunchRecord> launches = List.of();

	private final IResourceChangeListener listener = this::resourcesChanged;

	private final Job loadJob = JobUtil.create(Messages.ResultsView_loading, JOB_FAMILY, monitor -> {
		List<LaunchRecord> found = RunHistory.scan(ResourcesPlugin.getWorkspace().getRoot());
		if (monitor.isCanceled()) {
			return Status.CANCEL_STATUS;
		}
		launches = found;
		var control = viewer == null ? null : viewer.getControl();
		if (control != null && !control.isDisposed()) {
			control.getDisplay().syncExec(() -> {
				if (!control.isDisposed()) {
					setInput(found);
				}
			});
		}
		return Status.OK_STATUS;
	});

	@Override
	public void createPartControl(Composite parent) {
		parent.setLayout(new GridLayout(1, false));
		PlatformUI.getWorkbench().getHelpSystem().setHelp(parent, SandboxUI.HELP_RESULTS_VIEW);
		filter = new Text(parent, SWT.SEARCH | SWT.ICON_CANCEL | SWT.ICON_SEARCH);
		filter.setMessage(Messages.ResultsView_filter);
		filter.setData(SandboxUI.WIDGET_ID_KEY, ID_FILTER);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(filter);

		SashForm sash = new SashForm(parent, SWT.VERTICAL);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
		viewer = new TableViewer(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
		Table table = viewer.getTable();
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		table.setData(SandboxUI.WIDGET_ID_KEY, ID_TABLE);
		column(Messages.ResultsView_experiment, 200, LaunchRecord::experiment);
		column(Messages.ResultsView_strategy, 110, LaunchRecord::strategy);
		column(Messages.ResultsView_date, 140, LaunchRecord::date);
		column(Messages.ResultsView_status, 100, LaunchRecord::status);
		column(Messages.ResultsView_accuracy, 150, l -> overVariants(l, "test.accuracy")); //$NON-NLS-1$
		column(Messages.ResultsView_avgK, 150, l -> overVariants(l, "test.avgK")); //$NON-NLS-1$
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		viewer.addFilter(new ViewerFilter() {
			@Override
			public boolean select(Viewer v, Object parentElement, Object element) {
				return matches((LaunchRecord) element, filter.getText());
			}
		});
		filter.addModifyListener(e -> viewer.refresh());
		viewer.addSelectionChangedListener(e -> {
			showDetails(selected());
			compareAction.setEnabled(comparable());
		});
		compareAction.setToolTipText(Messages.ResultsView_compareTooltip);
		compareAction.setEnabled(false);
		MenuManager contextMenu = new MenuManager();
		contextMenu.add(compareAction);
		table.setMenu(contextMenu.createContextMenu(table));

		scrolled = new ScrolledComposite(sash, SWT.V_SCROLL | SWT.H_SCROLL);
		scrolled.setExpandHorizontal(true);
		scrolled.setExpandVertical(true);
		bottom = new Composite(scrolled, SWT.NONE);
		scrolled.setContent(bottom);
		bottom.setLayout(new GridLayout(CHART_COLUMNS, true));
		details = new Label(bottom, SWT.WRAP);
		details.setData(SandboxUI.WIDGET_ID_KEY, ID_DETAILS);
		GridDataFactory.fillDefaults().span(CHART_COLUMNS, 1).grab(true, false).applyTo(details);
		methodsLink = MethodLinks.create(bottom, ID_METHODS);
		GridDataFactory.fillDefaults().span(CHART_COLUMNS, 1).grab(true, false).applyTo(methodsLink);
		variantsViewer = new TableViewer(bottom, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
		variantsViewer.getTable().setHeaderVisible(true);
		variantsViewer.getTable().setLinesVisible(true);
		variantsViewer.getTable().setData(SandboxUI.WIDGET_ID_KEY, ID_VARIANTS);
		variantsViewer.setContentProvider(ArrayContentProvider.getInstance());
		// as wide as the view: a table with more metrics than fit scrolls sideways itself, the charts stay in view
		GridDataFactory.fillDefaults().span(CHART_COLUMNS, 1).grab(true, false).applyTo(variantsViewer.getTable());
		curves = chartPane(bottom, ID_CURVES);
		pareto = chartPane(bottom, ID_PARETO);
		difficulty = chartPane(bottom, ID_DIFFICULTY);
		Composite picker = new Composite(bottom, SWT.NONE);
		GridDataFactory.fillDefaults().span(CHART_COLUMNS, 1).applyTo(picker);
		fullWidth.addAll(List.of(details, methodsLink, variantsViewer.getTable(), picker));
		picker.setLayout(new GridLayout(2, false));
		new Label(picker, SWT.NONE).setText(Messages.ResultsView_run);
		runPicker = new Combo(picker, SWT.READ_ONLY | SWT.DROP_DOWN);
		runPicker.setData(SandboxUI.WIDGET_ID_KEY, ID_RUN_PICKER);
		runPicker.setToolTipText(Messages.ResultsView_runTooltip);
		runPicker.addListener(SWT.Selection, e -> showRun(selected(), pickedRun()));
		load = chartPane(bottom, ID_LOAD);
		heatmap = chartPane(bottom, ID_HEATMAP);
		// the charts share the view's width in as many columns as fit (three at most), each at least its least size;
		// the area scrolls down to the charts that do not fit, never sideways
		scrolled.addListener(SWT.Resize, e -> reflow());
		sash.setWeights(22, 78);

		var toolbar = getViewSite().getActionBars().getToolBarManager();
		toolbar.add(compareAction);
		toolbar.add(new Action(Messages.ResultsView_refresh) {
			@Override
			public void run() {
				reload();
			}
		});
		var menu = getViewSite().getActionBars().getMenuManager();
		menu.add(new Action(Messages.ResultsView_exportPng) {
			@Override
			public void run() {
				String file = ask("*.png"); //$NON-NLS-1$
				if (file != null) {
					export(() -> exportPng(Path.of(file)));
				}
			}
		});
		menu.add(new Action(Messages.ResultsView_exportSvg) {
			@Override
			public void run() {
				String file = ask("*.svg"); //$NON-NLS-1$
				if (file != null) {
					export(() -> exportSvg(Path.of(file)));
				}
			}
		});
		menu.add(new Action(Messages.ResultsView_exportCsv) {
			@Override
			public void run() {
				String file = ask("*.csv"); //$NON-NLS-1$
				if (file != null) {
					export(() -> exportCsv(Path.of(file)));
				}
			}
		});
		ResourcesPlugin.getWorkspace().addResourceChangeListener(listener, IResourceChangeEvent.POST_CHANGE);
		reload();
	}

	private void column(String title, int width, java.util.function.Function<LaunchRecord, String> text) {
		TableViewerColumn column = new TableViewerColumn(viewer, SWT.NONE);
		column.getColumn().setText(title);
		column.getColumn().setWidth(width);
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((LaunchRecord) element);
			}
		});
	}

	/**
	 * Sizes each column of {@code table} to its header and its longest cell text, so no value is cut (e.g. a range
	 * "0.5719 to 0.6094") and no column is wider than it needs: in a narrow view the columns fit side by side.
	 */
	private static void fitColumns(Table table) {
		for (TableColumn column : table.getColumns()) {
			column.pack();
		}
	}

	/**
	 * Lays the details area out for the view's width: as many chart columns as fit at the least chart width (one to
	 * three), the details text wrapped and the variants table at the view's width, so nothing is cut at the right
	 * edge; the area scrolls down when the charts do not fit in height.
	 */
	private void reflow() {
		if (scrolled == null || scrolled.isDisposed()) {
			return;
		}
		GridLayout layout = (GridLayout) bottom.getLayout();
		int width = scrolled.getClientArea().width;
		if (width <= 0) {
			return;
		}
		Point size = arrange(layout, width);
		var bar = scrolled.getVerticalBar();
		if (bar != null && !bar.getVisible() && size.y > scrolled.getClientArea().height) {
			// the vertical scroll bar about to appear takes its width from the area
			width = Math.max(1, width - bar.getSize().x);
			size = arrange(layout, width);
		}
		scrolled.setMinSize(size);
		bottom.layout(true, true);
	}

	/** Sets the chart columns and the width hints for {@code width}; the area's size at that width. */
	private Point arrange(GridLayout layout, int width) {
		int inner = Math.max(1, width - 2 * layout.marginWidth);
		int columns = Math.max(1, Math.min(CHART_COLUMNS,
				(inner + layout.horizontalSpacing) / (CHART_MIN_WIDTH + layout.horizontalSpacing)));
		layout.numColumns = columns;
		for (Control control : fullWidth) {
			GridData data = (GridData) control.getLayoutData();
			data.horizontalSpan = columns;
			if (!(control instanceof Composite) || control instanceof Table) { // the run picker's row keeps its width
				data.widthHint = inner;
			}
		}
		Point size = bottom.computeSize(width, SWT.DEFAULT, true);
		return new Point(Math.min(size.x, width), size.y);
	}

	/**
	 * The text of a launch's metric in the launches table: the mean over its runs, or for a launch of several sweep
	 * points (variants) the range of their means, since one mean over different variants means nothing.
	 */
	static String overVariants(LaunchRecord launch, String metric) {
		if (launch.variants().size() <= 1) {
			return format(launch.metric(metric));
		}
		double[] means = launch.variants().stream().map(v -> v.metrics().get(metric)).filter(ms -> ms != null)
				.mapToDouble(ms -> ms[0]).toArray();
		if (means.length == 0) {
			return ""; //$NON-NLS-1$
		}
		double min = java.util.Arrays.stream(means).min().getAsDouble();
		double max = java.util.Arrays.stream(means).max().getAsDouble();
		return NLS.bind(Messages.ResultsView_range, format(min), format(max));
	}

	/**
	 * A label that shows a chart at the size the layout gives it (at least the least chart size), with a context menu
	 * that saves it as PNG or SVG.
	 */
	private ChartPane chartPane(Composite parent, String id) {
		ChartPane pane = new ChartPane(parent);
		Label label = pane.label();
		label.setData(SandboxUI.WIDGET_ID_KEY, id);
		GridDataFactory.fillDefaults().grab(true, true).hint(CHART_MIN_WIDTH, CHART_MIN_HEIGHT).applyTo(label);
		MenuManager menu = new MenuManager();
		menu.add(new Action(Messages.ResultsView_savePng) {
			@Override
			public void run() {
				String file = ask("*.png"); //$NON-NLS-1$
				if (file != null) {
					export(() -> exportChart(id, Path.of(file)));
				}
			}
		});
		menu.add(new Action(Messages.ResultsView_saveSvg) {
			@Override
			public void run() {
				String file = ask("*.svg"); //$NON-NLS-1$
				if (file != null) {
					export(() -> exportChart(id, Path.of(file)));
				}
			}
		});
		label.setMenu(menu.createContextMenu(label));
		return pane;
	}

	/** Whether {@code launch} matches every word of {@code filterText} in its experiment, strategy, date or status. */
	static boolean matches(LaunchRecord launch, String filterText) {
		String haystack = (launch.experiment() + ' ' + launch.strategy() + ' ' + launch.date() + ' ' + launch.status())
				.toLowerCase(Locale.ROOT);
		for (String word : filterText.toLowerCase(Locale.ROOT).trim().split("\\s+")) { //$NON-NLS-1$
			if (!word.isEmpty() && !haystack.contains(word)) {
				return false;
			}
		}
		return true;
	}

	private static String format(double value) {
		return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.4f", value); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** Reads the launches again in a job. */
	public void reload() {
		loadJob.cancel();
		loadJob.schedule();
	}

	private void resourcesChanged(IResourceChangeEvent event) {
		IResourceDelta delta = event.getDelta();
		if (delta == null) {
			return;
		}
		boolean[] relevant = {false};
		try {
			delta.accept(d -> {
				String name = d.getResource().getName();
				if (name.equals(LaunchDirectory.SUMMARY) || name.equals(RunDirectory.SUMMARY)) {
					relevant[0] = true;
				}
				return !relevant[0];
			});
		} catch (CoreException e) {
			ILog.of(getClass()).log(e.getStatus());
		}
		if (relevant[0]) {
			reload();
		}
	}

	private void setInput(List<LaunchRecord> found) {
		LaunchRecord previous = selected();
		viewer.setInput(found);
		fitColumns(viewer.getTable());
		if (previous != null) {
			found.stream().filter(l -> l.directory().equals(previous.directory())).findFirst()
					.ifPresent(l -> viewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(l), true));
		}
	}

	/** The launches shown (after the filter). */
	public List<LaunchRecord> shown() {
		int count = viewer.getTable().getItemCount();
		return java.util.stream.IntStream.range(0, count).mapToObj(i -> (LaunchRecord) viewer.getElementAt(i))
				.toList();
	}

	/** The selected launch, or null. */
	public LaunchRecord selected() {
		if (viewer == null) {
			return null;
		}
		Object first = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
		return first instanceof LaunchRecord launch ? launch : null;
	}

	/** The selected launches, in table order. */
	public List<LaunchRecord> selectedLaunches() {
		if (viewer == null) {
			return List.of();
		}
		return ((IStructuredSelection) viewer.getSelection()).toList().stream().filter(LaunchRecord.class::isInstance)
				.map(LaunchRecord.class::cast).toList();
	}

	/** The action that compares two selected launches, or two runs of a selected launch. */
	public Action compareAction() {
		return compareAction;
	}

	/** Whether the selection can be compared: two launches, or one launch with several runs. */
	private boolean comparable() {
		List<LaunchRecord> selected = selectedLaunches();
		return selected.size() == 2 || selected.size() == 1 && selected.get(0).runs().size() > 1;
	}

	/**
	 * Opens the comparison of the two selected launches (the older one first), or of two runs of the one selected
	 * launch, chosen in a dialog.
	 */
	private void compareSelected() {
		List<LaunchRecord> selected = selectedLaunches();
		try {
			if (selected.size() == 2) {
				LaunchRecord first = selected.get(0).date().compareTo(selected.get(1).date()) <= 0
						? selected.get(0)
						: selected.get(1);
				LaunchRecord second = first == selected.get(0) ? selected.get(1) : selected.get(0);
				open(CompareDialog.name(first), CompareDialog.name(second), RunHistory.configuration(first.directory()),
						RunHistory.configuration(second.directory()),
						LaunchComparison.metrics(first.meanMetrics(), second.meanMetrics()));
			} else if (selected.size() == 1 && selected.get(0).runs().size() > 1) {
				LaunchRecord launch = selected.get(0);
				ListSelectionDialog choose = ListSelectionDialog.of(launch.runs())
						.labelProvider(LabelProvider.createTextProvider(o -> {
							LaunchRecord.Run run = (LaunchRecord.Run) o;
							return run.id() + (run.point().isEmpty() ? "" : "  " + run.point()) + "  " + run.status(); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						})).title(Messages.ResultsView_compare)
						.message(NLS.bind(Messages.ResultsView_compareRuns, CompareDialog.name(launch)))
						.create(getSite().getShell());
				if (choose.open() != Window.OK) {
					return;
				}
				Object[] two = choose.getResult();
				if (two == null || two.length != 2) {
					MessageDialog.openInformation(getSite().getShell(), Messages.ResultsView_compare,
							Messages.ResultsView_compareNeedsTwo);
					return;
				}
				LaunchRecord.Run a = (LaunchRecord.Run) two[0];
				LaunchRecord.Run b = (LaunchRecord.Run) two[1];
				open(CompareDialog.name(launch, a), CompareDialog.name(launch, b),
						RunHistory.runConfiguration(launch, a.id()),
						RunHistory.runConfiguration(launch, b.id()),
						LaunchComparison.metrics(a.metrics(), b.metrics()));
			} else {
				MessageDialog.openInformation(getSite().getShell(), Messages.ResultsView_compare,
						Messages.ResultsView_compareNeedsTwo);
			}
		} catch (IOException | RuntimeException e) {
			ILog.of(getClass()).error(Messages.ResultsView_compareFailed, e);
			MessageDialog.openError(getSite().getShell(), Messages.ResultsView_compareFailed, e.getMessage());
		}
	}

	private void open(String a, String b, JsonObject configA, JsonObject configB, List<LaunchComparison.Delta> deltas) {
		new CompareDialog(getSite().getShell(), a, b, LaunchComparison.configuration(
				configA == null ? new JsonObject() : configA, configB == null ? new JsonObject() : configB), deltas)
				.open();
	}

	/** The number of points of the selected launch's accuracy vs activated experts chart, or -1 if none. */
	public int paretoPoints() {
		return pareto.chart() == null ? -1 : Charts.pointCount(pareto.chart());
	}

	/** The selected launch's activated experts per difficulty (run to level to value), or null if none is drawn. */
	public java.util.Map<String, java.util.Map<String, Double>> difficultyValues() {
		return difficulty.chart() == null ? null : Charts.values(difficulty.chart());
	}

	/** The values of the selected launch's load chart (for a retrieval-routing launch: expert to router to share). */
	public java.util.Map<String, java.util.Map<String, Double>> loadValues() {
		return load.chart() == null ? null : Charts.values(load.chart());
	}

	/** The chart shown in the label with the widget id {@code id} (one of the ID_ constants of charts), or null. */
	public JFreeChart chart(String id) {
		return switch (id) {
			case ID_CURVES -> curves.chart();
			case ID_PARETO -> pareto.chart();
			case ID_DIFFICULTY -> difficulty.chart();
			case ID_LOAD -> load.chart();
			case ID_HEATMAP -> heatmap.chart();
			default -> null;
		};
	}

	/** The variants table as shown: one row per sweep point, its cells' texts (for tests). */
	public List<List<String>> variantRows() {
		Table table = variantsViewer.getTable();
		List<List<String>> rows = new java.util.ArrayList<>();
		for (var item : table.getItems()) {
			List<String> row = new java.util.ArrayList<>();
			for (int c = 0; c < table.getColumnCount(); c++) {
				row.add(item.getText(c));
			}
			rows.add(row);
		}
		return rows;
	}

	/** The run the per-run charts show (chosen in the run picker), or null. */
	public LaunchRecord.Run pickedRun() {
		LaunchRecord launch = selected();
		int index = runPicker == null ? -1 : runPicker.getSelectionIndex();
		return launch == null || index < 0 || index >= launch.runs().size() ? null : launch.runs().get(index);
	}

	/** The number of points of the selected launch's curves chart, or -1 if there is no chart. */
	public int curvePoints() {
		return curves.chart() == null ? -1 : Charts.pointCount(curves.chart());
	}

	private void showDetails(LaunchRecord launch) {
		if (launch == null) {
			details.setText(""); //$NON-NLS-1$
			methodsLink.setText(""); //$NON-NLS-1$
			for (ChartPane pane : List.of(curves, pareto, difficulty, load, heatmap)) {
				pane.show(null);
			}
			variantsViewer.setInput(List.of());
			runPicker.setItems();
		} else {
			String text = NLS.bind(Messages.ResultsView_details, new Object[]{launch.experiment(), launch.strategy(),
					launch.date(), launch.status(), launch.runs().size(), launch.directory()});
			if (!launch.reason().isEmpty()) {
				text += '\n' + launch.reason();
				for (LaunchRecord.Run run : launch.runs()) {
					if (!"SUCCEEDED".equals(run.status())) { //$NON-NLS-1$
						List<String> tail = RunHistory.lastErrorLines(launch, run.id(), 5);
						if (!tail.isEmpty()) {
							text += '\n' + String.join("\n", tail); //$NON-NLS-1$
						}
						break;
					}
				}
			}
			details.setText(text);
			methodsLink.setText(launch.methods().isEmpty()
					? "" //$NON-NLS-1$
					: NLS.bind(Messages.ResultsView_methods, MethodLinks.markup(launch.methods())));
			showVariants(launch);
			curves.show(Charts.curves(launch));
			pareto.show(Charts.pareto(launch));
			JFreeChart perLevel = Charts.difficulty(launch);
			if (perLevel == null) {
				perLevel = Charts.retrievalSystems(launch); // a retrieval-routing launch: nDCG@10 per system
			}
			difficulty.show(perLevel);
			runPicker.setItems(launch.runs().stream().map(r -> r.label() + "  (" + r.id() + ')').toArray(String[]::new)); //$NON-NLS-1$
			runPicker.select(0);
			showRun(launch, pickedRun());
			return;
		}
		layoutDetails();
	}

	/** Draws the per-run charts (expert load, domain x expert routing) of {@code run} of {@code launch}. */
	private void showRun(LaunchRecord launch, LaunchRecord.Run run) {
		JFreeChart loadChart = launch == null ? null : Charts.load(launch, run);
		if (loadChart == null && launch != null) {
			loadChart = Charts.chosenExperts(launch); // a retrieval-routing launch: which expert each router chose
		}
		load.show(loadChart);
		heatmap.show(launch == null ? null : Charts.heatmap(launch, run));
		layoutDetails();
	}

	private void layoutDetails() {
		reflow();
	}

	/**
	 * Fills the variants table: one row per sweep point with its runs and the mean &plusmn; std over seeds of each
	 * metric of the experiment's question (its {@code metrics}), as the engine's {@code aggregate.csv} has them.
	 */
	private void showVariants(LaunchRecord launch) {
		Table table = variantsViewer.getTable();
		for (var c : table.getColumns()) {
			c.dispose();
		}
		List<String> metrics = launch.variants().stream().flatMap(v -> v.metrics().keySet().stream()).distinct()
				.toList();
		variantColumn(Messages.ResultsView_variant, v -> Charts.name(launch, v.label()));
		variantColumn(Messages.ResultsView_runs, v -> v.succeeded() + "/" + v.runs()); //$NON-NLS-1$
		for (String metric : metrics) {
			variantColumn(metric, v -> {
				double[] ms = v.metrics().get(metric);
				return ms == null ? "" : format(ms[0]) + " \u00b1 " + format(ms[1]); //$NON-NLS-1$ //$NON-NLS-2$
			});
		}
		variantsViewer.setInput(launch.variants());
		fitColumns(table);
		// room for the rows and, when the metrics do not fit the view's width, the table's own scroll bar
		var bar = table.getHorizontalBar();
		((GridData) table.getLayoutData()).heightHint = table.getHeaderHeight()
				+ Math.min(8, Math.max(1, launch.variants().size())) * table.getItemHeight() + 4
				+ (bar == null ? 0 : bar.getSize().y);
	}

	private void variantColumn(String title, java.util.function.Function<LaunchRecord.Variant, String> text) {
		TableViewerColumn column = new TableViewerColumn(variantsViewer, SWT.NONE);
		column.getColumn().setText(title);
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((LaunchRecord.Variant) element);
			}
		});
	}

	/**
	 * Writes the chart shown in the label {@code id} to {@code file}: SVG if its name ends with {@code .svg}, else
	 * PNG (twice the size shown).
	 */
	public void exportChart(String id, Path file) throws IOException {
		JFreeChart chart = chart(id);
		if (chart == null) {
			throw new IOException(Messages.ResultsView_noChart);
		}
		if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) { //$NON-NLS-1$
			Charts.writeSvg(chart, CHART_WIDTH * 2, CHART_HEIGHT * 2, file);
		} else {
			Charts.writePng(chart, CHART_WIDTH * 2, CHART_HEIGHT * 2, file);
		}
	}

	/** Writes the selected launch's curves chart to {@code file} as SVG. */
	public void exportSvg(Path file) throws IOException {
		if (curves.chart() == null) {
			throw new IOException("No launch is selected"); //$NON-NLS-1$
		}
		Charts.writeSvg(curves.chart(), CHART_WIDTH * 2, CHART_HEIGHT * 2, file);
	}

	/** Writes the selected launch's curves chart to {@code file} as PNG. */
	public void exportPng(Path file) throws IOException {
		if (curves.chart() == null) {
			throw new IOException("No launch is selected"); //$NON-NLS-1$
		}
		Charts.writePng(curves.chart(), CHART_WIDTH * 2, CHART_HEIGHT * 2, file);
	}

	/** Writes the shown launches to {@code file} as CSV. */
	public void exportCsv(Path file) throws IOException {
		Files.writeString(file, Charts.csv(shown()), StandardCharsets.UTF_8);
	}

	private interface IoAction {
		void run() throws IOException;
	}

	private void export(IoAction action) {
		try {
			action.run();
		} catch (IOException e) {
			ILog.of(getClass()).error("Export failed", e); //$NON-NLS-1$
			MessageDialog.openError(getSite().getShell(), Messages.ResultsView_exportFailed, e.getMessage());
		}
	}

	private String ask(String extension) {
		FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
		dialog.setFilterExtensions(new String[]{extension});
		dialog.setOverwrite(true);
		return dialog.open();
	}

	@Override
	public void setFocus() {
		viewer.getControl().setFocus();
	}

	@Override
	public void dispose() {
		ResourcesPlugin.getWorkspace().removeResourceChangeListener(listener);
		loadJob.cancel();
		super.dispose();
	}
}
