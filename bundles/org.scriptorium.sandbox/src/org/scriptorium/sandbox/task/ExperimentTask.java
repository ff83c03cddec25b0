package org.scriptorium.sandbox.task;

import java.util.Map;

/**
 * One kind of experiment task, run in a child JVM. The task section it receives has been validated by the sandbox
 * (fields, types, ranges, see docs/experiment-format.md); what only the provider can check (files, model ids) it
 * reports with a {@link TaskInputException}.
 */
public interface ExperimentTask {

	/** The {@code task.kind} this provider runs, e.g. {@code retrieval-routing}. */
	String kind();

	/**
	 * Runs the task and returns its final metrics (flat names such as {@code test.ndcg10.bm25}), which become the
	 * run's {@code result} event. Long work reports progress and checks {@link TaskContext#cancelled()}, ending with
	 * a {@link java.util.concurrent.CancellationException} when it is.
	 *
	 * @throws TaskInputException when an input named by the task cannot be used (missing file, unknown model)
	 * @throws Exception          any other failure; the run is recorded as failed with its message
	 */
	Map<String, Double> run(TaskContext context) throws Exception;
}
