package org.scriptorium.sandbox.ui.internal.results;

import org.eclipse.osgi.util.NLS;

/** User-visible strings of the Results view. */
public final class Messages extends NLS {

	private static final String BUNDLE_NAME = "org.scriptorium.sandbox.ui.internal.results.messages"; //$NON-NLS-1$

	public static String ResultsView_filter;
	public static String ResultsView_experiment;
	public static String ResultsView_strategy;
	public static String ResultsView_date;
	public static String ResultsView_status;
	public static String ResultsView_accuracy;
	public static String ResultsView_avgK;
	public static String ResultsView_loading;
	public static String ResultsView_refresh;
	public static String ResultsView_exportPng;
	public static String ResultsView_exportCsv;
	public static String ResultsView_details;
	public static String ResultsView_exportFailed;
	public static String ResultsView_compare;
	public static String ResultsView_compareTooltip;
	public static String ResultsView_compareNeedsTwo;
	public static String ResultsView_compareFailed;
	public static String ResultsView_compareRuns;
	public static String ResultsView_methods;
	public static String ResultsView_exportSvg;
	public static String ResultsView_savePng;
	public static String ResultsView_saveSvg;
	public static String ResultsView_noChart;
	public static String ResultsView_range;
	public static String ResultsView_variant;
	public static String ResultsView_runs;
	public static String ResultsView_run;
	public static String ResultsView_runTooltip;
	public static String Compare_title;
	public static String Compare_header;
	public static String Compare_field;
	public static String Compare_metric;
	public static String Compare_delta;
	public static String Compare_relative;
	public static String Compare_absent;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
