package org.scriptorium.sandbox.ui;

/**
 * Public identifiers of the routing experiment workbench contributions.
 *
 * @noinstantiate This class is not intended to be instantiated by clients.
 */
public final class SandboxUI {

	/** The symbolic name of this bundle. */
	public static final String PLUGIN_ID = "org.scriptorium.sandbox.ui"; //$NON-NLS-1$

	/** F1 help context ids (org.scriptorium.help's contexts_sandbox.xml). */
	public static final String HELP_RESULTS_VIEW = PLUGIN_ID + ".results_view", //$NON-NLS-1$
			HELP_EXPERIMENT_WIZARD = PLUGIN_ID + ".experiment_wizard"; //$NON-NLS-1$

	/** The Run As &gt; Routing Experiment launch shortcut. */
	public static final String LAUNCH_SHORTCUT_ID = PLUGIN_ID + ".routingExperimentShortcut"; //$NON-NLS-1$

	/** The tab group of the Routing Experiment launch configuration type. */
	public static final String TAB_GROUP_ID = PLUGIN_ID + ".routingExperimentTabGroup"; //$NON-NLS-1$

	/** The command that creates the "Scriptorium Examples" project. */
	public static final String CREATE_EXAMPLES_COMMAND_ID = PLUGIN_ID + ".commands.createExamples"; //$NON-NLS-1$

	/** The command that runs a shipped example experiment (creating the examples project if needed). */
	public static final String RUN_EXAMPLE_COMMAND_ID = PLUGIN_ID + ".commands.runExample"; //$NON-NLS-1$

	/** The parameter of {@link #RUN_EXAMPLE_COMMAND_ID}: the example's file name, e.g. {@code e1-topk-vs-topp.moe.json}. */
	public static final String RUN_EXAMPLE_PARAMETER = RUN_EXAMPLE_COMMAND_ID + ".file"; //$NON-NLS-1$

	/** Family of the job that creates the examples project (also before running an example). */
	public static final Object EXAMPLES_JOB_FAMILY = CREATE_EXAMPLES_COMMAND_ID;

	/**
	 * The key under which widgets carry a stable id ({@code Widget#setData(String, Object)}) for UI tests; the same
	 * key as the Papers view's widgets.
	 */
	public static final String WIDGET_ID_KEY = "org.scriptorium.ui.widgetId"; //$NON-NLS-1$

	/** Widget id of the experiment file field of the Experiment tab. */
	public static final String ID_FILE = "experiment.file"; //$NON-NLS-1$

	/** Widget id of the validation state label of the Experiment tab. */
	public static final String ID_VALIDATION = "experiment.validation"; //$NON-NLS-1$

	/** Widget id of the seed field of the Experiment tab. */
	public static final String ID_SEED = "experiment.seed"; //$NON-NLS-1$

	/** The New Routing Experiment wizard. */
	public static final String NEW_EXPERIMENT_WIZARD_ID = PLUGIN_ID + ".newExperimentWizard"; //$NON-NLS-1$

	/** Widget id of the template choice of the New Routing Experiment wizard. */
	public static final String ID_TEMPLATE = "newExperiment.template"; //$NON-NLS-1$

	/** Widget id of the overrides field of the Parameters tab. */
	public static final String ID_OVERRIDES = "parameters.overrides"; //$NON-NLS-1$

	/** Widget id of the sweep field of the Parameters tab. */
	public static final String ID_SWEEP = "parameters.sweep"; //$NON-NLS-1$

	/** Widget id of the strategies and losses (with links to their papers) of the Experiment tab. */
	public static final String ID_METHODS = "experiment.methods"; //$NON-NLS-1$

	/** Widget ids of the Limits tab's fields. */
	public static final String ID_TIMEOUT = "limits.timeout"; //$NON-NLS-1$
	public static final String ID_HEAP = "limits.heap"; //$NON-NLS-1$
	public static final String ID_PARALLEL = "limits.parallel"; //$NON-NLS-1$

	private SandboxUI() {
	}
}
