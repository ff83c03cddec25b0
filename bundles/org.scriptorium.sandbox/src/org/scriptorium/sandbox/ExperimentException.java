package org.scriptorium.sandbox;

import java.util.List;

/** An experiment file that cannot be read or is invalid; carries every problem found. */
public final class ExperimentException extends Exception {

	private static final long serialVersionUID = 1L;

	private final transient List<Problem> problems;

	public ExperimentException(List<Problem> problems) {
		super(problems.isEmpty()
				? "invalid experiment"
				: problems.get(0).toString()
						+ (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return problems;
	}
}
