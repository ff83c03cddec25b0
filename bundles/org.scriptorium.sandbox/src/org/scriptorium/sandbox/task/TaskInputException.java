package org.scriptorium.sandbox.task;

/**
 * An input named by a task cannot be used: the message names the field and says what is wrong, e.g.
 * {@code task.corpus: no such file /data/scifact/corpus.jsonl}. The run fails with {@code invalid-config}.
 */
public class TaskInputException extends Exception {

	private static final long serialVersionUID = 1L;

	public TaskInputException(String message) {
		super(message);
	}

	public TaskInputException(String message, Throwable cause) {
		super(message, cause);
	}
}
