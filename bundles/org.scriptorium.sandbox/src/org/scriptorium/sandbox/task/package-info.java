/**
 * Service provider interface for experiment tasks other than the built-in MoE training: an experiment file with a
 * {@code "task": {"kind": ...}} section runs, in its child JVM, the {@link org.scriptorium.sandbox.task.ExperimentTask}
 * of that kind found with {@link java.util.ServiceLoader} on the child's class path (registered in the providing
 * jar's {@code META-INF/services/org.scriptorium.sandbox.task.ExperimentTask}). The sandbox bundle itself does not
 * depend on any provider; the dense-retrieval bundle provides {@code retrieval-routing}.
 */
package org.scriptorium.sandbox.task;
