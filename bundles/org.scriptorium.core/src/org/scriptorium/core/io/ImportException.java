package org.scriptorium.core.io;

import java.util.List;

/** An import that was refused: nothing was added. The message names the first problem and how many there are. */
public class ImportException extends Exception {

	private static final long serialVersionUID = 1L;

	private final transient List<ImportProblem> problems;

	public ImportException(List<ImportProblem> problems) {
		super(summary(problems));
		this.problems = List.copyOf(problems);
	}

	public ImportException(ImportProblem problem) {
		this(List.of(problem));
	}

	public List<ImportProblem> problems() {
		return problems;
	}

	private static String summary(List<ImportProblem> problems) {
		if (problems.isEmpty()) {
			return "import failed"; //$NON-NLS-1$
		}
		String first = problems.get(0).toString();
		return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more problems)"; //$NON-NLS-1$ //$NON-NLS-2$
	}
}
