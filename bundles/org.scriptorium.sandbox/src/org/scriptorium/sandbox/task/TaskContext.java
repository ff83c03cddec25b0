package org.scriptorium.sandbox.task;

import java.nio.file.Path;

import com.google.gson.JsonObject;

/** What a running {@link ExperimentTask} gets from the child JVM: its configuration and the event stream. */
public interface TaskContext {

	/** The resolved {@code task} section (a copy; paths in it are absolute or relative to {@link #dataDirectory()}). */
	JsonObject task();

	/** The run's seed. */
	long seed();

	/** The directory relative data paths of the task are resolved against ({@code task.dataDir}, made absolute). */
	Path dataDirectory();

	/** Reports {@code step} of {@code total} done. */
	void progress(long step, long total);

	/** Reports a metric value at a step (e.g. per fold). */
	void metric(String name, long step, double value);

	/** A line for the person running the experiment. */
	void log(String message);

	/** A named artifact (e.g. a CSV table) stored in the run directory. */
	void artifact(String name, String mediaType, String content);

	/** Whether the run was asked to stop. */
	boolean cancelled();
}
