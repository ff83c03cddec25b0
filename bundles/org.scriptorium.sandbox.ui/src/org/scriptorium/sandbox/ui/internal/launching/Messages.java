package org.scriptorium.sandbox.ui.internal.launching;

import org.eclipse.osgi.util.NLS;

/** User-visible strings of the routing experiment launch UI. */
public final class Messages extends NLS {

	private static final String BUNDLE_NAME = "org.scriptorium.sandbox.ui.internal.launching.messages"; //$NON-NLS-1$

	public static String ExperimentTab_name;
	public static String ExperimentTab_file;
	public static String ExperimentTab_browse;
	public static String ExperimentTab_browseTitle;
	public static String ExperimentTab_browseMessage;
	public static String ExperimentTab_seed;
	public static String ExperimentTab_seedHint;
	public static String ExperimentTab_badSeed;
	public static String ExperimentTab_valid;
	public static String ExperimentTab_validExternal;
	public static String ExperimentTab_noFile;
	public static String ExperimentTab_methods;
	public static String ParametersTab_sweep;
	public static String ParametersTab_badSweep;
	public static String ParametersTab_sweepInOverrides;
	public static String ParametersTab_name;
	public static String ParametersTab_label;
	public static String ParametersTab_badLine;
	public static String LimitsTab_name;
	public static String LimitsTab_timeout;
	public static String LimitsTab_heap;
	public static String LimitsTab_parallel;
	public static String LimitsTab_hint;
	public static String LimitsTab_preference;
	public static String LimitsTab_badNumber;
	public static String ClusterTab_name;
	public static String ClusterTab_local;
	public static String ClusterTab_slurm;
	public static String ClusterTab_partition;
	public static String ClusterTab_time;
	public static String ClusterTab_cpus;
	public static String ClusterTab_memory;
	public static String ClusterTab_args;
	public static String ClusterTab_default;
	public static String ClusterTab_timeHint;
	public static String ClusterTab_memoryHint;
	public static String ClusterTab_hint;
	public static String ClusterTab_badCpus;
	public static String Trust_title;
	public static String Trust_message;
	public static String Trust_once;
	public static String Trust_always;
	public static String SlurmStartup_job;
	public static String Examples_job;
	public static String NewWizard_title;
	public static String NewWizard_pageTitle;
	public static String NewWizard_pageDescription;
	public static String NewWizard_template;
	public static String NewWizard_extension;
	public static String Shortcut_notExperiment;
	public static String Shortcut_title;
	public static String Shortcut_chooseTitle;
	public static String Shortcut_chooseMessage;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
