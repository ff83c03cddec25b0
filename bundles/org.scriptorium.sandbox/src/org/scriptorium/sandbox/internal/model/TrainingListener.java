package org.scriptorium.sandbox.internal.model;

/** Receives what a training run reports; the child process turns these into protocol events. */
public interface TrainingListener {

	void progress(long step, long total);

	void metric(String name, long step, double value);

	void log(String message);

	/** A text artifact (e.g. a CSV table). */
	void artifact(String name, String mediaType, String content);

	/** Polled between micro-batches; true stops training early. */
	boolean cancelled();

	TrainingListener NONE = new TrainingListener() {
		@Override
		public void progress(long step, long total) {
		}

		@Override
		public void metric(String name, long step, double value) {
		}

		@Override
		public void log(String message) {
		}

		@Override
		public void artifact(String name, String mediaType, String content) {
		}

		@Override
		public boolean cancelled() {
			return false;
		}
	};
}
